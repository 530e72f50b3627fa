// The files of a template folder, found and read under one confinement rule: every file a template
// brings (document.hbs, partials, template.json, style.json, the fonts it names) must be a regular file
// inside the folders the template may use — the project of the file that named it, and clu's built-in
// templates — once links are followed. A partial linked to /etc/passwd is refused before it is read.
// No Handlebars here: validation checks a template's files without loading the compiler.
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../cli/errors.js';
import { readJsonFile } from '../load/read-json.js';
import { markedFolderAbove, realOrResolved, staysInsideAny } from '../load/project-root.js';
import { HEAD_BLOCKS, NUMBERINGS, type HeadBlock } from '../model/schema.js';
import { BUILTIN_TEMPLATES } from './builtin-templates.js';

type Numbering = (typeof NUMBERINGS)[number];

export const MAIN_FILE = 'document.hbs';
const PARTIALS_DIR = 'partials';

/** What a template sets by default for the house style (template.json); a meeting's style overrides it. */
export interface TemplateDefaults {
  /** The blocks of the head, in order (see partials/head.hbs). */
  entete?: HeadBlock[];
  /** Whether the chair is listed among those present. */
  presidence_parmi_presents?: boolean;
  /** Numbering of the agenda, level by level. */
  numerotation?: Numbering[];
}

export interface TemplateManifest extends TemplateDefaults {
  extends?: string;
  description?: string;
}

/** The folder of clu's built-in templates (real path). */
export function builtinTemplatesRoot(): string {
  return realOrResolved(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates'));
}

export function builtinTemplateDir(name: string): string {
  return path.join(builtinTemplatesRoot(), name);
}

/** The folders a template named from a project may read: the project's, and the built-in templates. */
export function templateScope(projectRoots: readonly string[]): string[] {
  return [...projectRoots, builtinTemplatesRoot()];
}

/**
 * The scope of a template named on its own (`--template DIR`, a library call): the project it lies in
 * (the nearest folder above it with `.git` or a `.clu` marker, else the template folder itself).
 */
export function ownScope(dir: string): string[] {
  return templateScope([markedFolderAbove(realOrResolved(dir))]);
}

/**
 * The files of a template: its document.hbs (or that of the built-in template it extends) and its
 * partials, plus the partials of the built-in template it extends (template.json: { "extends":
 * "compte-rendu" }) that it does not redefine. Each one checked to lie in `within`.
 */
export function templateFiles(dir: string, within: readonly string[] = ownScope(dir)): { main: string; partials: Map<string, string> } {
  if (!staysInsideAny(dir, within)) throw outside(dir, within);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: template folder not found`, `${dir} : dossier de modèle introuvable`);
  const base = templateManifest(dir, within).extends;
  const own = path.join(dir, MAIN_FILE);
  const main = existsSync(own) || !base ? own : templateFiles(builtinTemplateDir(base), within).main;
  if (!existsSync(main)) throw new UsageError(`${dir}: a template folder needs a ${MAIN_FILE}`, `${dir} : un dossier de modèle doit contenir un ${MAIN_FILE}`);
  const partials = new Map<string, string>();
  if (base) for (const [name, file] of templateFiles(builtinTemplateDir(base), within).partials) partials.set(name, file);
  const partialsDir = path.join(dir, PARTIALS_DIR);
  if (existsSync(partialsDir)) {
    if (!staysInsideAny(partialsDir, within)) throw outside(partialsDir, within);
    for (const name of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs')).sort()) {
      partials.set(path.basename(name, '.hbs'), path.join(partialsDir, name));
    }
  }
  for (const file of [main, ...partials.values()]) if (!staysInsideAny(file, within)) throw outside(file, within);
  return { main, partials };
}

/** A template's file that leads outside the folders it may use: named, never read. */
export function outside(file: string, within: readonly string[]): UsageError {
  const root = within[0] ?? '';
  return new UsageError(
    `${file}: outside the project (${root}): a template's files must be inside the project or be clu's own (--root widens the project)`,
    `${file} : hors du projet (${root}) : les fichiers d’un modèle doivent être dans le projet ou être ceux de clu (--root élargit le projet)`,
  );
}

/** template.json: what the template extends, and its house-style defaults. */
export function templateManifest(dir: string, within: readonly string[] = ownScope(dir)): TemplateManifest {
  const file = path.join(dir, 'template.json');
  if (!existsSync(file) && !isDanglingLink(file)) return {};
  const manifest = readJsonFile(file, within) as Record<string, unknown>;
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) throw new UsageError(`${file}: must be a JSON object`, `${file} : doit être un objet JSON`);
  const result: TemplateManifest = {};
  if (typeof manifest.description === 'string') result.description = manifest.description;
  if (manifest.extends !== undefined) {
    if (typeof manifest.extends !== 'string' || !(BUILTIN_TEMPLATES as readonly string[]).includes(manifest.extends) || manifest.extends === path.basename(dir)) {
      throw new UsageError(
        `${file}: "extends" must name another built-in template (${BUILTIN_TEMPLATES.join(', ')})`,
        `${file} : « extends » doit nommer un autre modèle intégré (${BUILTIN_TEMPLATES.join(', ')})`,
      );
    }
    result.extends = manifest.extends;
  }
  if (manifest.entete !== undefined) {
    const blocks = manifest.entete;
    if (!Array.isArray(blocks) || blocks.some((b) => !(HEAD_BLOCKS as readonly unknown[]).includes(b))) {
      throw new UsageError(
        `${file}: "entete" must be a list of head blocks (${HEAD_BLOCKS.join(', ')})`,
        `${file} : « entete » doit être une liste de blocs d’en-tête (${HEAD_BLOCKS.join(', ')})`,
      );
    }
    result.entete = blocks as HeadBlock[];
  }
  if (manifest.numerotation !== undefined) {
    const levels = manifest.numerotation;
    if (!Array.isArray(levels) || levels.length === 0 || levels.some((l) => !(NUMBERINGS as readonly unknown[]).includes(l))) {
      throw new UsageError(
        `${file}: "numerotation" must be a list of numberings (${NUMBERINGS.join(', ')})`,
        `${file} : « numerotation » doit être une liste de numérotations (${NUMBERINGS.join(', ')})`,
      );
    }
    result.numerotation = levels as Numbering[];
  }
  if (manifest.presidence_parmi_presents !== undefined) {
    if (typeof manifest.presidence_parmi_presents !== 'boolean') throw new UsageError(`${file}: "presidence_parmi_presents" must be true or false`, `${file} : « presidence_parmi_presents » doit valoir true ou false`);
    result.presidence_parmi_presents = manifest.presidence_parmi_presents;
  }
  return result;
}

/** A link whose target does not exist: reading it says so, rather than the file being silently ignored. */
function isDanglingLink(file: string): boolean {
  return lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
}
