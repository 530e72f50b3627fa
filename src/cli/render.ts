// `clu render FILE…`: validates every file first (nothing is rendered if one has errors), then composes
// each meeting through the template and writes the requested formats, all of them or none.
import path from 'node:path';
import { Reporter } from '../validate/diagnostic.js';
import type { ResolvedMeeting } from '../model/resolve.js';
import type { DocumentTree } from '../document/tree.js';
import type { Stylesheet } from '../document/stylesheet.js';
import { composeDocument } from '../compose/compose.js';
import { builtinTemplateDir, builtinTemplatesRoot, loadTemplate, ownScope, templateScope, BUILTIN_TEMPLATES, type LoadedTemplate } from '../compose/template.js';
import { applyStyle } from '../compose/style-file.js';
import { locale, type CliIo } from './io.js';
import { printReport } from './validate.js';
import { UsageError } from './errors.js';
import { displayPath, inputFiles } from './output.js';
import { checkTargets } from '../output/targets.js';
import { commitOutputs, type Output } from '../output/commit.js';
import { exitCleanlyOnSignal, pauseForSignals } from '../output/interrupt.js';
import { folderProjectRoot, isInside, realOrResolved } from '../load/project-root.js';
import { checkImages, loadFonts } from '../load/resources.js';
import { Progress } from './progress.js';
import { projectOptions } from './project-options.js';
import { expandInputs, noteSkipped, outputStem, SHARED_FILE, validateInput } from './inputs.js';
import { outputFolder } from './output-folder.js';

export const RENDER_FORMATS = ['docx', 'pdf', 'md'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export interface RenderOptions {
  format: string;
  output?: string;
  template?: string;
  pdfa: boolean;
  root?: string;
  quiet?: boolean;
}

export async function runRender(files: string[], options: RenderOptions, io: CliIo): Promise<number> {
  const formats = parseFormats(options.format);
  const output = outputFolder(options.output, io);
  // From here on, Ctrl-C stops the run at the next pause (between two files read or outputs rendered).
  exitCleanlyOnSignal();
  // A template given on the command line is loaded first (a broken one stops the run before any work);
  // otherwise each meeting's files name theirs (style.modele, or that of their style.base).
  const templates = new TemplateCache(formats.includes('pdf'));
  const forced = options.template === undefined ? undefined : await templates.get(...forcedTemplate(options, io));

  // The fonts are opened first: the text is checked against the one the PDF will draw it with.
  const fonts = formats.includes('pdf') ? (forced ?? (await templates.get(builtinTemplateDir('compte-rendu'), [builtinTemplatesRoot()]))).fonts : undefined;
  const reporter = new Reporter(locale(io));
  const meetings: ResolvedMeeting[] = [];
  const inputs = await expandInputs(files, io, options);
  for (const input of inputs) {
    await pauseForSignals();
    const validated = validateInput(input, reporter, { ...projectOptions(options, io), font: fonts?.regular ?? false });
    if (validated?.kind === 'seance') {
      if (validated.meeting) meetings.push(validated.meeting);
    } else if (validated) {
      noteSkipped(io, input.file, SHARED_FILE[validated.kind], options.quiet);
    }
  }
  const names = inputs.map((input) => input.file);
  if (reporter.errorCount > 0) return printReport(reporter, names, { format: 'text', strict: false, quiet: Boolean(options.quiet) }, io);
  if (reporter.warningCount > 0 && !options.quiet) printReport(reporter, names, { format: 'text', strict: false }, io);
  if (meetings.length === 0) throw new UsageError('no meeting file among the files given: nothing to render', 'aucun fichier de séance parmi les fichiers donnés : rien à mettre en forme');

  // Every target is checked, and every template (with its fonts) loaded, before anything is rendered.
  const plans = [];
  for (const meeting of meetings) {
    const baseDir = path.dirname(path.resolve(io.cwd, meeting.file));
    const outDir = output ?? baseDir;
    const stem = outputStem(meeting.file, meeting.meeting.seance.date);
    const scope = templateScope([meeting.root]);
    const { template, stylesheet } = forced ?? (await templates.get(templateDirOf(meeting), scope));
    // A picture (logo, content image, a template's <img>) is read from the meeting's project or clu's own.
    const imageScope = forced ? [...scope, ...forced.template.within] : scope;
    plans.push({ meeting, baseDir, template, stylesheet, imageScope, targets: formats.map((format) => ({ format, target: path.join(outDir, `${stem}.${format}`) })) });
  }
  checkTargets(
    plans.flatMap((plan) => plan.targets.map(({ target }) => ({ target, from: plan.meeting.file }))),
    meetings.flatMap((meeting) => inputFiles(meeting, io.cwd)),
  );

  // Rendered in memory, then written all together: a meeting's DOCX and PDF change together or not at all.
  // Between two outputs, a Ctrl-C is handled (nothing has been written yet).
  const outputs: Output[] = [];
  const progress = new Progress(io, meetings.length);
  for (const [index, { meeting, baseDir, template, stylesheet, imageScope, targets }] of plans.entries()) {
    progress.update(index, meeting.file);
    const tree = composeDocument(meeting, template, io.env);
    checkImages(tree.blocks, baseDir, imageScope);
    for (const { format, target } of targets) {
      await pauseForSignals();
      outputs.push({ target, bytes: await writeFormat(format, tree, stylesheet, { pdfa: options.pdfa, baseDir }) });
    }
  }
  progress.done();
  await commitOutputs(outputs);
  // A signal received during the renames is handled here: the files are complete, but the run was stopped.
  await pauseForSignals();
  for (const { target } of outputs) io.stdout.write(`${displayPath(target, io.cwd)}\n`);
  return 0;
}

/** `--template DIR`: the folder, and what its files may reach (its own project, and --root if given). */
function forcedTemplate(options: RenderOptions, io: CliIo): [string, string[]] {
  const dir = resolveTemplateDir(options.template, io.cwd);
  const roots = options.root === undefined ? [] : [folderProjectRoot(io.cwd, { root: options.root, cwd: io.cwd })];
  return [dir, [...roots, ...ownScope(dir)]];
}

interface TemplateEntry {
  template: LoadedTemplate;
  stylesheet: Stylesheet;
  /** Its fonts opened and checked, when a PDF is to be written. */
  fonts?: Awaited<ReturnType<typeof loadFonts>>;
}

/**
 * Each template folder is loaded and compiled once per run, however many meetings name it, and its
 * fonts opened once when a PDF is asked for: a broken font of a template named by `style.modele` is
 * the same one-line message as one of `--template`, before anything is rendered.
 */
class TemplateCache {
  private readonly loaded = new Map<string, TemplateEntry>();

  constructor(private readonly withFonts: boolean) {}

  async get(dir: string, projectScope: readonly string[]): Promise<TemplateEntry> {
    // A built-in template reads only clu's own files, whichever project names it: loaded once for all.
    const builtins = builtinTemplatesRoot();
    const within = isInside(realOrResolved(dir), builtins) ? [builtins] : projectScope;
    const key = JSON.stringify([dir, within]);
    let entry = this.loaded.get(key);
    if (!entry) {
      const template = loadTemplate(dir, within);
      const stylesheet = applyStyle(template.style);
      entry = { template, stylesheet, ...(this.withFonts ? { fonts: await loadFonts(stylesheet.fonts) } : {}) };
      this.loaded.set(key, entry);
    }
    return entry;
  }
}

/** The template a meeting's files name: `style.modele` (a built-in name or a folder), else compte-rendu. */
export function templateDirOf(meeting: ResolvedMeeting): string {
  const modele = meeting.style.modele ?? 'compte-rendu';
  return (BUILTIN_TEMPLATES as readonly string[]).includes(modele) ? builtinTemplateDir(modele) : modele;
}

/** Each writer is loaded only when its format is asked for (pdfkit alone takes a fifth of a second). */
async function writeFormat(format: RenderFormat, tree: DocumentTree, style: Stylesheet, options: { pdfa: boolean; baseDir: string }): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return (await import('../writers/docx.js')).writeDocx(tree, style, { baseDir: options.baseDir });
    case 'pdf':
      return (await import('../writers/pdf/index.js')).writePdf(tree, style, options);
    case 'md':
      return Buffer.from((await import('../writers/markdown.js')).writeMarkdown(tree), 'utf8');
  }
}

function parseFormats(value: string): RenderFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) {
    if (!(RENDER_FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`unknown format "${f}" (choose among: ${RENDER_FORMATS.join(', ')})`, `format inconnu « ${f} » (au choix : ${RENDER_FORMATS.join(', ')})`);
    }
  }
  if (formats.length === 0) throw new UsageError(`--format needs at least one of: ${RENDER_FORMATS.join(', ')}`, `--format attend au moins l’un de : ${RENDER_FORMATS.join(', ')}`);
  return [...new Set(formats)] as RenderFormat[];
}

/** A built-in template name ("proces-verbal") or a folder path. */
export function resolveTemplateDir(template: string | undefined, cwd: string): string {
  if (!template) return builtinTemplateDir('compte-rendu');
  if ((BUILTIN_TEMPLATES as readonly string[]).includes(template)) return builtinTemplateDir(template);
  return path.resolve(cwd, template);
}
