// `clu render FILE…`: validates every file first (nothing is rendered if one has errors), then writes the
// minutes of each meeting in the formats asked, all of them or none (the pipeline: src/pipeline/render.ts).
import { Reporter } from '../validate/diagnostic.js';
import type { DocumentSource } from '../documents/kind.js';
import { minutes } from '../documents/minutes/index.js';
import { ownScope } from '../compose/template-files.js';
import { templateDir } from '../compose/template-names.js';
import { TemplateCache, type TemplateEntry } from '../compose/template-cache.js';
import { builtinTemplateDir, builtinTemplatesRoot } from '../compose/template-files.js';
import { render } from '../pipeline/render.js';
import { locale, type CliIo } from './io.js';
import { printReport } from './validate.js';
import { UsageError } from './errors.js';
import { displayPath } from './output.js';
import { exitCleanlyOnSignal, pauseForSignals } from '../output/interrupt.js';
import { folderProjectRoot } from '../load/project-root.js';
import { Progress } from './progress.js';
import { projectOptions } from './project-options.js';
import { expandInputs, noteSkipped, SHARED_FILE, validateInput } from './inputs.js';
import { outputFolder } from './output-folder.js';
import { parseFormats } from './formats.js';
import { writerFor } from '../writers/registry.js';

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
  const templates = new TemplateCache(formats.some((format) => writerFor(format).drawsFonts));
  const forced = options.template === undefined ? undefined : await forcedTemplate(templates, options, io);
  const sources = await validatedMeetings(files, options, io, { templates, forced });
  if (typeof sources === 'number') return sources;

  const progress = new Progress(io, sources.length);
  const written = await render(sources, {
    kinds: [minutes],
    formats,
    ...(output !== undefined ? { out: output } : {}),
    context: { templates, ...(forced ? { forced } : {}), env: io.env, cwd: io.cwd },
    pdfa: options.pdfa,
    onDocument: (index, _total, document) => progress.update(index, document.from),
  });
  progress.done();
  for (const target of written) io.stdout.write(`${displayPath(target, io.cwd)}\n`);
  return 0;
}

/** Every input validated (the text checked against the font the PDF will draw it with); an exit code on errors. */
async function validatedMeetings(
  files: string[],
  options: RenderOptions,
  io: CliIo,
  { templates, forced }: { templates: TemplateCache; forced: TemplateEntry | undefined },
): Promise<DocumentSource[] | number> {
  const fonts = templates.withFonts ? (forced ?? (await templates.get(builtinTemplateDir('compte-rendu'), [builtinTemplatesRoot()]))).fonts : undefined;
  const reporter = new Reporter(locale(io));
  const sources: DocumentSource[] = [];
  const inputs = await expandInputs(files, io, options);
  for (const input of inputs) {
    await pauseForSignals();
    const validated = validateInput(input, reporter, { ...projectOptions(options, io), font: fonts?.regular ?? false });
    if (validated?.kind === 'seance') {
      if (validated.meeting) sources.push({ type: 'meeting', file: validated.meeting.file, meeting: validated.meeting });
    } else if (validated) {
      noteSkipped(io, input.file, SHARED_FILE[validated.kind], options.quiet);
    }
  }
  const names = inputs.map((input) => input.file);
  if (reporter.errorCount > 0) return printReport(reporter, names, { format: 'text', strict: false, quiet: Boolean(options.quiet) }, io);
  if (reporter.warningCount > 0 && !options.quiet) printReport(reporter, names, { format: 'text', strict: false }, io);
  if (sources.length === 0) throw new UsageError('no meeting file among the files given: nothing to render', 'aucun fichier de séance parmi les fichiers donnés : rien à mettre en forme');
  return sources;
}

/** `--template DIR`: the folder, and what its files may reach (its own project, and --root if given). */
function forcedTemplate(templates: TemplateCache, options: RenderOptions, io: CliIo): Promise<TemplateEntry> {
  const dir = templateDir(options.template, io.cwd);
  const roots = options.root === undefined ? [] : [folderProjectRoot(io.cwd, { root: options.root, cwd: io.cwd })];
  return templates.get(dir, [...roots, ...ownScope(dir)]);
}
