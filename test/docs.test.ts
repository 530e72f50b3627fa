// The format guide's examples work when copied: its complete files (<!-- fichier: … -->) validate, and
// each excerpt (<!-- extrait: FILE -->) is taken, line for line, from an example that validates.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateAnyFile } from '../src/validate/validate.js';

const root = path.join(import.meta.dirname, '..');
const guide = readFileSync(path.join(root, 'docs', 'format.md'), 'utf8');
const blocks = (marker: string) => [...guide.matchAll(new RegExp(`<!-- ${marker}: (\\S+) -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => ({ file: m[1]!, yaml: m[2]! }));
const out = mkdtempSync(path.join(tmpdir(), 'clu-docs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('docs/format.md', () => {
  const files = blocks('fichier');
  it('has complete example files', () => expect(files.length).toBeGreaterThan(3));
  for (const { file, yaml } of files) {
    const target = path.join(out, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, yaml);
  }
  it.each(files.map((f) => f.file))('%s validates when copied', (file) => {
    const reporter = new Reporter('en');
    // The copied tree is the project: its files include each other (organisation: ../…).
    validateAnyFile(path.join(out, file), reporter, { root: out });
    expect(reporter.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  const excerpts = blocks('extrait');
  it.each(excerpts.map((e, i) => [i, e.file, e.yaml] as const))('excerpt %i is taken from %s', (_, file, yaml) => {
    const source = readFileSync(path.join(root, file), 'utf8').split('\n').map((l) => l.replace(/\s+#.*$/, '').trimEnd());
    for (const line of yaml.split('\n').map((l) => l.replace(/\s+#.*$/, '').trimEnd()).filter(Boolean)) {
      expect(source, `${file} should contain the line ${JSON.stringify(line)}`).toContain(line);
    }
  });
});

describe('the JSON Schemas editors show on hover', () => {
  /** Every property, at any depth, with the path that leads to it. */
  function undocumented(node: unknown, at: string, found: string[] = []): string[] {
    if (!node || typeof node !== 'object') return found;
    const n = node as Record<string, unknown>;
    for (const [key, value] of Object.entries((n.properties as Record<string, Record<string, unknown>>) ?? {})) {
      if (!value.description && !value.$ref) found.push(`${at}.${key}`);
      undocumented(value, `${at}.${key}`, found);
    }
    for (const key of ['items', 'additionalProperties']) undocumented(n[key], `${at}[]`, found);
    for (const key of ['anyOf', 'oneOf', 'allOf']) for (const child of (n[key] as unknown[]) ?? []) undocumented(child, at, found);
    for (const [name, def] of Object.entries((n.$defs as Record<string, unknown>) ?? {})) undocumented(def, `#${name}`, found);
    return found;
  }
  it.each(['seance', 'composition', 'organisation'])('%s: every key has a description', (kind) => {
    const schema: unknown = JSON.parse(readFileSync(path.join(root, 'schema', `${kind}.schema.json`), 'utf8'));
    expect(undocumented(schema, kind)).toEqual([]);
  });
});
