// Turns Zod issues into diagnostics a clerk can act on: at the right line and column, with the keys that
// are allowed there and a "did you mean" for typos. Unions are resolved to the branch the user meant.
import { z } from 'zod';
import type { Reporter, Source } from './diagnostic.js';
import { locate, type DataPath } from './locate.js';
import { closest, didYouMean } from './suggest.js';
import { schemaMessage } from './schema-messages.js';
import type { Locale } from './messages.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** Where an issue's path is relative to: the schema and data at `base` (absolute path in the file). */
interface Scope {
  schema: AnySchema;
  data: unknown;
  base: DataPath;
  source: Source;
  reporter: Reporter;
}

export function reportSchemaIssues(
  root: AnySchema,
  data: unknown,
  issues: readonly Issue[],
  source: Source,
  reporter: Reporter,
): void {
  const scope: Scope = { schema: root, data, base: [], source, reporter };
  for (const issue of issues) if (!isMisspeltRequiredKey(issue, issues)) reportIssue(scope, issue);
}

/**
 * "presence:" for "presences:" gives two issues: the unknown key and the missing one. The unknown key's
 * "did you mean" says it all, so the missing-key issue is dropped.
 */
function isMisspeltRequiredKey(issue: Issue, all: readonly Issue[]): boolean {
  if (issue.code !== 'invalid_type' || (issue as { input?: unknown }).input !== undefined) return false;
  const key = issue.path[issue.path.length - 1];
  if (typeof key !== 'string') return false;
  const unknown = unknownKeysByPath(all).get(JSON.stringify(issue.path.slice(0, -1)));
  return unknown !== undefined && unknown.some((k) => closest(k, [key]) === key);
}

/** The unknown keys of a list of issues, by the path of their block: found once per list, not once per issue. */
const unknownKeysIndex = new WeakMap<readonly Issue[], Map<string, string[]>>();

function unknownKeysByPath(all: readonly Issue[]): Map<string, string[]> {
  let index = unknownKeysIndex.get(all);
  if (!index) {
    index = new Map();
    for (const other of all) {
      if (other.code !== 'unrecognized_keys') continue;
      const at = JSON.stringify(other.path);
      const keys = index.get(at);
      if (keys) keys.push(...other.keys);
      else index.set(at, [...other.keys]);
    }
    unknownKeysIndex.set(all, index);
  }
  return index;
}

function reportIssue(scope: Scope, issue: Issue): void {
  const relative = issue.path as DataPath;
  const path = [...scope.base, ...relative];
  const { reporter, source } = scope;
  const locale = reporter.locale;
  const at = (p: DataPath, key = false) => {
    const located = locate(source, p, { key });
    return { file: source.file, start: located.start, ...(located.end ? { end: located.end } : {}), path: p };
  };
  const value = valueAt(scope.data, relative);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(scope.schema, relative, value);
      const allowedWords = allowed.join(', ');
      for (const key of issue.keys) {
        // Past the limit of shown diagnostics, no "did you mean": the diagnostic is only counted.
        const suggestion = reporter.shows('schema-unknown-key', source.file) ? didYouMean(locale, key, allowed) : '';
        reporter.add(
          'schema-unknown-key',
          { key, suggestion, allowed: allowedWords },
          at([...path, key], true),
        );
      }
      return;
    }
    case 'invalid_type': {
      if (value === undefined) {
        const key = String(path[path.length - 1] ?? '');
        reporter.add('schema-missing', { key, expected: typeName(locale, issue.expected) }, at(path));
        return;
      }
      const text = unquotedColonText(value, { singleWord: true });
      if (issue.expected === 'string' && text) {
        reporter.add('text-with-colon', { text }, at(path));
        return;
      }
      reporter.add(
        'schema-type',
        { expected: typeName(locale, issue.expected), found: describe(locale, value), hint: typeHint(locale, issue.expected, value, path) },
        at(path),
      );
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      reporter.add(
        'schema-value',
        {
          found: describe(locale, value),
          suggestion: typeof value === 'string' ? didYouMean(locale, value, allowed) : '',
          allowed: issue.values.map((v) => JSON.stringify(v)).join(', '),
        },
        at(path),
      );
      return;
    }
    case 'invalid_union': {
      reportUnion(scope, issue, relative);
      return;
    }
    case 'invalid_key':
    case 'invalid_element': {
      for (const inner of issue.issues) reportIssue(scope, { ...inner, path: [...relative, ...(inner.path as DataPath)] } as Issue);
      return;
    }
    case 'too_small': {
      // Zod's own words ("Too small: expected array to have >=1 items") are not for a clerk.
      const fr = locale === 'fr';
      const minimum = String(issue.minimum);
      const detail =
        issue.origin === 'array'
          ? fr ? 'cette liste est vide : ajoutez au moins un élément, ou retirez la clé' : 'this list is empty: add at least one item, or remove the key'
          : issue.origin === 'number'
            ? fr ? `nombre trop petit : ${minimum} au moins` : `number too small: at least ${minimum}`
            : schemaMessage(issue.message, locale);
      reporter.add('schema-invalid', { detail }, at(path));
      return;
    }
    default: {
      reporter.add('schema-invalid', { detail: schemaMessage(issue.message, locale) }, at(path));
    }
  }
}

/**
 * A union failed: find the branch the user meant. A branch "matches" when it has no issue at the union's
 * own level (wrong type, unknown key, missing key); its issues are then the real ones. When no object
 * branch matches (a content item with a misspelt key), say so and suggest the closest kind.
 */
function reportUnion(scope: Scope, issue: Extract<Issue, { code: 'invalid_union' }>, relative: DataPath): void {
  const path = [...scope.base, ...relative];
  const value = valueAt(scope.data, relative);
  const union = schemasAt(scope.schema, relative).find((s) => def(s).type === 'union');
  const options = union ? (def(union).options as AnySchema[]) : [];
  const branches = issue.errors.map((errors, index) => ({ errors, index, score: mismatchScore(errors) }));
  branches.sort((a, b) => a.score - b.score);
  const best = branches[0];
  const objectKeys = options.map(requiredKeys).filter((k) => k.length > 0);

  // The branch's issues are relative to the union's value: report them against that branch's schema.
  const reportBranch = (branch: { errors: readonly Issue[]; index: number }) => {
    const schema = options[branch.index];
    const inner: Scope = schema ? { ...scope, schema, data: value, base: path } : scope;
    for (const e of branch.errors) {
      if (isMisspeltRequiredKey(e, branch.errors)) continue;
      reportIssue(inner, schema ? e : ({ ...e, path: [...relative, ...(e.path as DataPath)] } as Issue));
    }
  };

  if (value === undefined) {
    const key = String(path[path.length - 1] ?? '');
    const located = locate(scope.source, path, {});
    const expected = scope.reporter.locale === 'fr' ? 'voir docs/format.md' : 'see docs/format.md';
    scope.reporter.add('schema-missing', { key, expected }, { file: scope.source.file, start: located.start, path });
    return;
  }
  if (best && best.score < 10) return reportBranch(best);
  const located = locate(scope.source, path, {});
  const where = { file: scope.source.file, start: located.start, ...(located.end ? { end: located.end } : {}), path };
  const kinds = objectKeys.map((keys) => keys[0]!);
  const suggestion = isPlainObject(value) ? (Object.keys(value).map((k) => didYouMean(scope.reporter.locale, k, kinds)).find(Boolean) ?? '') : '';
  // "- Lien : https://…" is a text with ": " unless its first word looks like a misspelt kind of item.
  const text = suggestion ? undefined : unquotedColonText(value, { singleWord: true });
  if (text && options.some((o) => def(o).type === 'string')) {
    scope.reporter.add('text-with-colon', { text }, where);
    return;
  }
  if (isPlainObject(value) && objectKeys.length >= 3) {
    scope.reporter.add('schema-block', { suggestion, allowed: kinds.join(', ') }, where);
    return;
  }
  if (best && best.score < Infinity) return reportBranch(best);
  const expected = [...new Set(issue.errors.flatMap((errors) => errors.filter((e) => e.code === 'invalid_type').map((e) => (e as { expected: string }).expected)))];
  scope.reporter.add(
    'schema-type',
    {
      expected: expected.map((e) => typeName(scope.reporter.locale, e)).join(scope.reporter.locale === 'fr' ? ' ou ' : ' or '),
      found: describe(scope.reporter.locale, value),
      hint: '',
    },
    where,
  );
}

function mismatchScore(errors: readonly Issue[]): number {
  let score = 0;
  for (const e of errors) {
    if (e.path.length === 0 && e.code === 'invalid_type') return Infinity;
    // An enum or a literal does not say "wrong type" for a block of keys: it is not the branch meant either.
    if (e.path.length === 0 && e.code === 'invalid_value' && isPlainObject((e as { input?: unknown }).input)) return Infinity;
    if (e.path.length === 0 && e.code === 'unrecognized_keys') score += 10;
    else if (e.path.length === 1 && e.code === 'invalid_type' && (e as { input?: unknown }).input === undefined) score += 10;
    else score += 1;
  }
  return score;
}

// ─── Walking the schema ───────────────────────────────────────────────────────────────────────────────

interface Def {
  type: string;
  innerType?: AnySchema;
  getter?: () => AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  in?: AnySchema;
}

function def(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: AnySchema): AnySchema[] {
  const d = def(schema);
  switch (d.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'prefault':
      return unwrap(d.innerType!);
    case 'lazy':
      return unwrap(d.getter!());
    case 'pipe':
      return unwrap(d.in!);
    case 'union':
      return [schema, ...d.options!.flatMap(unwrap)];
    default:
      return [schema];
  }
}

/** Every schema that may describe the value at `path` (several when unions are involved). */
export function schemasAt(root: AnySchema, path: DataPath): AnySchema[] {
  let current = unwrap(root);
  for (const segment of path) {
    const next: AnySchema[] = [];
    for (const schema of current) {
      const d = def(schema);
      if (d.type === 'object' && typeof segment === 'string' && d.shape && Object.hasOwn(d.shape, segment)) next.push(...unwrap(d.shape[segment]!));
      else if (d.type === 'array' && typeof segment === 'number') next.push(...unwrap(d.element!));
      else if (d.type === 'record') next.push(...unwrap(d.valueType!));
    }
    current = next;
  }
  return current;
}

/**
 * Keys allowed at `path` (the object being validated there). When a union offers several objects, only
 * those that share a key with the value count: the user's other keys tell which one they meant.
 */
export function keysAt(root: AnySchema, path: DataPath, value?: unknown): string[] {
  const shapes = schemasAt(root, path)
    .map((schema) => def(schema))
    .filter((d) => d.type === 'object' && d.shape)
    .map((d) => Object.keys(d.shape!).filter((key) => key !== '$schema'));
  const given = isPlainObject(value) ? Object.keys(value) : [];
  const matching = shapes.filter((keys) => keys.some((key) => given.includes(key)));
  return [...new Set((matching.length > 0 ? matching : shapes).flat())];
}

function requiredKeys(schema: AnySchema): string[] {
  const d = def(schema);
  if (d.type !== 'object' || !d.shape) return [];
  return Object.entries(d.shape)
    .filter(([, s]) => !['optional', 'default'].includes(def(s).type))
    .map(([k]) => k);
}

// ─── Words ────────────────────────────────────────────────────────────────────────────────────────────

function valueAt(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * "- Les motifs sont : les suivants" is valid YAML, but a one-key map: when the key reads like prose (it
 * has a space), the user meant a text with ": " in it. Returns that text, to show it quoted.
 */
function unquotedColonText(value: unknown, options: { singleWord?: boolean } = {}): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, rest] = entries[0]!;
  const prose = /\s/.test(key.trim()) || (options.singleWord === true && /^\p{Lu}/u.test(key));
  if (!prose || (rest !== null && typeof rest !== 'string' && typeof rest !== 'number')) return undefined;
  const text = rest === null ? `${key}:` : `${key} : ${String(rest)}`;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TYPE_NAMES: Record<string, { en: string; fr: string }> = {
  string: { en: 'a text', fr: 'un texte' },
  number: { en: 'a number', fr: 'un nombre' },
  int: { en: 'a whole number', fr: 'un nombre entier' },
  boolean: { en: 'true or false', fr: 'true ou false' },
  object: { en: 'a block of keys', fr: 'un bloc de clés' },
  array: { en: 'a list (lines starting with “- ”)', fr: 'une liste (lignes commençant par « - »)' },
  record: { en: 'a block of keys', fr: 'un bloc de clés' },
};

function typeName(locale: Locale, expected: string): string {
  return TYPE_NAMES[expected]?.[locale] ?? expected;
}

function describe(locale: Locale, value: unknown): string {
  const fr = locale === 'fr';
  if (value === null) return fr ? 'une valeur vide' : 'an empty value';
  if (Array.isArray(value)) return fr ? 'une liste' : 'a list';
  if (typeof value === 'object') return fr ? 'un bloc de clés' : 'a block of keys';
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return fr ? `« ${short} »` : JSON.stringify(short);
  }
  return String(value);
}

function typeHint(locale: Locale, expected: string, value: unknown, path: DataPath = []): string {
  const fr = locale === 'fr';
  const key = String(path[path.length - 1] ?? '');
  if (expected === 'string' && typeof value === 'number' && ['debut', 'fin'].includes(key)) {
    const [h, m = '00'] = String(value).split('.');
    return fr ? `écrivez l’heure ainsi : ${h}h${m.padEnd(2, '0')}` : `write the time like this: ${h}h${m.padEnd(2, '0')}`;
  }
  if (expected === 'boolean') return fr ? 'écrivez true (oui) ou false (non)' : 'write true or false';
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
    return fr ? 'mettez la valeur entre guillemets' : 'put the value in quotes';
  if (expected === 'array' && typeof value !== 'object')
    return fr ? 'écrivez chaque élément sur une ligne commençant par « - »' : 'write each item on a line starting with “- ”';
  if (value === null && expected === 'array') return fr ? 'ajoutez des éléments (lignes « - … ») sous la clé, ou retirez la clé' : 'add items (lines “- …”) under the key, or remove the key';
  if (value === null) return fr ? 'donnez une valeur après les deux-points' : 'give a value after the colon';
  return fr ? 'voir docs/format.md' : 'see docs/format.md';
}
