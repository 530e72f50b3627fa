// Every key of the house style, and every list of values it accepts, is checked by `clu validate`: a
// misspelt key or value is reported at its own line and column with "did you mean". The keys are walked
// from the schema itself, so a key added later is covered without touching this test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { Style } from '../src/model/schema.js';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';

interface Def {
  type: string;
  innerType?: unknown;
  shape?: Record<string, unknown>;
  element?: unknown;
  options?: unknown[];
  entries?: Record<string, string>;
}
const def = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

type Segment = string | number;
/** Every object key of the style (with its path) and every enum (with its path and values). */
function walk(schema: unknown, at: Segment[], keys: Segment[][], enums: { path: Segment[]; values: string[] }[]): void {
  const d = def(schema);
  if (d.type === 'optional' || d.type === 'default') return walk(d.innerType, at, keys, enums);
  if (d.type === 'object') {
    for (const [key, inner] of Object.entries(d.shape!)) {
      keys.push([...at, key]);
      walk(inner, [...at, key], keys, enums);
    }
  } else if (d.type === 'array') walk(d.element, [...at, 0], keys, enums);
  else if (d.type === 'union') for (const option of d.options!) walk(option, at, keys, enums);
  else if (d.type === 'enum') enums.push({ path: at, values: Object.values(d.entries!) });
}

const keys: Segment[][] = [];
const enums: { path: Segment[]; values: string[] }[] = [];
walk(Style, [], keys, enums);

const dir = mkdtempSync(path.join(tmpdir(), 'clu-style-typos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An object holding `value` at `at` (arrays for numeric segments). */
function nest(at: Segment[], value: unknown): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at;
  return typeof head === 'number' ? [nest(rest, value)] : { [head!]: nest(rest, value) };
}

let count = 0;
/** Validates a meeting whose style is `style`; returns the diagnostics and the file's text. */
function check(style: unknown) {
  const text = `composition:
  instance: { nom: Conseil }
  membres:
    maire: { civilite: M., prenom: Paul, nom: Girard }
document: { date: 2024-05-20 }
seance: { date: 2024-05-14, debut: 14h30, presidence: maire }
presences:
  presents: [maire]
${stringify({ style })}`;
  const file = path.join(dir, `m${++count}.yaml`);
  writeFileSync(file, text);
  const reporter = new Reporter('en');
  validateMeeting(file, reporter);
  return { diagnostics: reporter.diagnostics, lines: text.split('\n') };
}

/** "civilite" → "civilit": one letter dropped, as a hurried typist does. */
const misspell = (word: string) => word.slice(0, -1);

describe('a misspelt house style key or value', () => {
  it('the walk finds the style’s keys and lists of values', () => {
    expect(keys.map((k) => k.join('.'))).toEqual(expect.arrayContaining(['personnes.civilite', 'entete.0.texte', 'presences.excuses.vide', 'pouvoirs.forme', 'puces']));
    expect(enums.length).toBeGreaterThan(10);
  });

  it.each(keys.map((k) => [k.join('.'), k] as const))('key %s is reported at its line with “did you mean”', (_, at) => {
    const key = at[at.length - 1] as string;
    const typo = misspell(key);
    const { diagnostics, lines } = check(nest([...at.slice(0, -1), typo], 'x'));
    const found = diagnostics.find((d) => d.code === 'schema-unknown-key');
    expect(found, JSON.stringify(diagnostics)).toBeDefined();
    expect(found!.message).toContain(`did you mean “${key}”`);
    // At the misspelt key itself: its line and column in the file.
    const line = lines.findIndex((l) => new RegExp(`(^|[\\s{-])${typo}:`).test(l)) + 1;
    expect(found!.start.line).toBe(line);
    expect(found!.start.column).toBe(lines[line - 1]!.indexOf(`${typo}:`) + 1);
  });

  it.each(enums.map((e) => [e.path.join('.'), e] as const))('value of %s is reported at its line with “did you mean”', (_, { path: at, values }) => {
    // The longest value, so that one letter less is not another allowed value.
    const value = [...values].sort((a, b) => b.length - a.length)[0]!;
    const typo = misspell(value);
    expect(values).not.toContain(typo);
    const { diagnostics, lines } = check(nest(at, typo));
    const found = diagnostics.find((d) => d.code === 'schema-value');
    expect(found, JSON.stringify(diagnostics)).toBeDefined();
    expect(found!.message).toContain(`did you mean “${value}”`);
    const line = lines.findIndex((l) => l.trimEnd().endsWith(` ${typo}`) || l.includes(`"${typo}"`)) + 1;
    expect(found!.start.line).toBe(line);
  });
});
