// Typed access to the pdfkit 0.20 features that @types/pdfkit 0.17 lacks. Kept small on purpose: each
// declaration below matches code read in node_modules/pdfkit/js/pdfkit.node.mjs (0.20.2).
import PDFDocument from 'pdfkit';

declare global {
  namespace PDFKit.Mixins {
    interface StructureElementOptions {
      /** Layout attribute BBox (top-left origin, like every other pdfkit coordinate). */
      bbox?: [number, number, number, number];
      placement?: 'Block' | 'Inline';
      /** Table attribute Scope for TH cells. */
      scope?: 'Row' | 'Column' | 'Both';
    }

    /** What `openImage` returns: a decoded header, embeddable by `image()`. */
    interface OpenedImage {
      width: number;
      height: number;
      /** EXIF orientation of JPEG files (1 to 8); values above 4 swap width and height. */
      orientation?: number;
    }

    interface PDFImage {
      openImage(src: Buffer): OpenedImage;
      image(src: OpenedImage, x?: number, y?: number, options?: ImageOption): this;
    }
  }
}

/** `subset` accepts 'PDF/UA' since 0.19. */
export type PdfSubset = PDFKit.Mixins.PDFSubsets | 'PDF/UA';

/** Constructor options: 0.20 accepts `font: null` (no default Helvetica is ever loaded). */
export interface PdfDocumentOptions extends Omit<PDFKit.PDFDocumentOptions, 'font' | 'subset'> {
  font: null;
  subset: PdfSubset;
}

/** The private members the writer relies on (font metrics and the XMP writer). */
export interface PdfDocumentInternals {
  /** The current font, scaled to 1000 units per em, with its cache of shaped words. */
  _font: { ascender: number; descender: number; layoutCache?: Record<string, unknown>; widthOfString(text: string, size: number): number } | null;
  /** Writes one line of text at (x, y): the part of `text()` that draws (see showText). */
  _fragment(text: string, x: number, y: number, options: FragmentOptions): void;
  /** Appends the Info entries to the XMP packet (called by `end()`, after the Info dictionary is written). */
  _addInfo(): void;
  info: PDFKit.DocumentInfo;
}

export type PdfDoc = PDFKit.PDFDocument & PdfDocumentInternals;

/**
 * Makes the current font use `runs` as its cache of shaped words (text → glyph run, positions in
 * thousandths of an em, so valid at every size): each pdfkit document otherwise starts with an empty
 * cache and shapes every word again. The runs are only read once made.
 */
export function shareShaping(doc: PdfDoc, runs: Record<string, unknown>): void {
  const font = doc._font;
  if (font && font.layoutCache !== runs) font.layoutCache = runs;
}

/** What `_fragment` reads of the options the writer gives (no link, underline, spacing, rotation). */
interface FragmentOptions {
  baseline: 'alphabetic';
  /** The text's width, only used to size a link or an underline (pdfkit measures it when absent). */
  textWidth: number;
  /** Its number of words, idem. */
  wordCount: number;
}

// The writer asks for neither a link nor pdfkit's underline: the width they would need is not measured.
const FRAGMENT_OPTIONS: FragmentOptions = { baseline: 'alphabetic', textWidth: 0, wordCount: 0 };

/**
 * Draws one line of text with its baseline at (x, y), in the current font, size and colour: the bytes
 * `doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic' })` writes, without the two extra
 * measures of the text that call makes (for a link, and to move `doc.x`, which the writer never reads).
 */
export function showText(doc: PdfDoc, text: string, x: number, y: number): void {
  doc._fragment(text, x, y, FRAGMENT_OPTIONS); // drops line breaks, as doc.text's line did
}

interface ShapedRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont: the two methods `layout` is made of. */
interface EmbeddedFontMethods {
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
  layoutRun(text: string, features?: unknown): ShapedRun;
  layoutCached(text: string): ShapedRun;
}

const FAST_LAYOUT = Symbol('clu fast layout');

/**
 * pdfkit's `EmbeddedFont.layout` (the text cut after each space or tab, each piece shaped once through
 * its cache), written without the array it allocates for every character and the concatenation of
 * every piece's glyphs into a new array: the same pieces, the same result, less garbage. Installed on
 * the class the first time a document selects an embedded font (test/pdf-layout.test.ts compares).
 */
export function speedUpLayout(doc: PdfDoc): void {
  const font = doc._font as unknown as EmbeddedFontMethods | null;
  if (!font) return;
  const prototype = Object.getPrototypeOf(font) as EmbeddedFontMethods & { [FAST_LAYOUT]?: true };
  if (prototype[FAST_LAYOUT] || typeof prototype.layoutCached !== 'function') return;
  prototype[FAST_LAYOUT] = true;
  prototype.layout = function (this: EmbeddedFontMethods, text, features, onlyWidth) {
    if (features) return this.layoutRun(text, features);
    const glyphs: unknown[] | null = onlyWidth ? null : [];
    const positions: unknown[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    for (let index = 0; index <= text.length; index++) {
      const code = text.charCodeAt(index); // NaN past the end
      if (code === 32 || code === 9 || (index === text.length && last < index)) {
        const run = this.layoutCached(text.slice(last, index + 1));
        if (glyphs && positions) {
          for (const glyph of run.glyphs) glyphs.push(glyph);
          for (const position of run.positions) positions.push(position);
        }
        advanceWidth += run.advanceWidth;
        last = index + 1;
      }
    }
    return { glyphs, positions, advanceWidth };
  };
}

export function createPdfDocument(options: PdfDocumentOptions): PdfDoc {
  const Ctor = PDFDocument as unknown as new (options: PdfDocumentOptions) => PdfDoc;
  return new Ctor(options);
}
