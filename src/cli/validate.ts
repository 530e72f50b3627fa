// `clu validate FILE…`: every problem of every file at once. Exit 0 valid, 1 errors (or warnings with
// --strict), 2 could not run.
import { Reporter, sortDiagnostics } from '../validate/diagnostic.js';
import { expandInputs, validateInput } from './inputs.js';
import { colours, locale, type CliIo } from './io.js';
import { projectOptions } from './project-options.js';
import { formatGithub, formatGitlab, formatJson, formatText, type ReportFormat } from './report.js';

export interface ValidateOptions {
  format: ReportFormat;
  strict: boolean;
  /** --quiet: in text, only what makes the run fail (errors; warnings with --strict) and the summary then. */
  quiet?: boolean;
  root?: string;
}

export async function runValidate(files: string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const reporter = new Reporter(locale(io));
  const inputs = await expandInputs(files, io, options);
  for (const input of inputs) validateInput(input, reporter, projectOptions(options, io));
  return printReport(
    reporter,
    inputs.map((input) => input.file),
    options,
    io,
  );
}

/** Prints the diagnostics in the chosen format and returns the exit code. Shared with `clu render`. */
export function printReport(reporter: Reporter, files: string[], options: ValidateOptions, io: CliIo): number {
  const failed = reporter.errorCount > 0 || (options.strict && reporter.warningCount > 0);
  const all = sortDiagnostics(reporter.diagnostics);
  const diagnostics = options.quiet && options.format === 'text' ? all.filter((d) => d.severity === 'error' || options.strict) : all;
  switch (options.format) {
    case 'json':
      io.stdout.write(formatJson(diagnostics, { files: files.length, failed, errors: reporter.errorCount, warnings: reporter.warningCount }));
      break;
    case 'gitlab':
      io.stdout.write(formatGitlab(diagnostics, io.cwd));
      break;
    case 'github':
      io.stdout.write(formatGithub(diagnostics));
      break;
    case 'text': {
      const c = colours(io, io.stderr);
      io.stderr.write(formatText(diagnostics, reporter.sources, c, reporter.locale));
      if (!options.quiet || failed) io.stderr.write(summary(reporter, files.length, c, failed));
      break;
    }
  }
  return failed ? 1 : 0;
}

function summary(reporter: Reporter, fileCount: number, c: ReturnType<typeof colours>, failed: boolean): string {
  const fr = reporter.locale === 'fr';
  const e = reporter.errorCount;
  const w = reporter.warningCount;
  // French uses the singular for 0 and 1, English only for 1.
  const plural = (n: number, one: string, many: string) => `${n} ${(fr ? n <= 1 : n === 1) ? one : many}`;
  const files = fr ? plural(fileCount, 'fichier', 'fichiers') : plural(fileCount, 'file', 'files');
  if (e === 0 && w === 0) return c.green(fr ? `✓ ${files} valide${fileCount > 1 ? 's' : ''}\n` : `✓ ${files} valid\n`);
  const parts = fr
    ? [plural(e, 'erreur', 'erreurs'), plural(w, 'avertissement', 'avertissements')]
    : [plural(e, 'error', 'errors'), plural(w, 'warning', 'warnings')];
  const line = `${parts.join(', ')} (${files})\n`;
  return failed ? c.red(line) : c.yellow(line);
}
