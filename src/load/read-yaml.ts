// Reads one YAML file defensively: every way a file can be wrong becomes a diagnostic with a position,
// in bounded time and memory. Only "could not read at all" (missing, directory, permissions) throws.
import { LineCounter, parseAllDocuments, isAlias, isMap, isPair, isScalar, visit, type Document } from 'yaml';
import type { Reporter, Source } from '../validate/diagnostic.js';
import { FileRefused, formatSize, readFailureError, readRegularFile, SIZE_LIMITS } from './read-file.js';
import { explainYamlError } from './yaml-errors.js';

/** A meeting file is a few dozen kilobytes; anything above this is not a meeting file (the benchmark reads
 * the reference repeated 100 times, 4.8 MB, well under it). */
export const MAX_FILE_BYTES = SIZE_LIMITS.yaml;
export const MAX_ALIASES = 100;
export const MAX_DEPTH = 64;

export interface LoadedYaml {
  source: Source;
  /** The plain data, or undefined when the file could not be parsed. */
  data: unknown;
}

export type FileBytes = { bytes: Buffer } | { tooLarge: number };

/** The bytes of a YAML file, or its size when it is too large (a diagnostic); throws what else went wrong. */
export function readYamlBytes(file: string): FileBytes {
  try {
    return { bytes: readRegularFile(file, 'yaml') };
  } catch (error) {
    // A too-large file is not read: its size is enough to refuse it, as a diagnostic at 1:1.
    if (error instanceof FileRefused && error.refusal.why === 'too-large') return { tooLarge: error.refusal.size };
    throw error;
  }
}

/** Throws UsageError when the file cannot be read at all (exit code 2). */
export function readBytes(file: string): FileBytes {
  try {
    return readYamlBytes(file);
  } catch (error) {
    throw readFailureError(error, file);
  }
}

const start = { line: 1, column: 1 };

/** Checks the bytes and decodes them; reports and returns undefined when they are not usable text. */
export function decodeText(file: string, read: FileBytes, reporter: Reporter): string | undefined {
  if ('tooLarge' in read) {
    reporter.add('file-too-large', { size: formatSize(read.tooLarge), limit: formatSize(MAX_FILE_BYTES) }, { file, start });
    return undefined;
  }
  const bytes = read.bytes;
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    reporter.add('file-empty', {}, { file, start });
    return undefined;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    reporter.add('file-binary', {}, { file, start });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    reporter.add(
      'file-encoding',
      { byte: `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`, offset },
      { file, start: positionOfByte(bytes, offset) },
    );
    return undefined;
  }
  // A UTF-8 BOM and CRLF line endings are accepted: editors on Windows write them.
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function parseYaml(file: string, text: string, reporter: Reporter): LoadedYaml {
  const lineCounter = new LineCounter();
  const source: Source = { file, text, lineCounter };
  reporter.sources.set(file, text);
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };

  let docs: Document.Parsed[];
  try {
    // Duplicate keys are found by inspectTree (the parser's own check compares each key with every
    // earlier one of its block: quadratic in a block of many keys).
    docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false }) as Document.Parsed[];
  } catch (error) {
    if (error instanceof RangeError) {
      reporter.add('yaml-too-deep', { limit: MAX_DEPTH }, { file, start });
      return { source, data: undefined };
    }
    throw error;
  }
  if (!Array.isArray(docs)) docs = [];
  const doc = docs[0];
  if (!doc) {
    reporter.add('file-empty', {}, { file, start });
    return { source, data: undefined };
  }
  source.doc = doc;
  if (docs.length > 1) {
    const second = docs[1]!;
    reporter.add('yaml-multi-document', {}, { file, start: pos(second.range[0]) });
  }

  let hasErrors = false;
  let syntaxReported = false;
  for (const error of doc.errors) {
    hasErrors = true;
    const at = pos(error.pos[0]);
    if (/Maximum call stack/i.test(error.message)) {
      // The parser caught its own stack overflow: the input is nested far too deeply.
      reporter.add('yaml-too-deep', { limit: MAX_DEPTH }, { file, start: at });
    } else if (error.code === 'DUPLICATE_KEY') {
      reporter.add('yaml-duplicate-key', { key: keyAt(text, error.pos[0]) }, { file, start: at });
    } else if (!syntaxReported) {
      syntaxReported = true;
      const words = explainYamlError(error.code, firstLine(error.message), error.pos[0], text, reporter.locale);
      reporter.add('yaml-syntax', { detail: words.detail, hint: words.hint }, { file, start: pos(words.offset ?? error.pos[0]) });
    }
  }
  const findings = inspectTree(doc);
  for (const offset of findings.duplicateKeys) {
    hasErrors = true;
    reporter.add('yaml-duplicate-key', { key: keyAt(text, offset) }, { file, start: pos(offset) });
  }
  for (const warning of doc.warnings) {
    const at = pos(warning.pos[0]);
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      hasErrors = true;
      reporter.add('yaml-unknown-tag', { tag: tagAt(text, warning.pos[0]) }, { file, start: at });
    } else {
      reporter.add('yaml-syntax', { detail: firstLine(warning.message), hint: '' }, { file, start: at }, 'warning');
    }
  }
  if (hasErrors) return { source, data: undefined };

  if (findings.deepest.depth > MAX_DEPTH) {
    reporter.add('yaml-too-deep', { limit: MAX_DEPTH }, { file, start: pos(findings.deepest.offset) });
    return { source, data: undefined };
  }

  if (findings.reservedKey !== undefined) {
    reporter.add('yaml-reserved-key', { key: '__proto__' }, { file, start: pos(findings.reservedKey) });
    return { source, data: undefined };
  }

  try {
    return { source, data: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    if (error instanceof ReferenceError && /Unresolved alias/.test(error.message)) {
      // "- *Important* : …": an italic word at the start of a text reads as a YAML alias.
      const at = firstAliasOffset(doc);
      const words = explainYamlError('UNRESOLVED_ALIAS', error.message, at, text, reporter.locale);
      reporter.add('yaml-syntax', { detail: words.detail, hint: words.hint }, { file, start: pos(words.offset ?? at) });
      return { source, data: undefined };
    }
    if (error instanceof ReferenceError) {
      reporter.add('yaml-alias-limit', { limit: MAX_ALIASES }, { file, start: pos(firstAliasOffset(doc)) });
      return { source, data: undefined };
    }
    if (error instanceof RangeError) {
      reporter.add('yaml-too-deep', { limit: MAX_DEPTH }, { file, start });
      return { source, data: undefined };
    }
    throw error;
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 80);
  const match = /^["']?([^:"'\n]+)/.exec(rest);
  return (match?.[1] ?? rest).trim();
}

function tagAt(text: string, offset: number): string {
  const match = /!\S*/.exec(text.slice(offset, offset + 80));
  return match?.[0] ?? '!';
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** What one walk of the node tree finds that makes a file unusable as data. */
interface TreeFindings {
  /** Where each key that repeats an earlier key of its block is, in the order of the file. */
  duplicateKeys: number[];
  /** The deepest node reached (the first one past MAX_DEPTH, if any), keys not counted. */
  deepest: { depth: number; offset: number };
  /** The first `__proto__` key: JavaScript objects cannot hold it as an ordinary key, so it would vanish. */
  reservedKey?: number;
}

/**
 * One iterative walk (a recursive one would overflow on hostile input) for three checks: duplicate keys
 * (the parser's DUPLICATE_KEY, with the keys of each block in a Map: two scalar keys are the same when
 * their values are, a key "1" and a key 1 differ, as for the parser; other keys are never the same),
 * the depth, and the reserved key. No deeper than MAX_DEPTH + 1: a deeper file is refused as too deep.
 */
function inspectTree(doc: Document.Parsed): TreeFindings {
  const findings: TreeFindings = { duplicateKeys: [], deepest: { depth: 0, offset: 0 } };
  // `key`: a node inside a key (a block used as a key), walked for its own keys but not for the depth.
  const stack: { node: unknown; depth: number; key: boolean }[] = [{ node: doc.contents, depth: 1, key: false }];
  while (stack.length > 0) {
    const { node, depth, key } = stack.pop()!;
    if (!node || typeof node !== 'object' || depth > MAX_DEPTH + 1) continue;
    if (!key && depth > findings.deepest.depth) findings.deepest = { depth, offset: (node as { range?: [number, number, number] }).range?.[0] ?? 0 };
    const items = (node as { items?: unknown[] }).items;
    if (!Array.isArray(items)) continue;
    const keys = isMap(node) ? new Set<unknown>() : undefined;
    for (const item of items) {
      if (!isPair(item)) {
        stack.push({ node: item, depth: depth + 1, key });
        continue;
      }
      if (isScalar(item.key)) {
        const offset = item.key.range?.[0] ?? 0;
        if (item.key.value === '__proto__' && (findings.reservedKey === undefined || offset < findings.reservedKey)) findings.reservedKey = offset;
        if (keys?.has(item.key.value)) findings.duplicateKeys.push(offset);
        else keys?.add(item.key.value);
      } else {
        stack.push({ node: item.key, depth: depth + 1, key: true });
      }
      stack.push({ node: item.value, depth: depth + 1, key });
    }
  }
  findings.duplicateKeys.sort((a, b) => a - b);
  return findings;
}

function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest invalid prefix; a truncated sequence at the cut is not an error.
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      decoder.decode();
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return Math.min(low, bytes.length - 1);
}

function positionOfByte(bytes: Buffer, offset: number) {
  const before = bytes.subarray(0, offset);
  let line = 1;
  let lastNewline = -1;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === 0x0a) {
      line++;
      lastNewline = i;
    }
  }
  return { line, column: offset - lastNewline };
}
