// Pagination: the cursor down the page, page breaks (forced, pending, or when a block does not fit), and
// how many lines of a paragraph go on each page (no single first or last line left alone when the
// paragraph has more: widows and orphans).
import type { Stylesheet } from '../../document/stylesheet.js';
import { EPSILON } from './inline.js';
import type { PdfDoc } from './pdfkit-compat.js';

/** A column of the page that blocks are laid out in. */
export interface Frame {
  x: number;
  width: number;
}

/** The footnotes called in lines of a paragraph, for the flow to keep each call and its note on one page. */
export interface LineNotes {
  /** The room the notes called in lines [from, to) would take at the foot of the current page. */
  height(from: number, to: number): number;
  /** Those notes go at the foot of the current page. */
  place(from: number, to: number): void;
}

export class Flow {
  /** The cursor: top of the next thing to draw. */
  y: number;
  /** Something has been drawn on the current page (space before a block is dropped at the top). */
  pageHasContent = false;
  /** A forced page break waits for the next block (so that none ends the document with a blank page). */
  pendingBreak = false;
  /** Room kept at the foot of the current page for its footnotes. */
  notesReserve = 0;
  /** Called when a page is finished, before the next one starts (its footnotes are drawn then). */
  onPageEnd: (() => void) | undefined;

  constructor(
    private readonly doc: PdfDoc,
    private readonly style: Stylesheet,
  ) {
    this.y = this.top;
  }

  get top(): number {
    return this.style.page.margins.top;
  }

  get maxY(): number {
    return this.doc.page.height - this.style.page.margins.bottom - this.notesReserve;
  }

  /** The text area between the page margins. */
  get bodyFrame(): Frame {
    const { left, right } = this.style.page.margins;
    return { x: left, width: this.doc.page.width - left - right };
  }

  newPage(): void {
    this.onPageEnd?.();
    this.notesReserve = 0;
    this.doc.addPage();
    this.y = this.top;
    this.pageHasContent = false;
  }

  /** Called at the start of every block: honours a pending page break (never leaving a blank page). */
  beginBlock(): void {
    if (this.pendingBreak) {
      if (this.pageHasContent) this.newPage();
      this.pendingBreak = false;
    }
  }

  /** Vertical space before a block; dropped at the top of a page. */
  spaceBefore(space: number): void {
    if (this.pageHasContent) this.y += space;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensureRoom(height: number): void {
    if (this.pageHasContent && this.y + height > this.maxY + EPSILON) this.newPage();
  }

  /** True when a row of `height` does not fit below the cursor on a page that has content. */
  overflows(height: number): boolean {
    return this.pageHasContent && this.y + height > this.maxY + EPSILON;
  }

  /**
   * Places `count` lines of `pitch` from the cursor on, page after page: yields each page's share as
   * [first line, number of lines, top], starting new pages in between, and leaves the cursor below the
   * last line.
   */
  *lineChunks(count: number, pitch: number, notes?: LineNotes): Generator<[index: number, take: number, top: number]> {
    let index = 0;
    while (index < count) {
      const remaining = count - index;
      let take = notes ? this.fitting(index, remaining, pitch, notes) : Math.min(remaining, Math.floor((this.maxY - this.y + EPSILON) / pitch));
      if (take < remaining) {
        if (remaining - take === 1 && take > 1) take -= 1; // no widow
        if (take === 1 && index === 0) take = 0; // no orphan
      }
      if (take <= 0) {
        if (this.pageHasContent) {
          this.newPage();
          continue;
        }
        take = 1; // a line taller than the page: draw it anyway
      }
      const top = this.y;
      notes?.place(index, index + take);
      yield [index, take, top];
      this.y = top + take * pitch;
      this.pageHasContent = true;
      index += take;
      if (index < count) this.newPage();
    }
  }

  /** How many of the lines from `index` fit on the page with the footnotes they call. */
  private fitting(index: number, remaining: number, pitch: number, notes: LineNotes): number {
    let take = 0;
    while (take < remaining && this.y + (take + 1) * pitch + notes.height(index, index + take + 1) <= this.maxY + EPSILON) take += 1;
    return take;
  }
}
