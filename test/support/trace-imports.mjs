// `node --import ./test/support/trace-imports.mjs bin/clu …` prints "import <url>" on stderr for every
// module file the command loads (used by the start-up test in cli.test.ts).
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith('file:')) process.stderr.write('import ' + result.url + '\\n');
  return result;
}`),
);
