// esbuild plugins that let the bundle hold pdfkit and fontkit (with their dependencies): one file to
// read and compile instead of about a hundred small modules, which made starting the PDF writer cost
// more than writing most documents.

import { createRequire } from 'node:module';

/**
 * The Unicode tables of fontkit, linebreak and unicode-properties (compressed tries, inflated when their
 * module is evaluated: tens of milliseconds) are built on their first lookup instead. Shaping is done by
 * HarfBuzz, so a document often needs none of them. Same results: only `get` is ever called on a trie.
 */
export const lazyUnicodeTries = {
  name: 'lazy-unicode-tries',
  setup(build) {
    build.onResolve({ filter: /^unicode-trie$/ }, (args) =>
      args.pluginData?.realTrie ? undefined : { path: 'lazy-unicode-trie', namespace: 'clu-lazy' },
    );
    build.onLoad({ filter: /.*/, namespace: 'clu-lazy' }, () => ({
      contents: `import UnicodeTrie from 'unicode-trie';
export default class LazyUnicodeTrie {
  constructor(data) { this.data = data; this.trie = undefined; }
  get(codePoint) { return (this.trie ??= new UnicodeTrie(this.data)).get(codePoint); }
}`,
      loader: 'js',
      resolveDir: process.cwd(),
      pluginData: { realTrie: true },
    }));
  },
};

/**
 * Modules that prepare large tables when they are loaded, for what a minutes document never needs:
 * Brotli's dictionary (fontkit: WOFF2 fonts) and AES's tables (pdfkit: encrypted PDFs). Each is loaded
 * by its first call instead (esbuild turns a `require` inside a function into a deferred load).
 */
const DEFERRED = {
  'brotli/decompress.js': `export default function decompress(...args) { return require('brotli/decompress.js')(...args); }`,
  '@noble/ciphers/aes': `export function cbc(...args) { return require('@noble/ciphers/aes').cbc(...args); }
export function ecb(...args) { return require('@noble/ciphers/aes').ecb(...args); }`,
};

export const deferredModules = {
  name: 'deferred-modules',
  setup(build) {
    const names = Object.keys(DEFERRED).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, (args) =>
      args.pluginData?.deferred ? undefined : { path: args.path, namespace: 'clu-deferred' },
    );
    build.onLoad({ filter: /.*/, namespace: 'clu-deferred' }, (args) => ({
      contents: DEFERRED[args.path],
      loader: 'js',
      resolveDir: process.cwd(),
      pluginData: { deferred: true },
    }));
  },
};

/**
 * pdfkit finds its own files (the sRGB profile of PDF/A, the standard fonts of its `imports` map) from
 * `import.meta.url`: inside the bundle that is the bundle's address, so give it pdfkit's own.
 */
export const pdfkitOwnUrl = {
  name: 'pdfkit-own-url',
  setup(build) {
    const require = createRequire(import.meta.url);
    const pdfkitModule = require.resolve('pdfkit').replace(/pdfkit\.js$/, 'pdfkit.node.mjs');
    build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      if (args.path !== pdfkitModule) throw new Error(`pdfkit found at ${args.path}, expected ${pdfkitModule}`);
      const header =
        "import { createRequire as __cluPdfkitRequire } from 'node:module';\n" +
        "import { pathToFileURL as __cluPathToFileURL } from 'node:url';\n" +
        "const __cluPdfkitUrl = __cluPathToFileURL(__cluPdfkitRequire(import.meta.url).resolve('pdfkit').replace(/pdfkit\\.js$/, 'pdfkit.node.mjs')).href;\n";
      const replaced = source.replaceAll('import.meta.url', '__cluPdfkitUrl');
      if (replaced === source) throw new Error('pdfkit no longer reads import.meta.url: review scripts/bundle-pdf-plugins.mjs');
      return { contents: header + replaced, loader: 'js' };
    });
  },
};
