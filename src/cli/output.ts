// Writing output files safely: never half-written (temporary file, then rename), never over an input.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${target}: ${(error as Error).message}`);
  }
}

/** Refuses to write over any file the meeting was read from. */
export function assertNotInput(target: string, meeting: { sources: Record<string, { file: string } | undefined> }, cwd: string): void {
  const resolved = path.resolve(cwd, target);
  for (const source of Object.values(meeting.sources)) {
    if (source && path.resolve(cwd, source.file) === resolved) {
      throw new UsageError(`refusing to overwrite the input file ${source.file}: choose another output folder with -o`);
    }
  }
}

/** How a written file is named on stdout: relative to the working directory when inside it, else absolute. */
export function displayPath(target: string, cwd: string): string {
  const relative = path.relative(cwd, target);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
}
