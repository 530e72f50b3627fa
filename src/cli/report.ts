// Prints diagnostics: human text with the source line and a caret (stderr), JSON (stdout), GitHub
// Actions annotations or a GitLab Code Quality report (stdout, read by the CI).
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../validate/diagnostic.js';
import { sourceLines } from '../validate/locate.js';
import type { Locale } from '../validate/messages.js';
import { visible } from '../text/visible.js';

import { JSON_FORMAT_VERSION, type ReportFormat } from './report-formats.js';

export type { ReportFormat };

export function formatText(diagnostics: Diagnostic[], sources: Map<string, string>, c: ChalkInstance, locale: Locale): string {
  const out: string[] = [];
  const lines = new Map<string, (line: number) => string>();
  for (const d of diagnostics) {
    const severity = d.severity === 'error' ? c.red.bold(label(locale, d.severity)) : c.yellow.bold(label(locale, d.severity));
    // The file's data (a key, a name, a path) is shown with its control characters escaped, before the
    // colours are added: one line per diagnostic, and no escape sequence but clu's own.
    out.push(`${c.bold(`${visible(d.file)}:${d.start.line}:${d.start.column}`)} ${severity} ${visible(d.message)} ${c.dim(`[${d.code}]`)}`);
    const text = sources.get(d.file);
    if (text !== undefined) {
      let lineOf = lines.get(d.file);
      if (!lineOf) lines.set(d.file, (lineOf = sourceLines(text)));
      const line = lineOf(d.start.line);
      if (line.trim() !== '') {
        const gutter = String(d.start.line).padStart(5);
        const width = d.end && d.end.line === d.start.line ? Math.max(1, d.end.column - d.start.column) : 1;
        // A tab is shown as → so that a tab used for indentation can be seen; other control characters
        // as escapes, and the caret's column and width are counted on the line as shown.
        const shown = line.replace(/\t/g, '→');
        const from = d.start.column - 1;
        const before = visible(shown.slice(0, from)).length;
        const span = Math.max(1, visible(shown.slice(from, from + width)).length);
        const { text: excerpted, column } = excerpt(visible(shown), before + 1);
        out.push(`${c.dim(`${gutter} |`)} ${excerpted}`);
        out.push(`${c.dim(`${' '.repeat(5)} |`)} ${' '.repeat(Math.max(0, column - 1))}${c.red('^'.repeat(Math.min(span, Math.max(1, excerpted.length - column + 1))))}`);
      }
    }
    if (d.hint) out.push(`${' '.repeat(6)}${c.cyan(locale === 'fr' ? 'conseil :' : 'hint:')} ${visible(d.hint)}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** A window of a long line around the column, so a minified or generated line does not flood the terminal. */
function excerpt(line: string, column: number): { text: string; column: number } {
  const max = 100;
  if (line.length <= max) return { text: line, column };
  const start = Math.max(0, Math.min(column - 40, line.length - max));
  const prefix = start > 0 ? '…' : '';
  const suffix = start + max < line.length ? '…' : '';
  return { text: prefix + line.slice(start, start + max) + suffix, column: column - start + prefix.length };
}

function label(locale: Locale, severity: 'error' | 'warning'): string {
  if (locale === 'fr') return severity === 'error' ? 'erreur' : 'avertissement';
  return severity;
}

/**
 * Stable, documented JSON: a versioned object with the counts and one object per diagnostic. The counts
 * are the reporter's when given: they include the diagnostics past the limit of their code, which are
 * only one "more-diagnostics" row.
 */
export function formatJson(diagnostics: Diagnostic[], counts: { files: number; failed: boolean; errors?: number; warnings?: number }): string {
  const rows = diagnostics.map((d) => ({
    file: d.file,
    line: d.start.line,
    column: d.start.column,
    ...(d.end ? { endLine: d.end.line, endColumn: d.end.column } : {}),
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.path ? { path: d.path } : {}),
  }));
  const document = {
    version: JSON_FORMAT_VERSION,
    kind: 'diagnostics',
    ok: !counts.failed,
    files: counts.files,
    errors: counts.errors ?? diagnostics.filter((d) => d.severity === 'error').length,
    warnings: counts.warnings ?? diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics: rows,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * GitLab Code Quality report (artifacts:reports:codequality): a JSON array of issues with a description,
 * a check name, a fingerprint, a severity and a location with a path relative to the repository.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
export function formatGitlab(diagnostics: Diagnostic[], cwd: string): string {
  const seen = new Map<string, number>();
  const issues = diagnostics.map((d) => {
    const file = path.isAbsolute(d.file) ? path.relative(cwd, d.file) : d.file;
    const location = file.split(path.sep).join('/');
    const description = d.hint ? `${d.message} — ${d.hint}` : d.message;
    // Stable across runs and unique in the report, as GitLab compares reports by fingerprint.
    const base = `${location}:${d.start.line}:${d.start.column}:${d.code}:${d.message}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return {
      type: 'issue',
      check_name: `clu/${d.code}`,
      description,
      categories: ['Style'],
      severity: d.severity === 'error' ? 'major' : 'minor',
      // node:crypto is loaded here, not at start-up: the other formats do not need it.
      fingerprint: process.getBuiltinModule('node:crypto').createHash('md5').update(`${base}:${count}`).digest('hex'),
      location: {
        path: location,
        lines: { begin: d.start.line, end: d.end?.line ?? d.start.line },
      },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/** GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands */
export function formatGithub(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`, `line=${d.start.line}`, `col=${d.start.column}`];
      if (d.end) props.push(`endLine=${d.end.line}`, `endColumn=${d.end.column}`);
      props.push(`title=${escapeProperty(`clu ${d.code}`)}`);
      const text = d.hint ? `${d.message} — ${d.hint}` : d.message;
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(text)}\n`;
    })
    .join('');
}

/** Line breaks encoded as the runner expects; the other control characters shown as escapes (the log is a terminal). */
function escapeData(s: string): string {
  return visible(s, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
