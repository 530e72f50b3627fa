// What every part of the PDF writer shares while one document is written: the pdfkit document, the
// stylesheet, the measures, the flow down the pages, the painter, and the layouts already made.
import type { Inline } from '../../document/tree.js';
import type { BlockStyle, FontVariant, Stylesheet } from '../../document/stylesheet.js';
import type { SharedFont } from './fonts.js';
import { Flow } from './flow.js';
import { Images, type ImageBlock } from './images.js';
import { layoutInlines, type Laid } from './inline.js';
import { Measurer } from './measure.js';
import { Painter } from './paint.js';
import type { PdfDoc } from './pdfkit-compat.js';
import type { TableBlock, TableLayout } from './tables.js';
import type { PageNotes } from './footnotes.js';

export class PdfContext {
  readonly fonts: Measurer;
  readonly flow: Flow;
  readonly painter: Painter;
  readonly images: Images;
  /** Each text is laid out once per style and width: look-ahead and drawing share the result. */
  private readonly layouts = new Map<Inline[], Map<BlockStyle, Map<number, Laid>>>();
  /** The footnotes of the current page (footnotes.ts); set once the structure root exists. */
  notes: PageNotes | undefined;
  /** Each table is laid out once (tables.ts). */
  readonly tables = new Map<TableBlock, TableLayout>();

  constructor(
    readonly doc: PdfDoc,
    readonly style: Stylesheet,
    fonts: Record<FontVariant, SharedFont>,
    images: Map<ImageBlock, Buffer>,
  ) {
    this.fonts = new Measurer(doc, fonts);
    this.flow = new Flow(doc, style);
    this.painter = new Painter(doc, this.fonts, this.flow);
    this.images = new Images(doc, images);
  }

  layout(inlines: Inline[], style: BlockStyle, width: number): Laid {
    let byStyle = this.layouts.get(inlines);
    if (!byStyle) this.layouts.set(inlines, (byStyle = new Map()));
    let byWidth = byStyle.get(style);
    if (!byWidth) byStyle.set(style, (byWidth = new Map()));
    let laid = byWidth.get(width);
    if (!laid) byWidth.set(width, (laid = layoutInlines(inlines, style, width, this.fonts)));
    return laid;
  }

  /** A text is drawn: look-ahead only looks forward, so its layouts are not needed again (a long document keeps less). */
  drawn(inlines: Inline[]): void {
    this.layouts.delete(inlines);
  }
}
