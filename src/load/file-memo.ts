// What is made from a file once per process (a font parsed for the PDF, its part for the DOCX) and kept
// while the file's size and modification time stay the same: the documents of a batch share it, and a
// file changed on disk since is read again.
import { statSync, type Stats } from 'node:fs';

export class FileMemo<T> {
  private readonly entries = new Map<string, { size: number; mtimeMs: number; value: T }>();

  /** The value made from the file, made by `make` when it is new or has changed. */
  get(file: string, make: () => T): T {
    const stats = statOrUndefined(file);
    const known = this.entries.get(file);
    if (stats && known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) return known.value;
    const value = make();
    if (stats) this.entries.set(file, { size: stats.size, mtimeMs: stats.mtimeMs, value });
    return value;
  }
}

/** A file that cannot be stat'ed is left to `make`, which reads it and says what is wrong. */
function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
