// `npm pack` / `npm publish` ship a package.json without the `prepare` script: in the repository it builds
// dist/ after `npm ci`, but the package already contains dist/ (and not the sources or TypeScript), so a
// user's `npm install -g clu-x.y.z.tgz` must have no install script to run or to approve.
// Usage: node scripts/pack-manifest.mjs disable   (prepack)   |   enable   (postpack)   [PACKAGE_JSON]
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[3] ?? new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const mode = process.argv[2];
const scripts = manifest.scripts ?? {};
if (mode === 'disable' && scripts.prepare !== undefined) {
  scripts['prepare:repository'] = scripts.prepare;
  delete scripts.prepare;
} else if (mode === 'enable' && scripts['prepare:repository'] !== undefined) {
  // prepare back in its place, right after build.
  const entries = Object.entries(scripts).filter(([name]) => name !== 'prepare:repository');
  const at = entries.findIndex(([name]) => name === 'build') + 1;
  entries.splice(at, 0, ['prepare', scripts['prepare:repository']]);
  manifest.scripts = Object.fromEntries(entries);
} else if (mode !== 'disable' && mode !== 'enable') {
  console.error('usage: node scripts/pack-manifest.mjs disable|enable');
  process.exit(2);
}
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
