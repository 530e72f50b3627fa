// What a template name means, in one place: a built-in template's name ("proces-verbal"), or a folder,
// relative to the file or the working directory that names it.
import path from 'node:path';
import { isBuiltinTemplate } from './builtin-templates.js';
import { builtinTemplateDir } from './template-files.js';

/** The folder of the template `name`, a folder path taken from `fromDir`; compte-rendu when no name is given. */
export function templateDir(name: string | undefined, fromDir: string): string {
  if (!name) return builtinTemplateDir('compte-rendu');
  return isBuiltinTemplate(name) ? builtinTemplateDir(name) : path.resolve(fromDir, name);
}
