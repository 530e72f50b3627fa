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

/** The diagnostics of one code in one file. */
interface Group {
  /** What each shown diagnostic is (position and parameters): a repeat is not shown twice. */
  shown: Set<string>;
  /** The same, hashed (see counted). */
  shownHashes: Set<number>;
  /** The same for those past the limit, hashed (53 bits): a count needs no more, and a long list costs no string each. */
  counted?: Set<number>;
  /** The "… and N more" line, once past the limit. */
  more?: Diagnostic;
}

/** Collects diagnostics for one run, in one locale. */
export class Reporter {
  private readonly list: Diagnostic[] = [];
  /** Text of every file read, for the source excerpts under each diagnostic. */
  readonly sources = new Map<string, string>();

  private reports = 0;
  /** By file, then code. */
  private readonly groups = new Map<string, Map<MessageCode, Group>>();
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
    const group = this.group(code, where.file);
    // A shared composition is checked with every meeting that uses it: report each problem once (the
    // same code, place and words; the words are made of the parameters).
    if (group.shown.size >= MAX_DIAGNOSTICS_PER_CODE) {
      const hash = diagnosticHash(where, params);
      if (group.shownHashes.has(hash) || group.counted?.has(hash)) return;
      (group.counted ??= new Set()).add(hash);
      this.count(severity ?? defaultSeverity(code));
      group.more ??= this.moreLine(code, severity ?? defaultSeverity(code), where);
      return;
    }
    const key = diagnosticKey(where.start, params);
    if (group.shown.has(key)) return;
    group.shown.add(key);
    group.shownHashes.add(diagnosticHash(where, params));
    const text = message(this.locale, code, params);
    const level = severity ?? text.severity;
    this.count(level);
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
    return (this.groups.get(file)?.get(code)?.shown.size ?? 0) < MAX_DIAGNOSTICS_PER_CODE;
  }

  /**
   * Whether a diagnostic of this code in this file needs its position: one that is shown does, and so
   * does the first past the limit (its "… and N more" line stands there); the others are told apart by
   * their path, so a caller may skip locating them.
   */
  needsPosition(code: MessageCode, file: string): boolean {
    const group = this.groups.get(file)?.get(code);
    return !group || group.shown.size < MAX_DIAGNOSTICS_PER_CODE || !group.more;
  }

  private group(code: MessageCode, file: string): Group {
    let codes = this.groups.get(file);
    if (!codes) this.groups.set(file, (codes = new Map()));
    let group = codes.get(code);
    if (!group) codes.set(code, (group = { shown: new Set(), shownHashes: new Set() }));
    return group;
  }

  private count(severity: Severity): void {
    if (severity === 'error') this.errors++;
    else this.warnings++;
  }

  /** The one line that stands for the diagnostics past the limit, at the first one's place; its words are made when read. */
  private moreLine(code: MessageCode, severity: Severity, where: { file: string; start: Position }): Diagnostic {
    const line: Diagnostic = { code: 'more-diagnostics', severity, message: '', file: where.file, start: where.start };
    this.list.push(line);
    return line;
  }

  /** The diagnostics in the order reported, each "… and N more" line with its count so far. */
  get diagnostics(): readonly Diagnostic[] {
    for (const codes of this.groups.values()) {
      for (const [code, group] of codes) {
        if (!group.more) continue;
        const words = message(this.locale, 'more-diagnostics', moreWords(this.locale, code, group.counted?.size ?? 0, group.more.severity));
        group.more.message = words.message;
        if (words.hint) group.more.hint = words.hint;
      }
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

/** What a diagnostic is, within its file and code: its position and parameters. */
function diagnosticKey(start: Position, params: MessageParams): string {
  let key = `${start.line}:${start.column}`;
  for (const name in params) key += `\u0000${name}\u0001${params[name]}`;
  return key;
}

/**
 * What a diagnostic is, hashed to 53 bits (two 32-bit FNV-1a) without building a string: its path in the
 * data when it has one (a place, as its position is), else its position, and its parameters.
 */
function diagnosticHash(where: { start: Position; path?: (string | number)[] }, params: MessageParams): number {
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ 0xff, 0x01000193);
    b = Math.imul(b ^ 0xff, 0x5bd1e995);
  };
  if (where.path) for (const segment of where.path) mix(String(segment));
  else mix(`${where.start.line}:${where.start.column}`);
  for (const name in params) {
    mix(name);
    mix(String(params[name]));
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
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
