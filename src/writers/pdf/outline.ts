// PDF bookmarks (the document outline) from the headings: the title, then each heading under the
// heading of the level above it. The PDF opens with the outline shown (PageMode /UseOutlines, which
// pdfkit sets when the outline has entries).
//
// pdfkit's own destination puts the left edge at the page width (it subtracts `left` from the width):
// each entry's destination is rewritten to the heading's top, the horizontal position and zoom left as
// the reader has them ([page /XYZ null top null]).

/** The part of pdfkit's document this needs (PDFKit.PDFDocument satisfies it). */
interface OutlineDocument {
  outline: OutlineItem;
  page: { height: number; dictionary: unknown };
}

interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
}

/** What pdfkit keeps on each entry; only Dest is rewritten. */
interface OutlineData {
  outlineData: { Dest?: unknown[] };
}

export class PdfOutline {
  /** The open entries, from the document title (level 0) down to the last heading added. */
  private readonly open: { level: number; item: OutlineItem }[] = [];

  constructor(private readonly doc: OutlineDocument) {}

  /**
   * Adds an entry for a heading drawn on the current page with its top at `top` (points from the top of
   * the page). Level 0 is the document title, 1 to 4 the heading levels.
   */
  add(level: number, title: string, top: number): void {
    // A line break becomes a space; no-break spaces stay, as in the document.
    const text = title.replace(/[ \t\r\n]+/g, ' ').trim();
    if (text === '') return;
    while (this.open.length > 0 && this.open[this.open.length - 1]!.level >= level) this.open.pop();
    const parent = this.open[this.open.length - 1]?.item ?? this.doc.outline;
    // Entries are shown unfolded: minutes have a few dozen headings at most.
    const item = parent.addItem(text, { expanded: true });
    (item as unknown as OutlineData).outlineData.Dest = [this.doc.page.dictionary, 'XYZ', null, this.doc.page.height - top, null];
    this.open.push({ level, item });
  }
}
