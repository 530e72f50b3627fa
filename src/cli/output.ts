// How a written path is shown on stdout. (Writing itself is src/output/commit.ts; output names: src/documents/output-name.ts.)
import path from 'node:path';
import { visible } from '../text/visible.js';

/**
 * How a written file is named on stdout: relative to the working directory when inside it, else
 * absolute; a control character in the name shown as an escape, so that one line is one file.
 */
export function displayPath(target: string, cwd: string): string {
  const relative = path.relative(cwd, target);
  return visible(relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? target : relative);
}
