// Tables: column widths from the relative widths, every cell laid out once, rows never split, the header
// rows repeated (as a pagination artifact) at the top of each continuation page, ruled cells.
import type { Block, TableCell } from '../../document/tree.js';
import type { BlockStyle } from '../../document/stylesheet.js';
import { columnWeights, tableRule } from '../../document/layout.js';
import { boldOf, styleNamed } from './block-styles.js';
import type { PdfContext } from './context.js';
import type { Frame } from './flow.js';
import type { Laid } from './inline.js';
import { hexColour, type StructElement, type Underline } from './paint.js';
import { renderStyledText, styledTextHeight } from './styled-text.js';

export type TableBlock = Extract<Block, { type: 'table' }>;

/** Table cell padding, in points. */
const CELL_PADDING = 3;

export interface TableLayout {
  widths: number[];
  /** Per row, per column: the laid-out cell text. */
  cells: Laid[][];
  heights: number[];
  headerRows: number;
}

export function tableLayout(ctx: PdfContext, block: TableBlock, frame: Frame): TableLayout {
  const cached = ctx.tables.get(block);
  if (cached) return cached;
  const count = Math.max(block.columns.length, ...block.rows.map((row) => row.length), 1);
  const relative = columnWeights(block.columns, count);
  const sum = relative.reduce((a, b) => a + b, 0);
  const widths = relative.map((w) => (w / sum) * frame.width);
  let headerRows = 0;
  while (headerRows < block.rows.length && isHeaderRow(block.rows[headerRows] ?? [])) headerRows += 1;
  const cells = block.rows.map((row) =>
    widths.map((width, i) => {
      const cell: TableCell = row[i] ?? { children: [] };
      const style = cellStyle(ctx, cell);
      return ctx.layout(cell.children, style, width - 2 * CELL_PADDING - style.indent);
    }),
  );
  const heights = cells.map((row) => Math.max(...row.map((laid) => laid.lines.length * laid.pitch)) + 2 * CELL_PADDING);
  const layout: TableLayout = { widths, cells, heights, headerRows };
  ctx.tables.set(block, layout);
  return layout;
}

/** The height of a table's caption with its spaces (0 without a caption). */
function captionHeight(ctx: PdfContext, block: TableBlock, frame: Frame): number {
  return block.caption ? styledTextHeight(ctx, block.caption, styleNamed(ctx.style, 'caption'), frame.width) : 0;
}

/** The height that must fit with the block before it: the space above, the caption, the header rows and the first row. */
export function tableLeadHeight(ctx: PdfContext, block: TableBlock, frame: Frame): number {
  const table = tableLayout(ctx, block, frame);
  return styleNamed(ctx.style, 'body').spaceAfter + captionHeight(ctx, block, frame) + table.heights.slice(0, table.headerRows + 1).reduce((sum, h) => sum + h, 0);
}

export function renderTable(ctx: PdfContext, block: TableBlock, parent: StructElement, frame: Frame): void {
  const { doc, flow } = ctx;
  flow.beginBlock();
  const table = tableLayout(ctx, block, frame);
  const { heights, headerRows } = table;
  const gap = styleNamed(ctx.style, 'body').spaceAfter;
  // The caption and the header rows stay with the first body row.
  flow.ensureRoom(gap + captionHeight(ctx, block, frame) + heights.slice(0, headerRows + 1).reduce((a, b) => a + b, 0));
  flow.spaceBefore(gap);
  const element = doc.struct('Table');
  parent.add(element);
  if (block.caption) renderStyledText(ctx, block.caption, styleNamed(ctx.style, 'caption'), 'Caption', element, frame);
  block.rows.forEach((row, r) => {
    const height = heights[r] ?? 0;
    // The notes called in a row go at the foot of its page.
    const notes = ctx.notes ? ctx.notes.notesIn(row.map((cell) => cell.children)) : [];
    if (flow.overflows(height + (ctx.notes?.height(notes) ?? 0))) {
      flow.newPage();
      if (r >= headerRows && headerRows > 0) drawRepeatedHeader(ctx, table, frame);
    }
    const tr = doc.struct('TR');
    element.add(tr);
    let x = frame.x;
    const top = flow.y;
    table.widths.forEach((width, c) => {
      const cell: TableCell = row[c] ?? { children: [] };
      const laid = table.cells[r]?.[c];
      const cellElement = doc.struct(cell.header ? 'TH' : 'TD', cell.header ? { scope: 'Column' } : {});
      tr.add(cellElement);
      if (laid) {
        const underlines: Underline[] = [];
        ctx.painter.paintTagged(cellElement, laid, x + CELL_PADDING + laid.style.indent, top + CELL_PADDING, underlines);
        ctx.painter.drawUnderlines(underlines, laid.style);
      }
      cellElement.end();
      x += width;
    });
    tr.end();
    drawRowRules(ctx, table.widths, frame.x, top, height);
    flow.y = top + height;
    flow.pageHasContent = true;
    ctx.notes?.place(notes);
  });
  element.end();
  ctx.tables.delete(block);
  for (const row of block.rows) for (const cell of row) ctx.drawn(cell.children);
  flow.y += gap;
}

/** The header rows again at the top of a continuation page: a pagination artifact, not content. */
function drawRepeatedHeader(ctx: PdfContext, table: TableLayout, frame: Frame): void {
  const { doc, flow } = ctx;
  for (let r = 0; r < table.headerRows; r++) {
    const top = flow.y;
    const height = table.heights[r] ?? 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    let x = frame.x;
    const underlines: Underline[] = [];
    table.widths.forEach((width, c) => {
      const laid = table.cells[r]?.[c];
      if (laid) ctx.painter.paintAll(laid, x + CELL_PADDING + laid.style.indent, top + CELL_PADDING, underlines);
      x += width;
    });
    doc.endMarkedContent();
    ctx.painter.drawUnderlines(underlines, styleNamed(ctx.style, 'small'));
    drawRowRules(ctx, table.widths, frame.x, top, height);
    flow.y = top + height;
  }
}

function drawRowRules(ctx: PdfContext, widths: number[], x0: number, top: number, height: number): void {
  const doc = ctx.doc;
  doc.markContent('Artifact', { type: 'Layout' });
  doc.save();
  const rule = tableRule(ctx.style);
  doc.lineWidth(rule.width).strokeColor(hexColour(rule.color));
  let x = x0;
  for (const width of widths) {
    doc.rect(x, top, width, height).stroke();
    x += width;
  }
  doc.restore();
  doc.endMarkedContent();
}

function cellStyle(ctx: PdfContext, cell: TableCell): BlockStyle {
  const small = styleNamed(ctx.style, 'small');
  return cell.header ? { ...small, font: boldOf(small.font) } : small;
}

function isHeaderRow(row: TableCell[]): boolean {
  return row.length > 0 && row.every((cell) => cell.header === true);
}
