// The command line: exit codes, streams (data on stdout, diagnostics on stderr), colour, formats, locale.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { jsonSchemaText } from '../src/model/json-schema.js';

const root = path.join(import.meta.dirname, '..');
const fixture = (name: string) => path.join(root, 'test', 'fixtures', 'invalid', `${name}.yaml`);
const valid = path.join(root, 'test', 'fixtures', 'valid-base.yaml');

describe('clu validate', () => {
  it('exit 0 and a short confirmation on stderr for a valid file; nothing on stdout', async () => {
    const r = await runCli(['validate', valid]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('✓ 1 file valid\n');
  });

  it('exit 1 with file:line:col, the code, the source line and a caret on stderr', async () => {
    const r = await runCli(['validate', fixture('unknown-id')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => l.includes('unknown-id.yaml:9:33 error'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at]).toContain('[unknown-id]');
    expect(lines[at + 1]).toBe('    9 |   presents: [presidente, alice, brunot, chloe]');
    expect(lines[at + 2]).toBe('      |                                 ^^^^^^');
    expect(r.stderr).toContain('1 error, 1 warning (1 file)');
  });

  it('reports every problem of every file in one run', async () => {
    const r = await runCli(['validate', '--format', 'json', fixture('unknown-id'), fixture('end-before-start'), fixture('yaml-syntax')]);
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(['attendance-missing', 'end-before-start', 'unknown-id', 'yaml-syntax']);
  });

  it('warnings pass, unless --strict', async () => {
    expect((await runCli(['validate', fixture('empty-section')])).code).toBe(0);
    expect((await runCli(['validate', '--strict', fixture('empty-section')])).code).toBe(1);
  });

  it('--format json is stable and documented: a versioned document, one object per diagnostic', async () => {
    const r = await runCli(['validate', '--format', 'json', fixture('end-before-start')]);
    const document = JSON.parse(r.stdout);
    expect(document).toMatchObject({ version: 1, kind: 'diagnostics', ok: false, files: 1, errors: 1, warnings: 0 });
    expect(Object.keys(document)).toEqual(['version', 'kind', 'ok', 'files', 'errors', 'warnings', 'diagnostics']);
    expect(document.diagnostics).toEqual([
      {
        file: fixture('end-before-start'),
        line: 6,
        column: 8,
        endLine: 6,
        endColumn: 13,
        severity: 'error',
        code: 'end-before-start',
        message: 'the meeting ends (17h00) before it starts (18h00)',
        path: ['seance', 'fin'],
      },
    ]);
    expect(r.stderr).toBe('');
  });

  it('--format github prints GitHub Actions annotations on stdout', async () => {
    const r = await runCli(['validate', '--format', 'github', fixture('empty-section')]);
    expect(r.stdout).toBe(
      `::warning file=${fixture('empty-section')},line=16,col=12,endLine=16,endColumn=30,title=clu empty-section::the item “Questions diverses” has no content — add “contenu”, “points” or a “presentation”\n`,
    );
  });

  it('messages in French when LANG is French', async () => {
    const r = await runCli(['validate', fixture('end-before-start')], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(r.stderr).toContain('erreur la séance se termine (17h00) avant de commencer (18h00)');
    expect(r.stderr).toContain('1 erreur, 0 avertissement (1 fichier)');
  });

  it('colour only on a terminal, and never with NO_COLOR', async () => {
    const plain = await runCli(['validate', fixture('end-before-start')], { tty: false });
    expect(plain.stderr).not.toContain('\x1b[');
    const coloured = await runCli(['validate', fixture('end-before-start')], { tty: true, env: { LANG: 'C' } });
    expect(coloured.stderr).toContain('\x1b[');
    const noColor = await runCli(['validate', fixture('end-before-start')], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stderr).not.toContain('\x1b[');
  });

  it('bad usage exits 2 with a hint, never a stack trace', async () => {
    const unknown = await runCli(['validate', '--nope', valid]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--nope'");
    const missingArg = await runCli(['validate']);
    expect(missingArg.code).toBe(2);
    const badFormat = await runCli(['validate', '--format', 'xml', valid]);
    expect(badFormat.code).toBe(2);
    const unknownCommand = await runCli(['frobnicate']);
    expect(unknownCommand.code).toBe(2);
    for (const r of [unknown, missingArg, badFormat, unknownCommand]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help teaches: commands, examples, exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('validate');
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 problems found in the input, 2 clu could not run');
    expect(r.stdout).toContain('clu validate examples/');
  });
});

describe('clu schema', () => {
  it('the shipped JSON Schemas are up to date (regenerate with `npm run schema`)', () => {
    for (const kind of ['seance', 'composition', 'organisation'] as const) {
      const shipped = readFileSync(path.join(root, 'schema', `${kind}.schema.json`), 'utf8');
      expect(shipped, `schema/${kind}.schema.json is out of date: run npm run schema`).toBe(jsonSchemaText(kind));
    }
  });

  it('prints draft-7 JSON Schema', async () => {
    const r = await runCli(['schema']);
    const schema = JSON.parse(r.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.properties)).toContain('presences');
  });
});

describe('bin/clu (built by npm ci through `prepare`)', () => {
  it('runs --help and validates the bundled examples from the shell', () => {
    const bin = path.join(root, 'bin', 'clu');
    expect(execFileSync(bin, ['--help'], { encoding: 'utf8' })).toContain('Usage: clu');
    const r = spawnSync(bin, ['validate', valid], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    // bin/clu and the PDF writer tune V8 with flags this Node must know (an unknown one prints an error).
    expect(r.stderr).not.toMatch(/flag/i);
    const pdf = spawnSync(bin, ['render', '--format', 'pdf', '-o', mkdtempSync(path.join(tmpdir(), 'clu-bin-')), valid], { encoding: 'utf8' });
    expect(pdf.status).toBe(0);
    expect(pdf.stderr).not.toMatch(/flag/i);
    const bad = spawnSync(bin, ['validate', fixture('unknown-id')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('unknown-id.yaml:9:33');
  });
});

describe('start-up: each command loads what it needs only', () => {
  const bin = path.join(root, 'bin', 'clu');
  const trace = path.join(root, 'test', 'support', 'trace-imports.mjs');
  const imported = (args: string[]): string[] => {
    const r = spawnSync(process.execPath, ['--import', trace, bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    return r.stderr.split('\n').filter((l) => l.startsWith('import ')).map((l) => l.slice('import '.length));
  };

  it('runs from the bundle (dist/bundle), not from hundreds of files', () => {
    const files = imported(['--help']);
    expect(files.some((f) => f.includes('/dist/bundle/main.cjs'))).toBe(true);
    expect(files.some((f) => f.includes('/node_modules/'))).toBe(false);
  });

  it('--version is answered by bin/clu alone, with the version of package.json', () => {
    expect(imported(['--version']).filter((f) => !f.endsWith('/bin/clu'))).toEqual([]);
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) expect(execFileSync(bin, [flag], { encoding: 'utf8' })).toBe(`${version}\n`);
  });

  it('--help and -V with more arguments load nothing of the pipeline', () => {
    // Which source modules each bundle file holds (written by scripts/bundle.mjs).
    const inputs = JSON.parse(readFileSync(path.join(root, 'dist', 'bundle', 'inputs.json'), 'utf8')) as Record<string, string[]>;
    // The writers' registry is the list of formats the help prints; each writer is imported only when used.
    const shell = /^(src\/writers\/registry\.ts|src\/cli\/(launcher|bundle-loader|v8-tuning|address-space|stream-errors|main|errors|usage-fr|help-fr|report-formats)\.ts|src\/output\/fs-reason\.ts|src\/validate\/messages\.ts|src\/compose\/builtin-templates\.ts|src\/model\/house-style-names\.ts|(.*\/)?node_modules\/commander\/.*|clu:lazy-child-process|<runtime>)$/;
    for (const args of [['--help'], ['-V', '--help']]) {
      const files = imported(args).filter((f) => f.includes('/dist/bundle/'));
      const modules = files.flatMap((f) => inputs[path.basename(f)] ?? [`unknown bundle file ${f}`]);
      expect(modules).toContain('src/cli/main.ts');
      expect(modules.filter((m) => !shell.test(m))).toEqual([]);
    }
  });

  it('render --format docx never loads pdfkit; --format pdf does', () => {
    // pdfkit and fontkit are in the bundle: which bundle files a command reads says which modules it loads.
    const inputs = JSON.parse(readFileSync(path.join(root, 'dist', 'bundle', 'inputs.json'), 'utf8')) as Record<string, string[]>;
    const modules = (args: string[]) =>
      imported(args).flatMap((f) => (f.includes('/dist/bundle/') ? (inputs[path.basename(f)] ?? [`unknown bundle file ${f}`]) : [f]));
    const out = mkdtempSync(path.join(tmpdir(), 'clu-startup-'));
    const docx = modules(['render', '--format', 'docx', '-o', out, valid]);
    expect(docx.some((f) => /node_modules\/(pdfkit|fontkit|harfbuzzjs)\//.test(f))).toBe(false);
    const pdf = modules(['render', '--format', 'pdf', '-o', out, valid]);
    expect(pdf.some((f) => f.includes('node_modules/pdfkit/'))).toBe(true);
    expect(pdf.some((f) => f.includes('node_modules/fontkit/'))).toBe(true);
  });
});

describe('the npm package', () => {
  it('ships the built CLI, the templates, the schemas, the examples and the docs (npm pack)', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    for (const needed of ['bin/clu', 'dist/bundle/main.cjs', 'dist/bundle/main.cjs.v8cache', 'templates/compte-rendu/document.hbs', 'templates/proces-verbal/template.json', 'schema/seance.schema.json', 'examples/clu-vienne-2021-05-06.yaml', 'docs/format.md', 'package.json']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
  });
});

describe('usage errors in French', () => {
  it('translates commander’s messages when LANG is French', async () => {
    const r = await runCli(['validate', '--formt', 'json', 'x.yaml'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('erreur : option inconnue « --formt »\n(vouliez-vous dire --format ?)\n(lancez « clu --help » pour l’aide)\n');
  });
});
