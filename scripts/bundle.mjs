// Bundles the command line into dist/bundle/ (run by `npm run build`, hence by `prepare`): one file for
// the shell, one per command and per writer (loaded on demand), the dependencies included, so that
// Node reads a few files instead of hundreds. pdfkit stays outside: it reads its own data files (ICC
// profile, font metrics) from its package folder; fontkit too, so that the PDF writer and pdfkit share
// one copy; harfbuzzjs loads its WebAssembly file from its own folder. The folder is two levels under the package root, as
// dist/cli/ is, so paths such as ../../templates resolve the same from the bundle.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { COMPILE_OPTIONS, templateKey } from '../dist/compose/template.js';
import { deferredModules, lazyUnicodeTries, pdfkitOwnUrl } from './bundle-pdf-plugins.mjs';

/** The built-in templates, precompiled: the contents of src/compose/builtin-specs.ts in the bundle. */
function builtinSpecs() {
  const specs = new Map();
  for (const file of readdirSync('templates', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs')).sort()) {
    const source = readFileSync(path.join('templates', file), 'utf8');
    specs.set(templateKey(source), Handlebars.precompile(source, COMPILE_OPTIONS));
  }
  return `export const BUILTIN_SPECS = {\n${[...specs].map(([key, spec]) => `${JSON.stringify(key)}: ${spec}`).join(',\n')}\n};\n`;
}

const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]compose[\\/]builtin-specs\.ts$/ }, () => ({ contents: builtinSpecs(), loader: 'js' }));
  },
};

const result = await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['harfbuzzjs'],
  // CommonJS dependencies (yaml, handlebars) call require(): give ES modules one.
  banner: { js: "import { createRequire as __cluCreateRequire } from 'node:module'; const require = __cluCreateRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [precompiledTemplates, lazyUnicodeTries, deferredModules, pdfkitOwnUrl],
});
// Which source modules went into which file: the start-up test checks what each command loads.
const inputs = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([file, output]) => [file.replace(/^dist\/bundle\//, ''), Object.keys(output.inputs)]),
);
writeFileSync('dist/bundle/inputs.json', `${JSON.stringify(inputs, null, 1)}\n`);
