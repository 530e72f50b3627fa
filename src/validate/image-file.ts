// Whether an image named in a file can be used: inside the project, a whole PNG or JPEG of a sensible
// size. Shared by the logo and the pictures of the content, so both get the same reasons.
import path from 'node:path';
import { loadImage, resourceReason } from '../load/resources.js';
import { staysInside } from '../load/project-root.js';
import type { Locale } from './messages.js';

/** Why the image at `relative` (from `baseDir`) cannot be used, in the user's language; undefined when it can. */
export function imageProblem(baseDir: string, relative: string, root: string, locale: Locale): string | undefined {
  const file = path.resolve(baseDir, relative);
  if (!staysInside(file, root)) return locale === 'fr' ? `hors du projet (${root})` : `outside the project (${root})`;
  try {
    loadImage(file);
    return undefined;
  } catch (error) {
    return resourceReason(error, locale);
  }
}
