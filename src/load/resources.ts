// Opening and checking the images and fonts a document needs, before any writer runs (for the resource
// bag, resource-bag.ts, and for `clu validate`'s logo check): a missing, truncated or mislabelled file,
// or one of an absurd size, is a one-line message naming the file and the fix, never an "internal error"
// from inside pdfkit or docx.
import type * as Fontkit from 'fontkit';
import { UsageError } from '../cli/errors.js';
import type { FontFiles, FontVariant } from '../document/stylesheet.js';
import type { FsLocale } from '../output/fs-reason.js';
import { inspectImage, ImageProblem, type ImageInfo } from './image-check.js';
import { readFailureReason, readRegularFile } from './read-file.js';

/** Reads and checks an image; throws FileRefused, an fs error or ImageProblem. */
export function loadImage(file: string, within?: readonly string[]): { bytes: Buffer; info: ImageInfo } {
  const bytes = readRegularFile(file, 'image', within);
  return { bytes, info: inspectImage(bytes) };
}

/** Why an image or font could not be used, in the user's language. */
export function resourceReason(error: unknown, locale: FsLocale): string {
  if (error instanceof ImageProblem || error instanceof FontProblem) return error.reason(locale);
  return readFailureReason(error, locale);
}

export class FontProblem extends Error {
  constructor(readonly problem: { en: string; fr: string }) {
    super(problem.en);
  }
  reason(locale: FsLocale): string {
    return this.problem[locale];
  }
}

/** Tables every TrueType or OpenType font that pdfkit can embed must have. */
const REQUIRED_TABLES = ['head', 'hhea', 'maxp', 'cmap', 'hmtx'];

/** Reads and parses a font file; throws FileRefused, an fs error or FontProblem. */
function loadFont(fontkit: typeof Fontkit, file: string): Fontkit.Font {
  const bytes = readRegularFile(file, 'font');
  let font: Fontkit.Font;
  try {
    const created = fontkit.create(bytes);
    if (!('layout' in created)) throw new Error('a font collection');
    font = created;
  } catch {
    throw new FontProblem({ en: 'not a TrueType or OpenType font', fr: 'ce n’est pas une police TrueType ou OpenType' });
  }
  // The table directory (not in fontkit's published types): every table must lie inside the file.
  const tables = (font as unknown as { directory?: { tables: Record<string, { offset: number; length: number }> } }).directory?.tables ?? {};
  const truncated = Object.values(tables).some((table) => table.offset + table.length > bytes.length);
  const missing = REQUIRED_TABLES.some((name) => !(name in tables)) || !('glyf' in tables || 'CFF ' in tables);
  if (font.type !== 'TTF' || truncated || missing) {
    throw new FontProblem({ en: 'the font file is truncated or damaged', fr: 'le fichier de police est tronqué ou abîmé' });
  }
  try {
    // What the PDF writer will do with it: read glyphs' outlines and widths, embed a subset. (Not a full
    // layout: reading the shaping tables costs more than the rest together, and pdfkit does it anyway.)
    const subset = font.createSubset();
    for (const char of 'Aé1') {
      const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
      if (!Number.isFinite(glyph.advanceWidth) || !glyph.path) throw new Error('unreadable glyph');
      subset.includeGlyph(glyph);
    }
    subset.encode();
  } catch {
    throw new FontProblem({ en: 'the font file is truncated or damaged', fr: 'le fichier de police est tronqué ou abîmé' });
  }
  return font;
}

/**
 * The four fonts of a stylesheet, parsed; throws UsageError naming the first one that cannot be used.
 * fontkit is loaded here, for a PDF, not with this module (which validating loads too).
 */
export async function loadFonts(files: FontFiles): Promise<Record<FontVariant, Fontkit.Font>> {
  const fontkit = await import('fontkit');
  const fonts = {} as Record<FontVariant, Fontkit.Font>;
  for (const variant of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
    const file = files[variant];
    try {
      fonts[variant] = loadFont(fontkit, file);
    } catch (error) {
      throw new UsageError(
        `${file}: the ${variant} font cannot be used: ${resourceReason(error, 'en')} (give a TTF or OTF file in style.json "fonts")`,
        `${file} : la police ${variant} est inutilisable : ${resourceReason(error, 'fr')} (donnez un fichier TTF ou OTF dans « fonts » de style.json)`,
      );
    }
  }
  return fonts;
}
