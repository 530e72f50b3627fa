// `node --import ./test/support/trace-imports.mjs bin/clu …` prints "import <url>" on stderr for every
// module file the command loads (used by the start-up test in cli.test.ts): ES modules through Node's
// hooks, the bundle's files through the channel its loader publishes on (src/cli/bundle-loader.ts), and
// the packages they require (pdfkit, fontkit) through Module.prototype.require. Synchronous in-thread hooks
// where Node has them (22.15+, 24): the off-thread hooks of `register` may not have written their lines
// when a short command such as `--help` exits.
import { subscribe } from 'node:diagnostics_channel';
import * as nodeModule from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const print = (url) => process.stderr.write('import ' + url + '\n');

subscribe('clu:bundle-load', ({ file }) => print(pathToFileURL(file).href));

const require = nodeModule.Module.prototype.require;
nodeModule.Module.prototype.require = function (id) {
  const exports = require.apply(this, arguments);
  const file = nodeModule.Module._resolveFilename(id, this);
  if (path.isAbsolute(file)) print(pathToFileURL(file).href);
  return exports;
};

if (typeof nodeModule.registerHooks === 'function') {
  nodeModule.registerHooks({
    resolve(specifier, context, next) {
      const result = next(specifier, context);
      if (result.url.startsWith('file:')) print(result.url);
      return result;
    },
  });
} else {
  nodeModule.register(
    'data:text/javascript,' +
      encodeURIComponent(`export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith('file:')) process.stderr.write('import ' + result.url + '\\n');
  return result;
}`),
  );
}
