// Diagnostics are data: collected as the input flows through the stages, never thrown for user errors.
// Tests assert codes and positions; wording lives in messages.ts, in English and French.
import type { LineCounter, Document } from 'yaml';
import { message, type Locale, type MessageCode, type MessageParams } from './messages.js';

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

/** Collects diagnostics for one run, in one locale. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  /** Text of every file read, for the source excerpts under each diagnostic. */
  readonly sources = new Map<string, string>();

  private reports = 0;

  constructor(readonly locale: Locale) {}

  add(
    code: MessageCode,
    params: MessageParams,
    where: { file: string; start: Position; end?: Position; path?: (string | number)[] },
    severity?: Severity,
  ): void {
    this.reports++;
    const text = message(this.locale, code, params);
    // A shared composition is checked with every meeting that uses it: report each problem once.
    const duplicate = this.diagnostics.some(
      (d) => d.code === code && d.file === where.file && d.start.line === where.start.line && d.start.column === where.start.column && d.message === text.message,
    );
    if (duplicate) return;
    this.diagnostics.push({
      code,
      severity: severity ?? text.severity,
      message: text.message,
      ...(text.hint ? { hint: text.hint } : {}),
      file: where.file,
      start: where.start,
      ...(where.end ? { end: where.end } : {}),
      ...(where.path ? { path: where.path } : {}),
    });
  }

  /** How many problems were reported, duplicates included: a caller can tell whether a step found any. */
  get reportedCount(): number {
    return this.reports;
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'warning').length;
  }
}

/** Sorts by file, then line, then column, so output is stable and reads top to bottom. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.start.line - b.start.line || a.start.column - b.start.column || a.code.localeCompare(b.code),
  );
}
