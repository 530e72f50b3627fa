// The project a meeting belongs to: the folder its includes (composition, organisation, logo) must stay
// in, so that a hostile meeting file cannot make clu read, and print, a file elsewhere on the machine.
// It is `--root` when given, else the nearest folder above the meeting that holds `.git` (the
// repository), else the working directory when the meeting is inside it, else the meeting's folder.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

export interface ProjectOptions {
  /** --root: the folder includes must stay in. */
  root?: string;
  /** The working directory the command was run from. */
  cwd?: string;
}

export function projectRoot(meetingFile: string, options: ProjectOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  if (options.root !== undefined) return realOrResolved(path.resolve(cwd, options.root));
  const folder = realOrResolved(path.dirname(path.resolve(cwd, meetingFile)));
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  const realCwd = realOrResolved(cwd);
  return isInside(folder, realCwd) ? realCwd : folder;
}

/** True when `file` is `root` or below it (both absolute, compared as written). */
export function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * Whether an included file stays in the project, both as written and once symbolic links are followed
 * (a link inside the project to a file outside it is refused too). A missing file counts as inside:
 * reading it then fails with "no such file".
 */
export function staysInside(file: string, root: string): boolean {
  // Relative to the real folder of the file, so that a project reached through a link is still itself.
  const written = path.join(realOrResolved(path.dirname(path.resolve(file))), path.basename(file));
  if (!isInside(written, root)) return false;
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return true;
  }
  return isInside(real, root);
}

function realOrResolved(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}
