// Whether a template folder named by a file (`style.modele`) can be used, checked by `clu validate`
// without compiling it: every file it brings is a regular file inside the folders it may use, its JSON
// files parse, and the fonts its style.json names are there. What `clu render` would refuse, validate
// reports at the key that names the template.
import { UsageError } from '../cli/errors.js';
import type { Locale } from '../validate/messages.js';
import { applyStyle, loadStyleOverrides } from './style-file.js';
import { templateFiles, templateManifest } from './template-files.js';

/** Why the template at `dir` cannot be used, in the user's language; undefined when it can. */
export function templateFolderProblem(dir: string, within: readonly string[], locale: Locale): string | undefined {
  try {
    templateFiles(dir, within);
    templateManifest(dir, within);
    applyStyle(loadStyleOverrides(dir, within));
    return undefined;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return locale === 'fr' ? (error.french ?? error.message) : error.message;
  }
}
