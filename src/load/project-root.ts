// The project a meeting belongs to: the folder everything reached from it (includes, logo, images,
// templates named by `style.modele` and every file inside them) must stay in, so that a hostile meeting
// file or project cannot make clu read, and print, a file elsewhere on the machine.
// It is `--root` when given, else the nearest folder above the meeting that holds `.git` (the
// repository) or a `.clu` project marker, else the meeting's own folder — never the working directory,
// which would make the whole disk "the project" for a command run from `/` or `$HOME`.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** What marks a project's root folder, besides a git repository: a file or folder of this name. */
export const PROJECT_MARKER = '.clu';

export interface ProjectOptions {
  /** --root: the folder includes must stay in. */
  root?: string;
  /** The working directory the command was run from (relative paths start there). */
  cwd?: string;
}

export function projectRoot(meetingFile: string, options: ProjectOptions = {}): string {
  return folderProjectRoot(path.dirname(path.resolve(options.cwd ?? process.cwd(), meetingFile)), options);
}

/** The project a folder belongs to: `--root` when given, else the nearest marked folder at or above it. */
export function folderProjectRoot(folder: string, options: ProjectOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  if (options.root !== undefined) return realOrResolved(path.resolve(cwd, options.root));
  return markedFolderAbove(realOrResolved(path.resolve(cwd, folder)));
}

/** The nearest folder at or above `folder` (real, absolute) that holds `.git` or the marker; else `folder`. */
export function markedFolderAbove(folder: string): string {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git')) || existsSync(path.join(dir, PROJECT_MARKER))) return dir;
    if (path.dirname(dir) === dir) return folder;
  }
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
  return staysInsideAny(file, [root]);
}

/** staysInside for a file that may be in any of several roots (a project and the built-in templates). */
export function staysInsideAny(file: string, roots: readonly string[]): boolean {
  // Relative to the real folder of the file, so that a project reached through a link is still itself.
  const written = path.join(realOrResolved(path.dirname(path.resolve(file))), path.basename(file));
  if (!roots.some((root) => isInside(written, root))) return false;
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return true;
  }
  return roots.some((root) => isInside(real, root));
}

export function realOrResolved(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
