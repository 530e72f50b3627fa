// Bundles the command line into dist/bundle/ (run by `npm run build`, hence by `prepare`): one file for
// the shell, one per command and per writer (loaded on demand), the dependencies included (pdfkit and
// fontkit too: scripts/bundle-pdf-plugins.mjs), so that Node reads a few files instead of hundreds.
// harfbuzzjs stays outside: it loads its WebAssembly file from its own folder. esbuild splits ES modules
// only: each file is then turned into CommonJS (*.cjs), which bin/clu runs through vm.Script with a V8
// code cache (src/cli/bundle-loader.ts, scripts/code-cache.mjs); a file requires another as "./name.cjs",
// and `import()` becomes such a require. The folder is two levels under the package root, as dist/cli/
// is, so paths such as ../../templates resolve the same from the bundle.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, transform } from 'esbuild';
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

// zod's `z.locales` holds its 60-odd languages; clu speaks English and French (src/validate/schema-messages.ts).
const zodLocales = {
  name: 'zod-locales',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";\nexport { default as fr } from "./fr.js";\n',
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

// commander requires child_process (and with it net and dgram) at start-up, for subcommands that are
// programs of their own; clu has none. Loaded on first use instead: milliseconds off every command.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'clu' } : undefined,
    );
    build.onLoad({ filter: /^lazy-child-process$/, namespace: 'clu' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['harfbuzzjs'],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
  plugins: [precompiledTemplates, zodLocales, lazyChildProcess, lazyUnicodeTries, deferredModules, pdfkitOwnUrl],
});
mkdirSync('dist/bundle', { recursive: true });
for (const output of result.outputFiles) {
  const { code } = await transform(output.text, {
    format: 'cjs',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    // Modules that find their files from their own place (templates, styles, package.json).
    define: { 'import.meta.url': '__cluModuleUrl' },
    // Strict, as the ES modules were.
    banner: `'use strict';${output.text.includes('import.meta.url') ? "var __cluModuleUrl = require('node:url').pathToFileURL(__filename).href;" : ''}`,
    // The code was bundled above, with its warnings; what is left (duplicate keys in fontkit) is not ours.
    logLevel: 'error',
  });
  const name = path.relative(process.cwd(), output.path).split(path.sep).join('/');
  writeFileSync(output.path, withoutImportCalls(code, result.metafile.outputs[name].imports));
}

/**
 * Code run by vm.Script cannot call `import()`. Another bundle file is required instead, through the
 * loader (as lazily: at the same place); a package left outside (harfbuzzjs: an ES module with top-level
 * await, which require cannot load) is imported by the loader (`__cluImport`, src/cli/bundle-loader.ts).
 */
function withoutImportCalls(code, imports) {
  let rewritten = code;
  for (const { path: target, kind, external } of imports.filter((i) => i.kind === 'dynamic-import')) {
    const specifier = external ? target : `./${path.basename(target)}`;
    const call = `import(${JSON.stringify(specifier)})`;
    if (!rewritten.includes(call)) throw new Error(`bundle: no ${call} in the ${kind} of ${target}`);
    rewritten = rewritten.replaceAll(call, external ? `__cluImport(${JSON.stringify(specifier)})` : `Promise.resolve().then(()=>require(${JSON.stringify(specifier)}))`);
  }
  return rewritten;
}

// What bin/clu loads first: the loader of the files above and the V8 settings.
const launcher = await build({
  entryPoints: { launcher: 'src/cli/launcher.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
// Which source modules went into which file: the start-up test checks what each command loads.
const inputs = Object.fromEntries(
  [...Object.entries(result.metafile.outputs), ...Object.entries(launcher.metafile.outputs)].map(([file, output]) => [
    file.replace(/^dist\/bundle\//, ''),
    Object.keys(output.inputs),
  ]),
);
writeFileSync('dist/bundle/inputs.json', `${JSON.stringify(inputs, null, 1)}\n`);
