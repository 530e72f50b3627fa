// Layout decisions that the DOCX and PDF writers both need, made once here from the stylesheet: the
// letterhead's width, which paragraphs keep with the next or keep their lines together, table rules and
// column widths, the signature columns. A writer only expresses them in its format.
import type { BlockStyle, Stylesheet } from './stylesheet.js';

/** The letterhead column's width in points: a fraction of the page width, never wider than the text. */
export function letterheadWidth(sheet: Stylesheet, pageWidth: number, textWidth: number): number {
  return Math.min(textWidth, pageWidth * sheet.layout.letterheadWidth);
}

export interface Keeps {
  /** On the same page as the start of the next block. */
  withNext: boolean;
  /** All lines on one page. */
  together: boolean;
}

/** What a paragraph keeps: the stylesheet decides keep-with-next (headings included); headings keep their lines together. */
export function paragraphKeeps(style: BlockStyle, heading: boolean): Keeps {
  return { withNext: style.keepWithNext, together: heading };
}

/** The rules drawn around table cells. */
export function tableRule(sheet: Stylesheet): { width: number; color: string } {
  return sheet.layout.tableRule;
}

/**
 * The relative widths of a table's `count` columns: the given ones, and for a missing or invalid width
 * the mean of the valid ones (1 when none is valid).
 */
export function columnWeights(columns: number[], count: number): number[] {
  const given = columns.filter((w) => Number.isFinite(w) && w > 0);
  const fallback = given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : 1;
  return Array.from({ length: count }, (_, i) => {
    const w = columns[i];
    return w !== undefined && Number.isFinite(w) && w > 0 ? w : fallback;
  });
}

export interface SignatureColumns {
  /** Equal columns across the text width. */
  columns: number;
  /** The column of the first signatory (one signatory sits in the right half). */
  first: number;
  /** Several signatories side by side are centred in their columns; one keeps its style's alignment. */
  centred: boolean;
}

export function signatureColumns(count: number): SignatureColumns {
  return count <= 1 ? { columns: 2, first: 1, centred: false } : { columns: count, first: 0, centred: true };
}
