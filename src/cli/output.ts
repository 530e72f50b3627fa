// Naming outputs: the inputs they must not replace, and how a written path is shown on stdout.
// (Writing itself is src/output/commit.ts.)
import path from 'node:path';

/** The files a meeting was read from: never to be written over. */
export function inputFiles(meeting: { sources: Record<string, { file: string } | undefined> }, cwd: string): string[] {
  return Object.values(meeting.sources).flatMap((source) => (source ? [path.resolve(cwd, source.file)] : []));
}

/** How a written file is named on stdout: relative to the working directory when inside it, else absolute. */
export function displayPath(target: string, cwd: string): string {
  const relative = path.relative(cwd, target);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
}
