// `-o DIR`: the folder the outputs go to. Pointing it at an existing file is a usage error (exit 2),
// found before anything is validated or rendered.
import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';

/** The absolute output folder, or undefined for "next to each input". */
export function outputFolder(option: string | undefined, io: CliIo): string | undefined {
  if (option === undefined) return undefined;
  const folder = path.resolve(io.cwd, option);
  let isFile = false;
  try {
    isFile = !statSync(folder).isDirectory();
  } catch {
    // Not there yet: it is created when the outputs are written.
  }
  if (isFile) {
    throw new UsageError(
      `-o ${option}: is a file, not a folder; give a folder for the outputs (it is created if needed)`,
      `-o ${option} : est un fichier, pas un dossier ; indiquez un dossier pour les sorties (il est créé au besoin)`,
    );
  }
  return folder;
}
