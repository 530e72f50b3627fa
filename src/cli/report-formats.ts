// The report formats of `clu validate`, and the JSON document printed when the run cannot start: kept
// apart from report.ts so that the shell (main.ts) loads no more than it needs.

export const REPORT_FORMATS = ['text', 'json', 'github', 'gitlab'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Version of the --format json document: it changes whenever its shape does (docs/format.md). */
export const JSON_FORMAT_VERSION = 1;

/** `clu validate --format json` (in any spelling): a run that cannot start still answers in JSON. */
export function jsonReportRequested(argv: string[]): boolean {
  if (argv[0] !== 'validate') return false;
  return argv.some((arg, i) => arg === '--format=json' || arg === '-fjson' || ((arg === '--format' || arg === '-f') && argv[i + 1] === 'json'));
}

/** The --format json document when clu could not run at all (exit 2): the same version, kind "error". */
export function formatJsonError(message: string): string {
  return `${JSON.stringify({ version: JSON_FORMAT_VERSION, kind: 'error', ok: false, error: { message, exitCode: 2 } }, null, 2)}\n`;
}
