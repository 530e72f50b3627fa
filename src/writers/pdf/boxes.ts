// Boxed notes ("À retenir") and horizontal rules. A box that fits on a page is measured first, so that
// its background and frame are painted under its text; a box taller than a page gets its frame drawn
// around each page's part afterwards (without background). Both are layout artifacts; the box's
// content is tagged in a Div whose title (/T) is the box's title.
import { inlineText, type Block, type Inline, type ListBlock } from '../../document/tree.js';
import { footnotesOf } from '../../document/footnotes.js';
import type { BlockStyle } from '../../document/stylesheet.js';
import { paragraphLike, styleNamed } from './block-styles.js';
import type { PdfContext } from './context.js';
import type { Frame } from './flow.js';
import { listHang } from './lists.js';
import { hexColour, type StructElement } from './paint.js';
import { renderStyledText } from './styled-text.js';

export type BoxBlock = Extract<Block, { type: 'box' }>;

type RenderBlocks = (blocks: Block[], parent: StructElement, frame: Frame) => void;

/** A piece of a box's content as the flow places it: space before, lines, space after. */
interface Measured {
  before: number;
  body: number;
  after: number;
}

/** The frame the box's content is laid out in: inside the rule and the padding. */
function innerFrame(ctx: PdfContext, frame: Frame): Frame {
  const { width, padding } = ctx.style.layout.box;
  const inset = width + padding;
  return { x: frame.x + inset, width: frame.width - 2 * inset };
}

function measureText(ctx: PdfContext, inlines: Inline[], style: BlockStyle, width: number): Measured {
  const laid = ctx.layout(inlines, style, width - style.indent);
  return { before: style.spaceBefore, body: laid.lines.length * laid.pitch, after: style.spaceAfter };
}

function measureList(ctx: PdfContext, block: ListBlock, frame: Frame, out: Measured[]): void {
  const style = styleNamed(ctx.style, 'listItem');
  const hang = listHang(ctx, block, style);
  const body: Frame = { x: frame.x + hang, width: frame.width - hang };
  block.items.forEach((item, i) => {
    out.push(measureText(ctx, item, style, body.width));
    const sub = block.sublists?.[i];
    if (sub) measureList(ctx, sub, body, out);
  });
}

/** The height of the box's content, from the first line's top to the last line's foot. */
function contentHeight(ctx: PdfContext, block: BoxBlock, inner: Frame): { height: number; firstBefore: number } {
  const parts: Measured[] = [];
  if (block.title) parts.push(measureText(ctx, block.title, styleNamed(ctx.style, 'boxTitle'), inner.width));
  for (const child of block.children) {
    const para = paragraphLike(child, ctx.style);
    if (para) parts.push(measureText(ctx, para.inlines, para.style, inner.width));
    else if (child.type === 'list') measureList(ctx, child, inner, parts);
  }
  const total = parts.reduce((sum, p) => sum + p.before + p.body + p.after, 0);
  const firstBefore = parts[0]?.before ?? 0;
  return { height: Math.max(0, total - firstBefore - (parts[parts.length - 1]?.after ?? 0)), firstBefore };
}

/** The whole height a box takes in the flow (for keep-with-next). */
export function boxHeight(ctx: PdfContext, block: BoxBlock, frame: Frame): number {
  const { width, padding } = ctx.style.layout.box;
  return contentHeight(ctx, block, innerFrame(ctx, frame)).height + 2 * (width + padding);
}

export function renderBox(ctx: PdfContext, block: BoxBlock, parent: StructElement, frame: Frame, renderBlocks: RenderBlocks): void {
  const { doc, flow } = ctx;
  const box = ctx.style.layout.box;
  const gap = styleNamed(ctx.style, 'body').spaceAfter;
  const inner = innerFrame(ctx, frame);
  const { height: content, firstBefore } = contentHeight(ctx, block, inner);
  const height = content + 2 * (box.width + box.padding);
  flow.beginBlock();
  flow.spaceBefore(gap);
  // A box taller than a page starts where it is; any other starts on the page it fits on.
  const pageBody = doc.page.height - ctx.style.page.margins.top - ctx.style.page.margins.bottom;
  // The footnotes the box calls go to the foot of its page: room for them too.
  const notes = ctx.notes?.height(footnotesOf(block.title ? [{ type: 'paragraph', style: 'body', children: block.title }, ...block.children] : block.children)) ?? 0;
  if (height + notes <= pageBody) flow.ensureRoom(height + notes);
  const fits = flow.y + height + notes <= flow.maxY + 0.01;
  const top = flow.y;
  const firstPage = currentPage(ctx);
  if (fits) paintBox(ctx, frame, top, height, true);
  flow.y = top + box.width + box.padding - firstBefore;
  flow.pageHasContent = true;
  // Where the box's text ends on each page it leaves (above that page's footnotes, if any).
  const pageEnds: number[] = [];
  const pageEnd = flow.onPageEnd;
  if (!fits) {
    flow.onPageEnd = () => {
      pageEnds.push(Math.min(flow.y + box.padding, flow.maxY + (flow.notesReserve > 0 ? 0 : box.padding)));
      pageEnd?.();
    };
  }
  const element = doc.struct('Div', block.title ? { title: inlineText(block.title) } : {});
  parent.add(element);
  if (block.title) renderStyledText(ctx, block.title, styleNamed(ctx.style, 'boxTitle'), 'P', element, inner);
  renderBlocks(block.children, element, inner);
  element.end();
  flow.onPageEnd = pageEnd;
  if (fits) {
    flow.y = top + height + gap;
    return;
  }
  // Taller than a page: a frame around each page's part, drawn over nothing but the margins.
  const bottom = flow.y + box.padding;
  const lastPage = currentPage(ctx);
  for (let page = firstPage; page <= lastPage; page++) {
    doc.switchToPage(page);
    const from = page === firstPage ? top : flow.top - box.padding;
    const to = page === lastPage ? bottom : (pageEnds[page - firstPage] ?? flow.maxY);
    paintBox(ctx, frame, from, to - from, false);
  }
  flow.y = bottom + gap;
}

function currentPage(ctx: PdfContext): number {
  const range = ctx.doc.bufferedPageRange();
  return range.start + range.count - 1;
}

function paintBox(ctx: PdfContext, frame: Frame, top: number, height: number, fill: boolean): void {
  const { doc } = ctx;
  const box = ctx.style.layout.box;
  const half = box.width / 2;
  doc.markContent('Artifact', { type: 'Layout' });
  doc.save();
  doc.rect(frame.x + half, top + half, frame.width - box.width, height - box.width);
  doc.lineWidth(box.width).strokeColor(hexColour(box.color));
  if (fill) doc.fillColor(hexColour(box.fill)).fillAndStroke();
  else doc.stroke();
  doc.restore();
  doc.endMarkedContent();
}

/** The space above and below a horizontal rule: a paragraph's spaces on each side. */
function ruleGap(ctx: PdfContext): number {
  const body = styleNamed(ctx.style, 'body');
  return body.spaceBefore + body.spaceAfter;
}

export function ruleHeight(ctx: PdfContext): number {
  return 2 * ruleGap(ctx);
}

/** A horizontal rule across the column: a layout artifact (it separates, it says nothing). */
export function renderRule(ctx: PdfContext, frame: Frame): void {
  const { doc, flow } = ctx;
  const rule = ctx.style.layout.rule;
  const gap = ruleGap(ctx);
  flow.beginBlock();
  flow.ensureRoom(2 * gap);
  const y = flow.y + gap;
  doc.markContent('Artifact', { type: 'Layout' });
  doc.save();
  doc.lineWidth(rule.width).strokeColor(hexColour(rule.color));
  doc.moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke();
  doc.restore();
  doc.endMarkedContent();
  flow.y = y + gap;
  flow.pageHasContent = true;
}
