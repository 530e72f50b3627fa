// The font files of the stylesheet, read before anything is drawn.
import { readFile } from 'node:fs/promises';
import type { FontFiles, FontVariant } from '../../document/stylesheet.js';
import { FONT_VARIANTS } from './measure.js';

export async function loadFonts(files: FontFiles): Promise<Record<FontVariant, Buffer>> {
  const entries = await Promise.all(
    FONT_VARIANTS.map(async (variant) => {
      const file = files[variant];
      try {
        return [variant, await readFile(file)] as const;
      } catch (error) {
        const reason = (error as Error).message;
        throw new Error(`Cannot read the ${variant} font file "${file}": ${reason}`, { cause: error });
      }
    }),
  );
  return Object.fromEntries(entries) as Record<FontVariant, Buffer>;
}
