// --root and the working directory, as the loader needs them to keep includes inside the project.
import type { ProjectOptions } from '../load/project-root.js';
import type { CliIo } from './io.js';

export function projectOptions(options: { root?: string }, io: CliIo): ProjectOptions {
  return { ...(options.root !== undefined ? { root: options.root } : {}), cwd: io.cwd };
}
