// Font selection and measures for the PDF writer: the width of a run of text and a font's vertical
// metrics, at a size. Widths are cached by font and text for the whole process (fonts.ts), in thousandths of an em.
import type { FontVariant } from '../../document/stylesheet.js';
import { loadFallbackFont, type SharedFont } from './fonts.js';
import { fallbackFile, type Coverage, type FallbackFont } from '../../document/fallback-fonts.js';
import { shareShaping, speedUpLayout, type PdfDoc } from './pdfkit-compat.js';

export const FONT_NAMES: Record<FontVariant, string> = {
  regular: 'clu-regular',
  bold: 'clu-bold',
  italic: 'clu-italic',
  boldItalic: 'clu-bold-italic',
};

export const FONT_VARIANTS: readonly FontVariant[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** Superscript size, as a fraction of the paragraph's size. */
export const SUPERSCRIPT_SCALE = 0.65;

/** How a piece of text is set: its font variant, and whether it is a superscript. */
export interface RunStyle {
  variant: FontVariant;
  sup: boolean;
  /** Drawn with a fallback font (text the stylesheet's font cannot draw: Arabic, Hebrew). */
  fallback?: FallbackFont;
}

export function sameRun(a: RunStyle, b: RunStyle): boolean {
  return a.variant === b.variant && a.sup === b.sup && a.fallback === b.fallback;
}

/** The name a fallback font is registered under, for one variant of the text. */
export function fallbackName(fallback: FallbackFont, variant: FontVariant): string {
  return `${fallback.name}-${variant}`;
}

export class Measurer {
  constructor(
    private readonly doc: PdfDoc,
    private readonly fonts: Record<FontVariant, SharedFont>,
  ) {}

  /** Advances of the runs set in a fallback font, by font name (fonts.ts keeps only the stylesheet's). */
  private readonly fallbackAdvances = new Map<string, Map<string, number>>();

  /** The fallback fonts registered with this document: only those it draws with (pdfkit embeds each it selects). */
  private readonly fallbacksRegistered = new Set<string>();

  setFont(variant: FontVariant, size: number, fallback?: FallbackFont): void {
    if (fallback) {
      const name = fallbackName(fallback, variant);
      if (!this.fallbacksRegistered.has(name)) {
        this.doc.registerFont(name, loadFallbackFont(fallbackFile(fallback, variant)).font as unknown as Buffer);
        this.fallbacksRegistered.add(name);
      }
      this.doc.font(name).fontSize(size);
      return;
    }
    this.doc.font(FONT_NAMES[variant]).fontSize(size);
    shareShaping(this.doc, this.fonts[variant].runs);
    speedUpLayout(this.doc);
  }

  /** What the stylesheet's font of a variant can draw (the rest goes to a fallback font). */
  coverage(variant: FontVariant): Coverage {
    return this.fonts[variant].font;
  }

  /** The advance width of `text` set in `run` at the paragraph size `size` (superscripts are smaller). */
  width(text: string, run: RunStyle, size: number): number {
    const actual = run.sup ? size * SUPERSCRIPT_SCALE : size;
    const advances = run.fallback ? this.fallbackAdvancesOf(fallbackName(run.fallback, run.variant)) : this.fonts[run.variant].advances;
    let advance = advances.get(text);
    if (advance === undefined) {
      this.setFont(run.variant, actual, run.fallback);
      advance = this.doc._font!.widthOfString(text, 1000);
      advances.set(text, advance);
    }
    // pdfkit's arithmetic for doc.widthOfString(text) at that size, to the last bit.
    return ((advance * (actual / 1000) + 0) * 100) / 100;
  }

  private fallbackAdvancesOf(name: string): Map<string, number> {
    let advances = this.fallbackAdvances.get(name);
    if (!advances) this.fallbackAdvances.set(name, (advances = new Map()));
    return advances;
  }

  ascentDescent(variant: FontVariant, size: number): { ascent: number; descent: number } {
    this.setFont(variant, size);
    const font = this.doc._font;
    if (!font) throw new Error('No font selected');
    return { ascent: (font.ascender / 1000) * size, descent: (font.descender / 1000) * size };
  }
}
