// Naming outputs: the inputs they must not replace, and how a written path is shown on stdout.
// (Writing itself is src/output/commit.ts.)
import path from 'node:path';
import { visible } from '../text/visible.js';

/** The files a meeting was read from: never to be written over. */
export function inputFiles(meeting: { sources: Record<string, { file: string } | undefined> }, cwd: string): string[] {
  return Object.values(meeting.sources).flatMap((source) => (source ? [path.resolve(cwd, source.file)] : []));
}

/**
 * How a written file is named on stdout: relative to the working directory when inside it, else
 * absolute; a control character in the name shown as an escape, so that one line is one file.
 */
export function displayPath(target: string, cwd: string): string {
  const relative = path.relative(cwd, target);
  return visible(relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? target : relative);
}
