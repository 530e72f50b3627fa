// `clu render FILE…`: validates every file first (nothing is rendered if one has errors), then composes
// each meeting through the template and writes the requested formats, each file atomically.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { Reporter } from '../validate/diagnostic.js';
import { validateMeeting } from '../validate/validate.js';
import type { ResolvedMeeting } from '../model/resolve.js';
import type { DocumentTree } from '../document/tree.js';
import type { Stylesheet } from '../document/stylesheet.js';
import { composeDocument } from '../compose/compose.js';
import { builtinTemplateDir, loadTemplate, BUILTIN_TEMPLATES } from '../compose/template.js';
import { applyStyle } from '../compose/style-file.js';
import { locale, type CliIo } from './io.js';
import { printReport } from './validate.js';
import { UsageError } from './errors.js';
import { writeFileAtomic, assertNotInput, displayPath } from './output.js';
import { Progress } from './progress.js';

export const RENDER_FORMATS = ['docx', 'pdf', 'md'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export interface RenderOptions {
  format: string;
  output?: string;
  template?: string;
  pdfa: boolean;
}

export async function runRender(files: string[], options: RenderOptions, io: CliIo): Promise<number> {
  const formats = parseFormats(options.format);
  const template = loadTemplate(resolveTemplateDir(options.template, io.cwd));
  const style = applyStyle(template.style);

  const reporter = new Reporter(locale(io));
  const meetings: ResolvedMeeting[] = [];
  for (const file of files) {
    const resolved = validateMeeting(file, reporter);
    if (resolved) meetings.push(resolved);
  }
  if (reporter.errorCount > 0) return printReport(reporter, files, { format: 'text', strict: false }, io);
  if (reporter.warningCount > 0) printReport(reporter, files, { format: 'text', strict: false, quiet: true }, io);

  const progress = new Progress(io, meetings.length);
  for (const [index, meeting] of meetings.entries()) {
    progress.update(index, meeting.file);
    const tree = composeDocument(meeting, template, io.env);
    const baseDir = path.dirname(path.resolve(io.cwd, meeting.file));
    const outDir = options.output ? path.resolve(io.cwd, options.output) : baseDir;
    mkdirSync(outDir, { recursive: true });
    const stem = path.parse(meeting.file).name;
    for (const format of formats) {
      const target = path.join(outDir, `${stem}.${format}`);
      assertNotInput(target, meeting, io.cwd);
      const bytes = await writeFormat(format, tree, style, { pdfa: options.pdfa, baseDir });
      writeFileAtomic(target, bytes);
      progress.clear();
      io.stdout.write(`${displayPath(target, io.cwd)}\n`);
    }
  }
  progress.done();
  return 0;
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
    if (!(RENDER_FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format "${f}" (choose among: ${RENDER_FORMATS.join(', ')})`);
  }
  if (formats.length === 0) throw new UsageError(`--format needs at least one of: ${RENDER_FORMATS.join(', ')}`);
  return [...new Set(formats)] as RenderFormat[];
}

/** A built-in template name ("proces-verbal") or a folder path. */
export function resolveTemplateDir(template: string | undefined, cwd: string): string {
  if (!template) return builtinTemplateDir('compte-rendu');
  if ((BUILTIN_TEMPLATES as readonly string[]).includes(template)) return builtinTemplateDir(template);
  return path.resolve(cwd, template);
}
