// Font selection and measures for the PDF writer: the width of a run of text and a font's vertical
// metrics, at a size. Widths are cached by font, size and text for the whole process (fonts.ts).
import type { FontVariant } from '../../document/stylesheet.js';
import type { SharedFont } from './fonts.js';
import { shareShaping, type PdfDoc } from './pdfkit-compat.js';

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
}

export function sameRun(a: RunStyle, b: RunStyle): boolean {
  return a.variant === b.variant && a.sup === b.sup;
}

export class Measurer {
  constructor(
    private readonly doc: PdfDoc,
    private readonly fonts: Record<FontVariant, SharedFont>,
  ) {}

  setFont(variant: FontVariant, size: number): void {
    this.doc.font(FONT_NAMES[variant]).fontSize(size);
    shareShaping(this.doc, this.fonts[variant].runs);
  }

  /** The advance width of `text` set in `run` at the paragraph size `size` (superscripts are smaller). */
  width(text: string, run: RunStyle, size: number): number {
    const actual = run.sup ? size * SUPERSCRIPT_SCALE : size;
    const widths = this.fonts[run.variant].widths;
    const key = `${actual}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      this.setFont(run.variant, actual);
      width = this.doc.widthOfString(text);
      widths.set(key, width);
    }
    return width;
  }

  ascentDescent(variant: FontVariant, size: number): { ascent: number; descent: number } {
    this.setFont(variant, size);
    const font = this.doc._font;
    if (!font) throw new Error('No font selected');
    return { ascent: (font.ascender / 1000) * size, descent: (font.descender / 1000) * size };
  }
}
