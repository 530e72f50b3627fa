// Lists: the mark in a hanging column as wide as the widest mark, the item text beside it, tagged
// L > LI > Lbl + LBody; a list nested under an item is drawn from the item's text column, inside its LBody.
import type { ListBlock, ListMarker } from '../../document/tree.js';
import { listLabel } from '../../document/list-labels.js';
import type { BlockStyle, Stylesheet } from '../../document/stylesheet.js';
import { styleNamed } from './block-styles.js';
import type { PdfContext } from './context.js';
import type { Frame } from './flow.js';
import { assertNever } from './inline.js';
import type { StructElement } from './paint.js';

export type { ListBlock };

/** Gap between a list mark and the item text, and the least distance from mark to text, in ems. */
const LIST_MARK_GAP = 0.6;
const LIST_MIN_HANG = 1.5;

/** The width of the column the marks hang in. */
export function listHang(ctx: PdfContext, block: ListBlock, style: BlockStyle): number {
  let widest = 0;
  block.items.forEach((_, index) => {
    const mark = listMark(ctx.style, block.marker, index);
    widest = Math.max(widest, ctx.fonts.width(mark, { variant: style.font, sup: false }, style.size) / style.size);
  });
  return Math.max(widest + LIST_MARK_GAP, LIST_MIN_HANG) * style.size;
}

/** The height that must fit with the block before it: the space above and the first two lines. */
export function listLeadHeight(ctx: PdfContext, block: ListBlock, frame: Frame): number {
  const first = block.items[0];
  if (!first) return 0;
  const style = styleNamed(ctx.style, 'listItem');
  const laid = ctx.layout(first, style, frame.width - style.indent - listHang(ctx, block, style));
  return style.spaceBefore + Math.min(laid.lines.length, 2) * laid.pitch;
}

export function renderList(ctx: PdfContext, block: ListBlock, parent: StructElement, frame: Frame): void {
  const { doc, flow } = ctx;
  flow.beginBlock();
  const style = styleNamed(ctx.style, 'listItem');
  const hang = listHang(ctx, block, style);
  const markX = frame.x + style.indent;
  const bodyFrame: Frame = { x: frame.x + hang, width: frame.width - hang };
  const list = doc.struct('L');
  parent.add(list);
  block.items.forEach((item, index) => {
    const laid = ctx.layout(item, style, bodyFrame.width - style.indent);
    flow.spaceBefore(style.spaceBefore);
    const li = doc.struct('LI');
    list.add(li);
    const label = doc.struct('Lbl');
    li.add(label);
    const body = doc.struct('LBody');
    li.add(body);
    const mark = listMark(ctx.style, block.marker, index);
    ctx.painter.drawLines(body, laid, bodyFrame, style.align, (top) => {
      label.add(() => ctx.painter.text(mark, markX, top + laid.baseline, style));
    });
    ctx.drawn(item);
    flow.y += style.spaceAfter;
    const sub = block.sublists?.[index];
    if (sub) renderList(ctx, sub, body, bodyFrame);
    li.end();
  });
  list.end();
}

function listMark(sheet: Stylesheet, marker: ListMarker, index: number): string {
  switch (marker) {
    case 'check':
      return sheet.listMarks.check;
    case 'dash':
      return sheet.listMarks.dash;
    case 'bullet':
      return sheet.listMarks.bullet;
    case 'number':
    case 'numberParen':
    case 'alpha':
    case 'roman':
      return listLabel(marker, index);
    default:
      return assertNever(marker);
  }
}
