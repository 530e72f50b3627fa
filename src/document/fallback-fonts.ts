// Fallback fonts for the PDF: text the stylesheet's fonts cannot draw (the default, Inter, covers Latin,
// Greek, Cyrillic and Vietnamese) is drawn with an OFL Noto family when one covers it — Arabic and
// Hebrew, the scripts of names in France that Inter lacks. pdfkit embeds a registered font only once it
// draws with it, so a document without such text does not carry them. Chinese, Japanese, Korean and
// emoji have no fallback (their fonts weigh tens of megabytes): they stay a warning.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontVariant } from './stylesheet.js';
import { cmapCoverage } from './font-cmap.js';

export interface FallbackFont {
  /** The name the PDF writer registers it under. */
  name: string;
  /** Right-to-left script: the writer places its words from right to left. */
  rtl: boolean;
  /** The file for a regular and for a bold variant (no italic exists for these scripts). */
  files: { regular: string; bold: string };
}

const require = createRequire(import.meta.url);

function family(pkg: string, prefix: string): FallbackFont['files'] {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  return { regular: path.join(dir, '400Regular', `${prefix}_400Regular.ttf`), bold: path.join(dir, '700Bold', `${prefix}_700Bold.ttf`) };
}

export const FALLBACK_FONTS: readonly FallbackFont[] = [
  { name: 'clu-fallback-arabic', rtl: true, files: family('@expo-google-fonts/noto-sans-arabic', 'NotoSansArabic') },
  { name: 'clu-fallback-hebrew', rtl: true, files: family('@expo-google-fonts/noto-sans-hebrew', 'NotoSansHebrew') },
];

export function fallbackFile(font: FallbackFont, variant: FontVariant): string {
  return variant === 'bold' || variant === 'boldItalic' ? font.files.bold : font.files.regular;
}

const coverages = new Map<FallbackFont, Coverage>();

/** The fallback font that has a glyph for the character, if any (its character map read on first need, then kept). */
export function fallbackFor(codePoint: number): FallbackFont | undefined {
  for (const font of FALLBACK_FONTS) {
    let coverage = coverages.get(font);
    if (!coverage) coverages.set(font, (coverage = cmapCoverage(readFileSync(font.files.regular))));
    if (coverage.hasGlyphForCodePoint(codePoint)) return font;
  }
  return undefined;
}

/** Something that knows which characters it can draw: a fontkit font. */
export interface Coverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * Cuts a text into runs for one font each: the main font where it has the glyph (or where no fallback
 * has it either: those characters print as boxes, and validation warned about them), else a fallback.
 */
export function splitByCoverage(text: string, main: Coverage): { text: string; fallback?: FallbackFont }[] {
  const runs: { text: string; fallback?: FallbackFont }[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    // Fast path: Latin-1 is in every font clu accepts for text.
    const fallback = codePoint < 0x100 || main.hasGlyphForCodePoint(codePoint) ? undefined : fallbackFor(codePoint);
    const last = runs[runs.length - 1];
    if (last && last.fallback === fallback) last.text += char;
    else runs.push({ text: char, ...(fallback ? { fallback } : {}) });
  }
  return runs;
}
