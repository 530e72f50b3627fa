// `node --import ./test/support/trace-imports.mjs bin/clu …` prints "import <url>" on stderr for every
// module file the command loads (used by the start-up test in cli.test.ts). Synchronous in-thread hooks
// where Node has them (22.15+, 24): the off-thread hooks of `register` may not have written their lines
// when a short command such as `--help` exits.
import * as nodeModule from 'node:module';

if (typeof nodeModule.registerHooks === 'function') {
  nodeModule.registerHooks({
    resolve(specifier, context, next) {
      const result = next(specifier, context);
      if (result.url.startsWith('file:')) process.stderr.write('import ' + result.url + '\n');
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
