// Every way a file can be unusable gets a one-line cause, in bounded time and memory, never a crash.
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
let dir: string;
const base = () => readFileSync(path.join(fixtures, 'valid-base.yaml'), 'utf8').replace('invalid/_composition.yaml', '_composition.yaml');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clu-bad-'));
  copyFileSync(path.join(fixtures, 'invalid', '_composition.yaml'), path.join(dir, '_composition.yaml'));
});

async function validate(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  const started = performance.now();
  const result = await runCli(['validate', '--format', 'json', file]);
  const elapsed = performance.now() - started;
  const diagnostics = result.stdout ? (JSON.parse(result.stdout) as { diagnostics: { code: string; line: number; column: number }[] }).diagnostics : [];
  return { ...result, diagnostics, elapsed };
}

describe('files that cannot be used', () => {
  it('a missing file: exit 2, one line, no stack trace', async () => {
    const result = await runCli(['validate', path.join(dir, 'nope.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nope\.yaml: no such file\n$/);
    expect(result.stderr).not.toMatch(/\bat .*\(/);
  });

  it('a directory without YAML files: exit 2 (a folder stands for its meeting files)', async () => {
    const sub = path.join(dir, 'a-folder.yaml');
    mkdirSync(sub, { recursive: true });
    const result = await runCli(['validate', sub]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no .yaml or .yml file in this folder');
  });

  it('an empty file', async () => {
    const r = await validate('empty.yaml', '');
    expect(r.code).toBe(1);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['file-empty']);
    const blank = await validate('blank.yaml', '\n\n   \n# only a comment\n');
    expect(blank.diagnostics.map((d) => d.code)).toEqual(['file-empty']);
  });

  it('a binary file (a DOCX given by mistake)', async () => {
    const r = await validate('minutes.docx.yaml', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['file-binary']);
  });

  it('a Latin-1 file names the offending byte and its line', async () => {
    const latin1 = Buffer.from(base().replace('Point unique', 'Point unique é'), 'latin1');
    const r = await validate('latin1.yaml', latin1);
    expect(r.diagnostics).toMatchObject([{ code: 'file-encoding', line: 14 }]);
  });

  it('a UTF-8 BOM and CRLF line endings are accepted, positions stay right', async () => {
    const text = `\uFEFF${base()}`.replace(/\n/g, '\r\n');
    const r = await validate('bom-crlf.yaml', text);
    expect(r.code).toBe(0);
    expect(r.diagnostics).toEqual([]);
    const broken = await validate('bom-crlf-broken.yaml', text.replace('fin: 20h00', 'fin: 17h00'));
    expect(broken.diagnostics).toMatchObject([{ code: 'end-before-start', line: 7, column: 8 }]);
  });

  it('a 10 MB file is refused at once, without being parsed', async () => {
    const big = `${base()}\n# ${'x'.repeat(10 * 1024 * 1024)}\n`;
    const r = await validate('big.yaml', big);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    expect(r.elapsed).toBeLessThan(5_000);
  });

  it('a 300,000-character paragraph is refused by clu validate, at its position', async () => {
    const long = base().replace('"@alice présente le point."', `"${'mot '.repeat(75_000)}"`);
    const r = await validate('long-text.yaml', long);
    expect(r.diagnostics).toMatchObject([{ code: 'text-too-long', line: 16, column: 9 }]);
  });

  it('deeply nested YAML', async () => {
    const deep = `${base()}libelles: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const r = await validate('deep.yaml', deep);
    expect(r.code).toBe(1);
    expect(r.diagnostics.map((d) => d.code)).toContain('yaml-too-deep');
    const deepBlock = `${base()}${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} v\n`;
    const r2 = await validate('deep-block.yaml', deepBlock);
    expect(r2.diagnostics.map((d) => d.code)).toContain('yaml-too-deep');
  });

  it('thousands of aliases (a "billion laughs")', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 8; i++) {
      const name = String.fromCharCode(98 + i);
      const previous = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    const r = await validate('laughs.yaml', `${lines.join('\n')}\n`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
    expect(r.elapsed).toBeLessThan(5_000);
  });
});

describe('could-not-run messages follow the locale', () => {
  it('a missing file in French', async () => {
    const result = await runCli(['validate', 'introuvable.yaml'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('clu: introuvable.yaml : fichier introuvable\n');
  });
});
