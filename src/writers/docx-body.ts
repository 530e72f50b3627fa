// The document tree's blocks → the body of word/document.xml: paragraphs in named styles, lists with their
// numbering, tables, signatures, boxes, rules, pictures, page breaks, and the letterhead column.
import path from 'node:path';
import type { BlockStyle, Stylesheet } from '../document/stylesheet.js';
import { columnWeights, letterheadWidth, signatureColumns } from '../document/layout.js';
import type { Block, Inline, ListBlock, TableCell } from '../document/tree.js';
import { BOX_TITLE_STYLE_ID, CAPTION_STYLE_ID, LIST_LEVELS } from './docx-content.js';
import { Media, drawingRunXml } from './docx-images.js';
import type { DocumentResources } from '../load/resource-bag.js';
import type { Numbering } from './docx-numbering.js';
import { paragraphPropertiesXml, type Alignment, type Spacing } from './docx-properties.js';
import { runsXml } from './docx-runs.js';
import { LISTS, paragraphStyleId } from './docx-styles.js';
import { NO_BORDER, boxTableXml, dataTableFrame, proportionalWidths, tableXml } from './docx-tables.js';
import { twips } from './docx-xml.js';

/** A4 in twips (210 × 297 mm). */
export const A4 = { width: 11906, height: 16838 } as const;

/** Points → pixels at 96 dpi (the unit of a picture's size). */
const pixels = (points: number): number => Math.round((points * 96) / 72);

function assertNever(value: never, what: string): never {
  throw new Error(`docx writer: unhandled ${what}: ${JSON.stringify(value)}`);
}

export interface BodyContext {
  sheet: Stylesheet;
  /** The document's pictures (read and checked before writing). */
  resources: DocumentResources;
  numbering: Numbering;
  media: Media;
  /** Width between the margins, twips. */
  textWidth: number;
  /** Inside the letterhead: the right indent that narrows its paragraphs to the letterhead column, twips. */
  rightIndent: number;
  /** Set by an annex: the next paragraph starts a new page. */
  pageBreakPending: boolean;
  /** Number lists seen so far: each one is a new numbering instance, so it restarts at 1. */
  numberLists: number;
  /** Pictures drawn so far (wp:docPr ids are unique in the document). */
  drawings: number;
  /** The stylesheet entry of each Word paragraph style used in the flow, for the spacing between paragraphs. */
  blockStyles: Map<string, BlockStyle>;
  /** Space after the previous paragraph of the flow, points (0 after a table or an image). */
  previousSpaceAfter: number;
}

/**
 * Word (and LibreOffice reading a DOCX) puts the larger of "space after" and the next paragraph's "space
 * before" between two paragraphs; the PDF writer adds them. When both are set, the paragraph gets their
 * sum as its own space before, so that both formats space (and paginate) alike.
 */
function spaceBeforeAsInPdf(ctx: BodyContext, style: string, pageBreakBefore: boolean): number | undefined {
  const block = ctx.blockStyles.get(style);
  const previous = ctx.previousSpaceAfter;
  ctx.previousSpaceAfter = block?.spaceAfter ?? 0;
  if (block === undefined || pageBreakBefore || previous === 0 || block.spaceBefore === 0) return undefined;
  return twips(previous + block.spaceBefore);
}

interface ParagraphExtra {
  alignment?: Alignment;
  spacing?: Spacing;
  numbering?: { reference: string; level: number; instance?: number };
  keepNext?: boolean;
}

/** A paragraph of the flow in a named style; takes a pending page break. */
function paragraph(ctx: BodyContext, style: string, content: string, extra: ParagraphExtra = {}): string {
  const pageBreakBefore = ctx.pageBreakPending;
  ctx.pageBreakPending = false;
  const before = spaceBeforeAsInPdf(ctx, style, pageBreakBefore);
  const spacing = before !== undefined || extra.spacing ? { ...extra.spacing, ...(before !== undefined ? { before } : {}) } : undefined;
  const numbering = extra.numbering ? { numId: ctx.numbering.numId(extra.numbering.reference, extra.numbering.instance), level: extra.numbering.level } : undefined;
  return paragraphXml(
    paragraphPropertiesXml({
      style,
      keepNext: extra.keepNext,
      pageBreakBefore,
      numbering,
      spacing,
      ...(ctx.rightIndent > 0 ? { indent: { right: ctx.rightIndent } } : {}),
      alignment: extra.alignment,
    }),
    content,
  );
}

const paragraphXml = (properties: string, content: string): string => (properties === '' && content === '' ? '<w:p/>' : `<w:p>${properties}${content}</w:p>`);

/** A paragraph outside the flow (a table cell, a note): its style and its runs. */
export const plainParagraph = (style: string, content: string, alignment?: Alignment): string => paragraphXml(paragraphPropertiesXml({ style, alignment }), content);

/** Before a table: a pending page break needs a paragraph of its own (w:pageBreakBefore is ignored in cells). */
function flushPageBreak(ctx: BodyContext): string {
  return ctx.pageBreakPending ? paragraph(ctx, 'Normal', '') : '';
}

function table(ctx: BodyContext, block: Extract<Block, { type: 'table' }>): string {
  const columnCount = Math.max(block.columns.length, ...block.rows.map((r) => r.length));
  // Word cannot open a table without rows or cells: an empty table writes nothing.
  if (columnCount === 0 || block.rows.length === 0) return '';
  // Only the leading rows made of header cells can repeat at the top of each page.
  let inHeader = true;
  const rows = block.rows.map((row) => {
    inHeader = inHeader && row.length > 0 && row.every((cell) => cell.header === true);
    const cells: TableCell[] = Array.from({ length: columnCount }, (_, i) => row[i] ?? { children: [] });
    // Table cells use the "small" style, as in the PDF writer.
    return { cantSplit: true, header: inHeader, cells: cells.map((cell) => plainParagraph(paragraphStyleId('small'), runsXml(cell.children, cell.header ? { bold: true } : {}))) };
  });
  const breakBefore = flushPageBreak(ctx);
  ctx.previousSpaceAfter = 0;
  return breakBefore + tableXml({ widths: proportionalWidths(columnWeights(block.columns, columnCount), ctx.textWidth), ...dataTableFrame(ctx.sheet), rows });
}

/** One column per signatory; a single signatory sits in the right half of the page. */
function signatures(ctx: BodyContext, block: Extract<Block, { type: 'signatures' }>): string {
  if (block.signatories.length === 0) return '';
  const { columns, first, centred } = signatureColumns(block.signatories.length);
  const alignment = centred ? 'center' : undefined;
  const signatoryCell = (s: { qualite: Inline[]; name: Inline[] }) =>
    plainParagraph(paragraphStyleId('signatureQualite'), runsXml(s.qualite), alignment) + plainParagraph(paragraphStyleId('signatureName'), runsXml(s.name), alignment);
  const empty = Array.from({ length: first }, () => plainParagraph('Normal', ''));
  const breakBefore = flushPageBreak(ctx);
  ctx.previousSpaceAfter = 0;
  return (
    breakBefore +
    tableXml({
      widths: proportionalWidths(new Array<number>(columns).fill(1), ctx.textWidth),
      border: NO_BORDER,
      rows: [{ cantSplit: true, header: false, cells: [...empty, ...block.signatories.map(signatoryCell)] }],
    })
  );
}

function image(ctx: BodyContext, block: Extract<Block, { type: 'image' }>): string {
  const { bytes: data, info } = ctx.resources.image(block);
  const media = ctx.media.add(data, info.type === 'png' ? 'png' : 'jpg');
  // A picture is never wider than the text column (the PDF writer narrows it so too).
  const width = pixels(Math.min(block.width, ctx.textWidth / 20));
  const height = Math.max(1, Math.round((width * info.height) / Math.max(1, info.width)));
  const run = drawingRunXml({ id: ++ctx.drawings, name: path.basename(block.path), alt: block.alt, relationshipId: media.relationshipId, width, height });
  // An image needs a line as tall as itself: the exact line height of Normal would cut it.
  return paragraph(ctx, 'Normal', run, { spacing: { line: 240, lineRule: 'auto' }, ...(block.figure ? { alignment: 'center' as const } : {}) });
}

/**
 * A list's items, and under an item the list nested in it, one numbering level deeper. Every numbered
 * list (nested ones too) gets its own numbering instance, so that each one restarts at 1 (or a).
 */
function list(ctx: BodyContext, b: ListBlock, depth: number): string {
  const style = LISTS[b.marker];
  const numbered = b.marker === 'number' || b.marker === 'numberParen' || b.marker === 'alpha' || b.marker === 'roman';
  const level = Math.min(depth, LIST_LEVELS - 1);
  const numbering = numbered ? { reference: style.reference, level, instance: ++ctx.numberLists } : depth > 0 ? { reference: style.reference, level } : undefined;
  let xml = '';
  b.items.forEach((item, i) => {
    xml += paragraph(ctx, style.styleId, runsXml(item), numbering ? { numbering } : {});
    const sub = b.sublists?.[i];
    if (sub) xml += list(ctx, sub, depth + 1);
  });
  return xml;
}

export function blocksXml(ctx: BodyContext, blocks: Block[]): string {
  let xml = '';
  for (const b of blocks) xml += block(ctx, b);
  return xml;
}

function block(ctx: BodyContext, b: Block): string {
  switch (b.type) {
    case 'title':
      return paragraph(ctx, 'Title', runsXml(b.children));
    case 'heading':
      return paragraph(ctx, `Heading${b.level}`, runsXml(b.children));
    case 'paragraph':
      return paragraph(ctx, paragraphStyleId(b.style), runsXml(b.children));
    case 'list':
      return list(ctx, b, 0);
    case 'table':
      return (b.caption ? paragraph(ctx, CAPTION_STYLE_ID, runsXml(b.caption), { keepNext: true }) : '') + table(ctx, b);
    case 'image': {
      const picture = image(ctx, b);
      return picture + (b.caption ? paragraph(ctx, CAPTION_STYLE_ID, runsXml(b.caption)) : '');
    }
    case 'box': {
      const breakBefore = flushPageBreak(ctx);
      ctx.previousSpaceAfter = 0;
      const inside = (b.title ? paragraph(ctx, BOX_TITLE_STYLE_ID, runsXml(b.title)) : '') + blocksXml(ctx, b.children);
      ctx.previousSpaceAfter = 0;
      return breakBefore + boxTableXml(ctx.sheet, ctx.textWidth, inside);
    }
    case 'rule': {
      ctx.previousSpaceAfter = 0;
      const rule = ctx.sheet.layout.rule;
      // A horizontal rule: an empty paragraph with a bottom border (w:sz in eighths of a point).
      return paragraphXml(paragraphPropertiesXml({ style: 'Normal', borderBottom: { size: Math.max(2, Math.round(rule.width * 8)), color: rule.color } }), '');
    }
    case 'signatures':
      return signatures(ctx, b);
    case 'division':
      switch (b.role) {
        case 'annex':
          ctx.pageBreakPending = true;
          return blocksXml(ctx, b.children);
        case 'letterhead': {
          // The letterhead is a column at the left, as wide as the stylesheet says (the PDF draws it so).
          const pageWidth = A4.width / 20;
          const textWidth = ctx.textWidth / 20;
          const saved = ctx.rightIndent;
          ctx.rightIndent = twips(textWidth - letterheadWidth(ctx.sheet, pageWidth, textWidth));
          try {
            return blocksXml(ctx, b.children);
          } finally {
            ctx.rightIndent = saved;
          }
        }
        case 'attendance':
        case 'section':
          return blocksXml(ctx, b.children);
        default:
          return assertNever(b.role, 'division role');
      }
    case 'pageBreak':
      ctx.pageBreakPending = false;
      return '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>';
    default:
      return assertNever(b, 'block');
  }
}
