// Every output path of a run is checked before anything is rendered or written: two outputs with the
// same path, an output that is a folder or one of the inputs, an output folder under a file or inside a
// kernel pseudo-filesystem (/proc, /sys) where mkdir never ends. One message names the path and the fix.
import { accessSync, constants, lstatSync, realpathSync, statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../cli/errors.js';
import { errnoCode, fsReason } from './fs-reason.js';

export interface PlannedTarget {
  /** Absolute path of the file to write. */
  target: string;
  /** The input it comes from, to name both when two inputs collide. */
  from: string;
}

/** statfs magic numbers of kernel pseudo-filesystems: files there are not documents. */
const PSEUDO_FILESYSTEMS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x1cd1, // devpts
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x64626720, // debugfs
  0x73636673, // securityfs
  0x74726163, // tracefs
]);

/** Throws UsageError for the first target that cannot or must not be written. */
export function checkTargets(targets: PlannedTarget[], inputs: Iterable<string>): void {
  const seen = new Map<string, string>();
  const inputSet = new Set([...inputs].map(realOrSelf));
  const folders = new Set<string>();
  for (const { target, from } of targets) {
    const earlier = seen.get(target);
    if (earlier !== undefined) {
      throw new UsageError(
        `${target}: two inputs would write this same file (${earlier} and ${from}); render them to different folders (-o) or rename one`,
        `${target} : deux entrées écriraient ce même fichier (${earlier} et ${from}) ; produisez-les dans des dossiers différents (-o) ou renommez-en une`,
      );
    }
    seen.set(target, from);
    if (inputSet.has(realOrSelf(target))) {
      throw new UsageError(
        `refusing to overwrite the input file ${target}: choose another output folder with -o`,
        `refus d’écraser le fichier d’entrée ${target} : choisissez un autre dossier de sortie avec -o`,
      );
    }
    const stats = lstatOrUndefined(target);
    if (stats?.isDirectory()) {
      throw new UsageError(
        `${target}: a folder has the name of the output file; remove or rename it, or choose another folder with -o`,
        `${target} : un dossier porte le nom du fichier à produire ; supprimez-le ou renommez-le, ou choisissez un autre dossier avec -o`,
      );
    }
    folders.add(path.dirname(target));
  }
  for (const folder of folders) checkFolder(folder);
}

/** The output folder (or the part of it that exists) must be a writable, ordinary folder. */
export function checkFolder(folder: string): void {
  const existing = firstExisting(folder);
  const stats = statSync(existing);
  if (!stats.isDirectory()) {
    throw new UsageError(
      `${folder}: cannot create this folder: ${existing} is a file, not a folder`,
      `${folder} : impossible de créer ce dossier : ${existing} est un fichier, pas un dossier`,
    );
  }
  if (PSEUDO_FILESYSTEMS.has(Number(statfsSync(existing).type))) {
    throw new UsageError(
      `${folder}: is inside a kernel pseudo-filesystem (such as /proc or /sys), not a folder for documents`,
      `${folder} : est dans un système de fichiers virtuel du noyau (comme /proc ou /sys), pas un dossier pour des documents`,
    );
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new UsageError(`${folder}: cannot write here: ${fsReason(error, 'en')}`, `${folder} : impossible d’écrire ici : ${fsReason(error, 'fr')}`);
  }
}

/** The folder itself or its nearest existing ancestor. */
export function firstExisting(folder: string): string {
  let dir = folder;
  for (;;) {
    try {
      statSync(dir);
      return dir;
    } catch (error) {
      // A path under a file (ENOTDIR) is reported on that file, found by going up.
      const code = errnoCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        throw new UsageError(`${folder}: cannot use this folder: ${fsReason(error, 'en')}`, `${folder} : dossier inutilisable : ${fsReason(error, 'fr')}`);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return dir;
    dir = parent;
  }
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
