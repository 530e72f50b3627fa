// Bundles the command line into dist/bundle/ (run by `npm run build`, hence by `prepare`): one file for
// the shell, one per command and per writer (loaded on demand), the dependencies included, so that
// Node reads a few files instead of hundreds. pdfkit stays outside: it reads its own data files (ICC
// profile, font metrics) from its package folder; fontkit too, so that the PDF writer and pdfkit share
// one copy. The folder is two levels under the package root, as
// dist/cli/ is, so paths such as ../../templates resolve the same from the bundle.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const result = await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfkit', 'fontkit'],
  // CommonJS dependencies (yaml, handlebars) call require(): give ES modules one.
  banner: { js: "import { createRequire as __cluCreateRequire } from 'node:module'; const require = __cluCreateRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
// Which source modules went into which file: the start-up test checks what each command loads.
const inputs = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([file, output]) => [file.replace(/^dist\/bundle\//, ''), Object.keys(output.inputs)]),
);
writeFileSync('dist/bundle/inputs.json', `${JSON.stringify(inputs, null, 1)}\n`);
