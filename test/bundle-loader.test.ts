// The bundle runs from the V8 code cache made by the build, and a cache that does not fit is never used:
// the file is compiled from its text and runs the same (src/cli/bundle-loader.ts, scripts/code-cache.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { BundleLoader, CACHE_SUFFIX, cacheBytes } from '../src/cli/bundle-loader.js';

const root = path.join(import.meta.dirname, '..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder with two bundle files, a.cjs requiring b.cjs and a Node builtin. */
function bundle(b = 'exports.value = 41;'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clu-loader-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'a.cjs'), 'const b = require("./b.cjs"); const path = require("node:path"); exports.answer = () => b.value + path.basename("/x/1").length;');
  writeFileSync(path.join(dir, 'b.cjs'), b);
  return dir;
}

/** The cache V8 makes for a file, as the build writes it. */
function makeCache(dir: string, name: string): void {
  const loader = new BundleLoader(dir, { useCache: false });
  loader.load(name);
  const file = path.join(dir, name);
  writeFileSync(file + CACHE_SUFFIX, loader.cacheOf(file));
}

describe('the bundle loader', () => {
  it('loads a file and what it requires, each once, and uses the caches that fit', () => {
    const dir = bundle();
    makeCache(dir, 'a.cjs');
    makeCache(dir, 'b.cjs');
    const loader = new BundleLoader(dir);
    const a = loader.load('a.cjs') as { answer: () => number };
    expect(a.answer()).toBe(42);
    expect(loader.load('a.cjs')).toBe(a);
    expect([...loader.files.values()].map((f) => f.cached)).toEqual([true, true]);
  });

  it('compiles from the text a file whose cache is missing, or was made for another text of the same length', () => {
    const dir = bundle('exports.value = 41;');
    makeCache(dir, 'b.cjs');
    // V8 itself checks only the length of the source: the loader checks its CRC-32.
    writeFileSync(path.join(dir, 'b.cjs'), 'exports.value = 40;');
    const loader = new BundleLoader(dir);
    expect((loader.load('a.cjs') as { answer: () => number }).answer()).toBe(41);
    expect([...loader.files.values()].map((f) => f.cached)).toEqual([false, false]);
  });

  it('compiles from the text a file whose cache V8 refuses (another Node, other flags, damaged bytes)', () => {
    const dir = bundle();
    const file = path.join(dir, 'b.cjs');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file + CACHE_SUFFIX, cacheBytes(text, Buffer.from('not a V8 code cache at all')));
    const loader = new BundleLoader(dir);
    expect((loader.load('a.cjs') as { answer: () => number }).answer()).toBe(42);
    expect(loader.files.get(file)!.cached).toBe(false);
    expect(loader.files.get(file)!.script).toBeInstanceOf(vm.Script);
  });
});

describe('a damaged cache', () => {
  it('is compiled from the text when bytes of its V8 data changed (V8 would crash on them)', () => {
    const dir = bundle();
    makeCache(dir, 'b.cjs');
    const cache = path.join(dir, 'b.cjs') + CACHE_SUFFIX;
    const bytes = readFileSync(cache);
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 16; i++) bytes[i]! ^= 0xff;
    writeFileSync(cache, bytes);
    const loader = new BundleLoader(dir);
    expect((loader.load('a.cjs') as { answer: () => number }).answer()).toBe(42);
    expect(loader.files.get(path.join(dir, 'b.cjs'))!.cached).toBe(false);
  });
});

describe('the built bundle (npm run build)', () => {
  /** Runs clu in a child process through the built launcher; which files it loaded, and which missed their cache. */
  function run(args: string[]): { code: number; files: number; uncached: string[] } {
    // A child process: the V8 flags bin/clu sets (src/cli/v8-tuning.ts) are part of what the cache must match.
    const script = `
      const path = require('node:path');
      const { BundleLoader, tuneV8 } = require('./dist/bundle/launcher.cjs');
      tuneV8();
      const loader = new BundleLoader(path.resolve('dist/bundle'));
      const quiet = { write: () => true };
      loader.load('main.cjs').main(JSON.parse(process.argv[1]), { stdout: quiet, stderr: quiet, env: {}, cwd: process.cwd() }).then((code) => {
        console.log(JSON.stringify({ code, files: loader.files.size, uncached: [...loader.files].filter(([, f]) => !f.cached).map(([name]) => name) }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(args)], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { code: number; files: number; uncached: string[] };
  }

  it('runs clu validate and clu render with every file it loads taken from the cache the build made for this Node', () => {
    const validate = run(['validate', 'examples/clu-vienne-2021-05-06.yaml']);
    expect(validate.code).toBe(0);
    expect(validate.files).toBeGreaterThan(3);
    expect(validate.uncached).toEqual([]);
    // The PDF writer sets a V8 flag of its own: one that changed the flags halfway would make every file after it miss.
    const out = mkdtempSync(path.join(tmpdir(), 'clu-loader-render-'));
    dirs.push(out);
    const render = run(['render', '--format', 'pdf,docx', '-o', out, 'examples/clu-vienne-2021-05-06.yaml']);
    expect(render.code).toBe(0);
    expect(render.files).toBeGreaterThan(validate.files);
    expect(render.uncached).toEqual([]);
  });
});
