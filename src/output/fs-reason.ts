// Why a file operation failed, in a few plain words per language: the one wording of every errno code a
// user can meet (a full disk, a read-only folder, a path through a file…), for reads and writes alike.

export type FsLocale = 'en' | 'fr';

const REASONS: Record<string, { en: string; fr: string }> = {
  ENOENT: { en: 'no such file', fr: 'fichier introuvable' },
  EACCES: { en: 'permission denied', fr: 'permission refusée' },
  EPERM: { en: 'permission denied', fr: 'permission refusée' },
  EISDIR: { en: 'is a directory', fr: 'c’est un dossier' },
  ENOTDIR: { en: 'a part of the path is a file, not a folder', fr: 'une partie du chemin est un fichier, pas un dossier' },
  ENOSPC: { en: 'no space left on the disk', fr: 'plus de place sur le disque' },
  EDQUOT: { en: 'disk quota exceeded', fr: 'quota disque dépassé' },
  EROFS: { en: 'read-only file system', fr: 'système de fichiers en lecture seule' },
  ELOOP: { en: 'too many symbolic links (or a symbolic link where a file was expected)', fr: 'trop de liens symboliques (ou un lien symbolique à la place d’un fichier)' },
  ENAMETOOLONG: { en: 'file name too long', fr: 'nom de fichier trop long' },
  EEXIST: { en: 'already exists', fr: 'existe déjà' },
  EIO: { en: 'input/output error (the disk may be failing)', fr: 'erreur d’entrée-sortie (le disque est peut-être défaillant)' },
  EFBIG: { en: 'file too large for this file system', fr: 'fichier trop gros pour ce système de fichiers' },
  EMFILE: { en: 'too many open files', fr: 'trop de fichiers ouverts' },
  EBUSY: { en: 'resource busy', fr: 'ressource occupée' },
  EXDEV: { en: 'not on the same file system', fr: 'pas sur le même système de fichiers' },
};

export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The reason for an fs error; an unknown code keeps Node's message (it names the call, never file content). */
export function fsReason(error: unknown, locale: FsLocale): string {
  const known = REASONS[errnoCode(error) ?? ''];
  if (known) return known[locale];
  return (error as Error | undefined)?.message ?? String(error);
}
