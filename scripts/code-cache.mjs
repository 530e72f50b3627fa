// Makes the V8 code cache of every bundle file (run by `npm run build` after scripts/bundle.mjs, by the
// Node that will run clu when it is `prepare` on `npm ci`): runs the commands once on the examples, in this
// process and through the same loader as bin/clu, so that each file's cache holds the functions the
// commands compiled, not only the top level. A cache made by another Node is refused by V8 at load and
// the file compiled as usual (src/cli/bundle-loader.ts).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const { BundleLoader, CACHE_SUFFIX, tuneV8 } = createRequire(import.meta.url)('../dist/bundle/launcher.cjs');

const dir = path.resolve('dist/bundle');
const reference = 'examples/clu-vienne-2021-05-06.yaml';
const out = mkdtempSync(path.join(tmpdir(), 'clu-code-cache-'));
// The same V8 flags as bin/clu: V8 refuses a cache made under other flags.
tuneV8();
const loader = new BundleLoader(dir, { useCache: false });
const { main } = loader.load('main.cjs');
const quiet = { write: () => true, isTTY: false };
const runs = [
  ['--help'],
  ['validate', 'examples'],
  ['render', '--format', 'md,docx,pdf', '-o', out, reference],
  ['roster', reference],
  ['roster', '--sheet', '-o', out, reference],
  ['schema'],
  ['new', '--list'],
];
try {
  for (const args of runs) {
    const code = await main(args, { stdout: quiet, stderr: quiet, env: {}, cwd: process.cwd(), readStdin: async () => Buffer.alloc(0) });
    // A command that fails leaves its functions out of the cache: clu runs as well, a little slower.
    if (code !== 0) process.stderr.write(`code cache: "clu ${args.join(' ')}" ended with ${code}; its cache is partial\n`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
for (const name of readdirSync(dir).filter((f) => f.endsWith('.cjs') && f !== 'launcher.cjs')) {
  const file = path.join(dir, name);
  // Files no run loaded (rare commands) are compiled now: their cache holds the top level.
  if (!loader.files.has(file)) loader.compile(name);
  writeFileSync(file + CACHE_SUFFIX, loader.cacheOf(file));
}
