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
  _font: { ascender: number; descender: number; layoutCache?: Record<string, unknown> } | null;
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

export function createPdfDocument(options: PdfDocumentOptions): PdfDoc {
  const Ctor = PDFDocument as unknown as new (options: PdfDocumentOptions) => PdfDoc;
  return new Ctor(options);
}
