// The one way clu reads a file it was pointed at (meeting, include, template, style, logo, image, font):
// a regular file only, under a size cap for its kind. A device (/dev/zero), a FIFO or a socket is
// refused at once: the file is opened without blocking and checked on the open descriptor, so it can
// neither hang clu nor grow its memory until the process dies.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UsageError } from '../cli/errors.js';
import { fsReason, type FsLocale } from '../output/fs-reason.js';
import { staysInsideAny } from './project-root.js';

export type FileKind = 'yaml' | 'template' | 'style' | 'image' | 'font';

const MB = 1024 * 1024;

/** Size caps per kind (documented in docs/reliability.md): far above any real file, far below harm. */
export const SIZE_LIMITS: Record<FileKind, number> = {
  yaml: 8 * MB,
  template: 1 * MB,
  style: 256 * 1024,
  image: 20 * MB,
  font: 30 * MB,
};

const KIND_WORDS: Record<FileKind, { en: string; fr: string }> = {
  yaml: { en: 'YAML file', fr: 'fichier YAML' },
  template: { en: 'template file', fr: 'fichier de modèle' },
  style: { en: 'style file', fr: 'fichier de style' },
  image: { en: 'image', fr: 'image' },
  font: { en: 'font file', fr: 'fichier de police' },
};

type Refusal = { why: 'not-regular'; what: string } | { why: 'too-large'; size: number; limit: number } | { why: 'outside'; roots: readonly string[] };

/** A file that exists but is not one clu reads: not a regular file, or too large for its kind. */
export class FileRefused extends Error {
  constructor(
    readonly file: string,
    readonly kind: FileKind,
    readonly refusal: Refusal,
  ) {
    super(`${file}: ${refusalText(kind, refusal, 'en')}`);
  }
}

/**
 * Reads a regular file of at most SIZE_LIMITS[kind] bytes; throws FileRefused or the fs error. With
 * `within`, the file must also lie inside one of these folders once its links are followed (the project
 * and the built-in templates): otherwise it is refused before a byte is read.
 */
export function readRegularFile(file: string, kind: FileKind, within?: readonly string[]): Buffer {
  if (within && !staysInsideAny(file, within)) throw new FileRefused(file, kind, { why: 'outside', roots: within });
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileRefused(file, kind, { why: 'not-regular', what: nodeType(stats) });
    const limit = SIZE_LIMITS[kind];
    if (stats.size > limit) throw new FileRefused(file, kind, { why: 'too-large', size: stats.size, limit });
    // Read at most limit + 1 bytes, whatever the size said: a file that grows while read is caught too.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, limit) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > limit) throw new FileRefused(file, kind, { why: 'too-large', size: length, limit });
        break;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function nodeType(stats: Stats): string {
  if (stats.isDirectory()) return 'directory';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

const WHAT: Record<string, { en: string; fr: string }> = {
  directory: { en: 'is a directory', fr: 'c’est un dossier' },
  device: { en: 'is a device, not a file', fr: 'c’est un périphérique, pas un fichier' },
  fifo: { en: 'is a named pipe (FIFO), not a file', fr: 'c’est un tube nommé (FIFO), pas un fichier' },
  socket: { en: 'is a socket, not a file', fr: 'c’est une socket, pas un fichier' },
  other: { en: 'is not a regular file', fr: 'ce n’est pas un fichier ordinaire' },
};

function refusalText(kind: FileKind, refusal: Refusal, locale: FsLocale): string {
  if (refusal.why === 'not-regular') return WHAT[refusal.what]![locale];
  if (refusal.why === 'outside') {
    const root = refusal.roots[0] ?? '';
    return locale === 'fr' ? `hors du projet (${root} ; --root l’élargit)` : `outside the project (${root}; --root widens it)`;
  }
  const size = formatSize(refusal.size);
  const limit = formatSize(refusal.limit);
  const what = KIND_WORDS[kind][locale];
  return locale === 'fr' ? `trop gros pour un ${what} (${size} ; la limite est ${limit})` : `too large for a ${what} (${size}; the limit is ${limit})`;
}

/** Why a read failed, for a diagnostic or a message: a refusal or an fs error, never the file's content. */
export function readFailureReason(error: unknown, locale: FsLocale): string {
  if (error instanceof FileRefused) return refusalText(error.kind, error.refusal, locale);
  return fsReason(error, locale);
}

/** "could not run" (exit 2) for a file that cannot be read, in both languages. */
export function readFailureError(error: unknown, file: string): UsageError {
  return new UsageError(`${file}: ${readFailureReason(error, 'en')}`, `${file} : ${readFailureReason(error, 'fr')}`);
}

/** Reads a file or throws the one-line UsageError that says why not. */
export function readRegularFileOrFail(file: string, kind: FileKind, within?: readonly string[]): Buffer {
  try {
    return readRegularFile(file, kind, within);
  } catch (error) {
    throw readFailureError(error, file);
  }
}

export function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}
