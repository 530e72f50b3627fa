// The stylesheet's font files, read and parsed once per process and shared by every document written
// in it (a batch of meetings, say), together with their shaping and width caches. A file changed on
// disk since it was parsed is parsed again.
import { FileMemo } from '../../load/file-memo.js';
import { readRegularFile } from '../../load/read-file.js';
import { create, type Font } from 'fontkit';
import type { FontFiles, FontVariant } from '../../document/stylesheet.js';
import { sharedGlyphs } from '../../document/font-cmap.js';
import { FONT_VARIANTS } from './measure.js';
import { loadHarfBuzz, shapeWithHarfBuzz } from './harfbuzz.js';

export interface SharedFont {
  /** The parsed font, handed to pdfkit instead of the file (pdfkit would parse it again). */
  font: Font;
  /** pdfkit's cache of shaped words (text → glyph run), shared by the documents (see shareShaping). */
  runs: Record<string, unknown>;
  /** Advance widths by text, in thousandths of an em (at 1,000 points: any size is a product). */
  advances: Map<string, number>;
}

const parsed = new FileMemo<SharedFont>();

export async function loadFonts(files: FontFiles): Promise<Record<FontVariant, SharedFont>> {
  await loadHarfBuzz();
  const entries = FONT_VARIANTS.map((variant) => [variant, loadFont(files[variant], variant)] as const);
  return Object.fromEntries(entries) as Record<FontVariant, SharedFont>;
}

function loadFont(file: string, variant: FontVariant): SharedFont {
  try {
    return parsed.get(file, () => parseFont(readRegularFile(file, 'font')));
  } catch (error) {
    const reason = (error as Error).message;
    throw new Error(`Cannot read the ${variant} font file "${file}": ${reason}`, { cause: error });
  }
}

function parseFont(bytes: Buffer): SharedFont {
  const font = create(bytes);
  if (!('layout' in font)) throw new Error('a font collection, not a single font');
  fixGlyphCodePoints(font, bytes);
  shapeWithHarfBuzz(font, bytes);
  return { font, runs: Object.create(null) as Record<string, unknown>, advances: new Map() };
}

const fallbacks = new Map<string, SharedFont>();

/**
 * A fallback font file (Arabic, Hebrew: files of an installed package), parsed on first need by a
 * document (loadFonts has run) and kept for the process like the stylesheet's fonts.
 */
export function loadFallbackFont(file: string): SharedFont {
  let shared = fallbacks.get(file);
  if (!shared) fallbacks.set(file, (shared = parseFont(readRegularFile(file, 'font'))));
  return shared;
}

/** Called once a document is written: forgets, in every font of the process, glyphs without text. */
export function forgetAllGlyphsWithoutText(fonts: Record<FontVariant, SharedFont>): void {
  for (const shared of [...Object.values(fonts), ...fallbacks.values()]) forgetGlyphsWithoutText(shared);
}

/**
 * Called once a document is written. Subsetting (at the end of each document) makes fontkit create the
 * glyphs that composite glyphs are built from, without code points: a period inside an ellipsis, say.
 * fontkit would hand that glyph to the next document's text, which would then lose its periods in the
 * text layer. Forget such glyphs: fontkit makes them again, with their code points, when text needs them.
 */
function forgetGlyphsWithoutText(shared: SharedFont): void {
  const glyphs = glyphCache(shared.font);
  for (const [id, glyph] of Object.entries(glyphs)) if (glyph.codePoints.length === 0) delete glyphs[Number(id)];
}

/** fontkit's cache of glyph objects (a private member: this function is its only reader). */
function glyphCache(font: Font): Record<number, { codePoints: number[] }> {
  return (font as unknown as { _glyphs: Record<number, { codePoints: number[] }> })._glyphs;
}

const inPrivateUseArea = (codePoint: number): boolean => codePoint >= 0xe000 && codePoint <= 0xf8ff;
/** Hebrew and Arabic presentation forms: a glyph Noto Sans Arabic shares with its letter ("ب" and U+FE8F) stays the letter. */
const isPresentationForm = (codePoint: number): boolean => (codePoint >= 0xfb1d && codePoint <= 0xfdff) || (codePoint >= 0xfe70 && codePoint <= 0xfeff);

/**
 * fontkit remembers a glyph with the code point it was first asked for, and pdfkit writes that code
 * point into the text layer. Where the font draws two characters with one glyph (U+2019 and U+02BC in
 * Inter), the text a document extracts to would then depend on the documents written before it in the
 * same process: such a glyph is fixed once, to the highest of its code points (’ rather than ʼ). Code
 * points of the private use area are left out: Inter maps its contextual alternates there (the raised
 * colon of "14:30"), which must keep the code point of the character they replace.
 */
function fixGlyphCodePoints(font: Font, bytes: Uint8Array): void {
  for (const [id, codePoints] of sharedGlyphs(bytes)) {
    const chosen = codePoints.filter((codePoint) => !inPrivateUseArea(codePoint) && !isPresentationForm(codePoint));
    if (chosen.length > 1) font.getGlyph(id, [Math.max(...chosen)]);
  }
}
