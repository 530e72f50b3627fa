// `clu render FILE…`: validates every file first (nothing is rendered if one has errors), then composes
// each meeting through the template and writes the requested formats, all of them or none.
import path from 'node:path';
import { Reporter } from '../validate/diagnostic.js';
import type { ResolvedMeeting } from '../model/resolve.js';
import type { DocumentTree } from '../document/tree.js';
import type { Stylesheet } from '../document/stylesheet.js';
import { composeDocument } from '../compose/compose.js';
import { builtinTemplateDir, loadTemplate, BUILTIN_TEMPLATES, type LoadedTemplate } from '../compose/template.js';
import { applyStyle } from '../compose/style-file.js';
import { locale, type CliIo } from './io.js';
import { printReport } from './validate.js';
import { UsageError } from './errors.js';
import { displayPath, inputFiles } from './output.js';
import { checkTargets } from '../output/targets.js';
import { commitOutputs, type Output } from '../output/commit.js';
import { exitCleanlyOnSignal } from '../output/interrupt.js';
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
  // A template given on the command line is loaded first (a broken one stops the run before any work);
  // otherwise each meeting's files name theirs (style.modele, or that of their style.base).
  const templates = new TemplateCache();
  const forced = options.template === undefined ? undefined : templates.get(resolveTemplateDir(options.template, io.cwd));

  // The fonts are opened first: the text is checked against the one the PDF will draw it with.
  const fonts = formats.includes('pdf') ? await loadFonts((forced ?? templates.get(builtinTemplateDir('compte-rendu'))).stylesheet.fonts) : undefined;
  const reporter = new Reporter(locale(io));
  const meetings: ResolvedMeeting[] = [];
  const inputs = await expandInputs(files, io);
  for (const input of inputs) {
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

  // Every target is checked before anything is rendered or written.
  const plans = meetings.map((meeting) => {
    const baseDir = path.dirname(path.resolve(io.cwd, meeting.file));
    const outDir = output ?? baseDir;
    const stem = outputStem(meeting.file, meeting.meeting.seance.date);
    return { meeting, baseDir, targets: formats.map((format) => ({ format, target: path.join(outDir, `${stem}.${format}`) })) };
  });
  checkTargets(
    plans.flatMap((plan) => plan.targets.map(({ target }) => ({ target, from: plan.meeting.file }))),
    meetings.flatMap((meeting) => inputFiles(meeting, io.cwd)),
  );

  // Rendered in memory, then written all together: a meeting's DOCX and PDF change together or not at all.
  exitCleanlyOnSignal();
  const outputs: Output[] = [];
  const progress = new Progress(io, meetings.length);
  for (const [index, { meeting, baseDir, targets }] of plans.entries()) {
    progress.update(index, meeting.file);
    const { template, stylesheet } = forced ?? templates.get(templateDirOf(meeting));
    const tree = composeDocument(meeting, template, io.env);
    checkImages(tree.blocks, baseDir);
    for (const { format, target } of targets) {
      outputs.push({ target, bytes: await writeFormat(format, tree, stylesheet, { pdfa: options.pdfa, baseDir }) });
    }
  }
  progress.done();
  commitOutputs(outputs);
  for (const { target } of outputs) io.stdout.write(`${displayPath(target, io.cwd)}\n`);
  return 0;
}

/** Each template folder is loaded and compiled once per run, however many meetings name it. */
class TemplateCache {
  private readonly loaded = new Map<string, { template: LoadedTemplate; stylesheet: Stylesheet }>();

  get(dir: string): { template: LoadedTemplate; stylesheet: Stylesheet } {
    let entry = this.loaded.get(dir);
    if (!entry) {
      const template = loadTemplate(dir);
      entry = { template, stylesheet: applyStyle(template.style) };
      this.loaded.set(dir, entry);
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
