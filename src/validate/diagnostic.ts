// Diagnostics are data: collected as the input flows through the stages, never thrown for user errors.
// Tests assert codes and positions; wording lives in messages.ts, in English and French.
import type { LineCounter, Document } from 'yaml';
import { defaultSeverity, message, type Locale, type MessageCode, type MessageParams } from './messages.js';

export type Severity = 'error' | 'warning';

export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic {
  code: MessageCode;
  severity: Severity;
  message: string;
  /** How to fix it, when there is something useful to say. */
  hint?: string;
  file: string;
  start: Position;
  end?: Position;
  /** Path of the offending value inside the YAML document, when there is one. */
  path?: (string | number)[];
}

/** A loaded YAML source: what is needed to point at a line and column. */
export interface Source {
  file: string;
  text: string;
  lineCounter: LineCounter;
  doc?: Document.Parsed;
  /** The folder its relative paths start from, when not the file's own (standard input: the working directory). */
  baseDir?: string;
}

/**
 * How many diagnostics of one code a file shows: past it, one line says how many more there are
 * (20,000 "listed twice" of one pasted list say no more than the first ones, and would flood the terminal
 * and the CI). The counts (summary line, exit code, JSON "errors" and "warnings") include them all.
 */
export const MAX_DIAGNOSTICS_PER_CODE = 50;

/** The line that stands for the diagnostics of one code past the limit, in one file. */
interface Omitted {
  diagnostic: Diagnostic;
  count: number;
  code: MessageCode;
}

/** Collects diagnostics for one run, in one locale. */
export class Reporter {
  private readonly list: Diagnostic[] = [];
  /** Text of every file read, for the source excerpts under each diagnostic. */
  readonly sources = new Map<string, string>();

  private reports = 0;
  /** Every diagnostic reported (shown or counted), by code, file, position and message: each counts once. */
  private readonly seen = new Set<string>();
  /** Diagnostics shown, by file and code. */
  private readonly shown = new Map<string, number>();
  /** The "… and N more" line of each file and code past the limit. */
  private readonly omitted = new Map<string, Omitted>();
  private errors = 0;
  private warnings = 0;

  constructor(readonly locale: Locale) {}

  add(
    code: MessageCode,
    params: MessageParams,
    where: { file: string; start: Position; end?: Position; path?: (string | number)[] },
    severity?: Severity,
  ): void {
    this.reports++;
    // A shared composition is checked with every meeting that uses it: report each problem once (the
    // same code, place and words: the words are made of the parameters).
    let key = `${code}\u0000${where.file}\u0000${where.start.line}:${where.start.column}`;
    for (const name in params) key += `\u0000${name}\u0001${params[name]}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const level = severity ?? defaultSeverity(code);
    if (level === 'error') this.errors++;
    else this.warnings++;
    const group = `${code}\u0000${where.file}`;
    const shown = this.shown.get(group) ?? 0;
    if (shown >= MAX_DIAGNOSTICS_PER_CODE) return this.omit(group, code, level, where);
    this.shown.set(group, shown + 1);
    const text = message(this.locale, code, params);
    this.list.push({
      code,
      severity: level,
      message: text.message,
      ...(text.hint ? { hint: text.hint } : {}),
      file: where.file,
      start: where.start,
      ...(where.end ? { end: where.end } : {}),
      ...(where.path ? { path: where.path } : {}),
    });
  }

  /**
   * Whether a diagnostic of this code in this file would still be shown: past the limit, a caller may
   * skip what costs to find (a "did you mean", a position inside a text), as it is only counted.
   */
  shows(code: MessageCode, file: string): boolean {
    return (this.shown.get(`${code}\u0000${file}`) ?? 0) < MAX_DIAGNOSTICS_PER_CODE;
  }

  /** Counts a diagnostic past the limit in the one line that stands for them, at the first one's place. */
  private omit(group: string, code: MessageCode, severity: Severity, where: { file: string; start: Position }): void {
    let line = this.omitted.get(group);
    if (!line) {
      line = { code, count: 0, diagnostic: { code: 'more-diagnostics', severity, message: '', file: where.file, start: where.start } };
      this.omitted.set(group, line);
      this.list.push(line.diagnostic);
    }
    line.count++;
  }

  /** The diagnostics in the order reported, each "… and N more" line with its count so far. */
  get diagnostics(): readonly Diagnostic[] {
    for (const { diagnostic, code, count } of this.omitted.values()) {
      const words = message(this.locale, 'more-diagnostics', moreWords(this.locale, code, count, diagnostic.severity));
      diagnostic.message = words.message;
      if (words.hint) diagnostic.hint = words.hint;
    }
    return this.list;
  }

  /** How many problems were reported, duplicates included: a caller can tell whether a step found any. */
  get reportedCount(): number {
    return this.reports;
  }

  /** Errors found, those past the limit of their code included (not the "… and N more" lines). */
  get errorCount(): number {
    return this.errors;
  }

  get warningCount(): number {
    return this.warnings;
  }
}

/** The words of a "… and N more" line: "19,950 more errors", « 19 950 autres erreurs », and how many are shown. */
function moreWords(locale: Locale, code: MessageCode, count: number, severity: Severity): MessageParams {
  const number = count.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB').replace(/\u202f/g, '\u00a0');
  const many = count > 1;
  const what =
    locale === 'fr'
      ? severity === 'error' ? (many ? 'autres erreurs' : 'autre erreur') : many ? 'autres avertissements' : 'autre avertissement'
      : severity === 'error' ? (many ? 'more errors' : 'more error') : many ? 'more warnings' : 'more warning';
  const limit = MAX_DIAGNOSTICS_PER_CODE;
  const shown = locale === 'fr' ? (severity === 'error' ? `les ${limit} premières sont affichées` : `les ${limit} premiers sont affichés`) : `the first ${limit} are shown`;
  return { count: number, what, code, shown };
}

/** Sorts by file, then line, then column, so output is stable and reads top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.start.line - b.start.line || a.start.column - b.start.column || a.code.localeCompare(b.code),
  );
}
