// The files a command works on, the same for validate, render and roster: file paths as given, a folder
// for its YAML files (recursively, in a stable order), `-` for one meeting on standard input. Shared
// composition and organisation files among them are recognised by their modeline or keys.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { InlineInput } from '../load/load-meeting.js';
import { folderProjectRoot, staysInside } from '../load/project-root.js';
import type { Reporter } from '../validate/diagnostic.js';
import { validateAnyFile, type ValidatedFile, type ValidationOptions } from '../validate/validate.js';
import { UsageError } from './errors.js';
import { locale, type CliIo } from './io.js';
import { visible } from '../text/visible.js';

import { STDIN_NAME } from '../documents/output-name.js';
export { STDIN_NAME, outputStem } from '../documents/output-name.js';

export interface Input {
  /** The path as the user gave it or as found in a folder; STDIN_NAME for standard input. */
  file: string;
  /** Standard input's bytes, with the working directory its includes start from. */
  inline?: InlineInput;
}

/** Folders never searched for meeting files. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** What a folder argument's links may lead to: --root, else the project the folder is in. */
export interface ExpandOptions {
  root?: string;
  quiet?: boolean;
}

/**
 * The arguments → the files, each once, folders expanded, standard input read. In a folder, a link
 * that leads outside the project, or to a file that is not a regular .yaml/.yml file, is skipped with a
 * note: a planted `pw.yaml → /etc/passwd` is never read, so never quoted.
 */
export async function expandInputs(args: string[], io: CliIo, options: ExpandOptions = {}): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(io.cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ file });
  };
  let stdinTaken = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinTaken) throw new UsageError('"-" (standard input) can be given only once', '« - » (l’entrée standard) ne peut être donné qu’une fois');
      stdinTaken = true;
      if (!io.readStdin) throw new UsageError('standard input is not available', 'l’entrée standard n’est pas disponible');
      inputs.push({ file: STDIN_NAME, inline: { bytes: await io.readStdin(), baseDir: io.cwd } });
      continue;
    }
    if (!isDirectory(path.resolve(io.cwd, arg))) {
      add(arg);
      continue;
    }
    const root = folderProjectRoot(arg, { cwd: io.cwd, ...(options.root !== undefined ? { root: options.root } : {}) });
    const found = yamlFilesIn(arg, io.cwd, (file) => {
      const why = linkRefusal(path.resolve(io.cwd, file), root);
      if (why) noteSkipped(io, file, why, options.quiet);
      return why === undefined;
    });

    if (found.length === 0) throw new UsageError(`${arg}: no .yaml or .yml file in this folder`, `${arg} : aucun fichier .yaml ou .yml dans ce dossier`);
    found.forEach(add);
  }
  return inputs;
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Why a link found in a folder is not followed, or undefined when it leads to a YAML file of the project. */
function linkRefusal(link: string, root: string): { en: string; fr: string } | undefined {
  let real: string;
  try {
    real = realpathSync(link);
  } catch {
    return { en: 'a broken link; skipped', fr: 'un lien cassé ; ignoré' };
  }
  if (!staysInside(link, root)) return { en: `a link to a file outside the project (${root}); skipped, not read`, fr: `un lien vers un fichier hors du projet (${root}) ; ignoré, non lu` };
  if (!/\.ya?ml$/i.test(real) || !statSync(real).isFile()) return { en: 'a link to a file that is not a .yaml or .yml file; skipped, not read', fr: 'un lien vers un fichier qui n’est pas un .yaml ou .yml ; ignoré, non lu' };
  return undefined;
}

/**
 * YAML files under a folder, depth first, names in code-point order (the same on every machine). A
 * link is kept only if `followLink` says so; a linked folder is not entered.
 */
function yamlFilesIn(folder: string, cwd: string, followLink: (file: string) => boolean): string[] {
  const out: string[] = [];
  const entries = readdirSync(path.resolve(cwd, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) out.push(...yamlFilesIn(file, cwd, followLink));
    } else if (/\.ya?ml$/i.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && followLink(file)))) {
      out.push(file);
    }
  }
  return out;
}

/** The name of a meeting's output files: the input's name, or, for standard input, seance-DATE. */
export function validateInput(input: Input, reporter: Reporter, options: ValidationOptions = {}): ValidatedFile | undefined {
  return validateAnyFile(input.file, reporter, options, input.inline);
}

/** One line on stderr saying why a file given on the command line is not worked on (unless --quiet). */
export function noteSkipped(io: CliIo, file: string, reason: { en: string; fr: string }, quiet = false): void {
  if (quiet) return;
  const name = visible(file);
  io.stderr.write(locale(io) === 'fr' ? `clu : ${name} : ${reason.fr}\n` : `clu: ${name}: ${reason.en}\n`);
}

/** Why a shared file is skipped by a command that works on meetings. */
export const SHARED_FILE = {
  composition: {
    en: 'composition file, checked and used through the meetings that include it; skipped',
    fr: 'fichier de composition, vérifié et utilisé par les séances qui l’incluent ; ignoré',
  },
  organisation: {
    en: 'organisation file, checked and used through the meetings that include it; skipped',
    fr: 'fichier d’organisation, vérifié et utilisé par les séances qui l’incluent ; ignoré',
  },
} as const;
