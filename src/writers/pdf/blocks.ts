// The blocks of the document tree drawn in order down the pages, each tagged under its parent structure
// element: paragraphs and headings, lists, tables, images, signatures, divisions.
import { inlineText, type Block } from '../../document/tree.js';
import { paragraphKeeps } from '../../document/layout.js';
import { paragraphLike, type ParagraphLike } from './block-styles.js';
import type { PdfContext } from './context.js';
import type { Frame } from './flow.js';
import { renderBox, renderRule } from './boxes.js';
import { renderImage } from './figures.js';
import { assertNever } from './inline.js';
import { KeepWithNext } from './keep.js';
import { renderList } from './lists.js';
import { PdfOutline } from './outline.js';
import type { StructElement } from './paint.js';
import { renderSignatures } from './signatures.js';
import { renderTable } from './tables.js';

type DivisionBlock = Extract<Block, { type: 'division' }>;

export class BlockRenderer {
  private readonly keep: KeepWithNext;
  private readonly outline: PdfOutline;

  constructor(
    private readonly ctx: PdfContext,
    blocks: Block[],
  ) {
    this.keep = new KeepWithNext(ctx, blocks, ctx.flow.bodyFrame);
    this.outline = new PdfOutline(ctx.doc);
  }

  render(blocks: Block[], parent: StructElement, frame: Frame): void {
    for (const block of blocks) this.renderBlock(block, parent, frame);
  }

  private renderBlock(block: Block, parent: StructElement, frame: Frame): void {
    const ctx = this.ctx;
    switch (block.type) {
      case 'title':
      case 'heading':
      case 'paragraph': {
        const para = paragraphLike(block, ctx.style);
        if (para) this.renderParagraph(block, para, parent, frame);
        return;
      }
      case 'list':
        renderList(ctx, block, parent, frame);
        return;
      case 'table':
        renderTable(ctx, block, parent, frame);
        return;
      case 'image':
        renderImage(ctx, block, parent, frame);
        return;
      case 'box':
        renderBox(ctx, block, parent, frame, (blocks, element, inner) => this.render(blocks, element, inner));
        return;
      case 'rule':
        renderRule(ctx, frame);
        return;
      case 'signatures':
        renderSignatures(ctx, block, parent, frame);
        return;
      case 'division':
        this.renderDivision(block, parent, frame);
        return;
      case 'pageBreak':
        ctx.flow.pendingBreak = true;
        return;
      default:
        assertNever(block);
    }
  }

  private renderParagraph(block: Block, para: ParagraphLike, parent: StructElement, frame: Frame): void {
    const { flow, doc } = this.ctx;
    flow.beginBlock();
    const { style } = para;
    const keeps = paragraphKeeps(style, block.type === 'heading');
    const laid = this.ctx.layout(para.inlines, style, frame.width - style.indent);
    if (keeps.withNext) flow.ensureRoom(this.keep.height(block, frame));
    else if (keeps.together) flow.ensureRoom(style.spaceBefore + laid.lines.length * laid.pitch);
    flow.spaceBefore(style.spaceBefore);
    // The title and the headings are the PDF's bookmarks (the title beside the first-level headings).
    if (block.type === 'title' || block.type === 'heading') this.outline.add(block.type === 'title' ? 1 : block.level, inlineText(para.inlines), flow.y);
    const element = doc.struct(para.tag);
    parent.add(element);
    this.ctx.painter.drawLines(element, laid, frame, style.align);
    element.end();
    this.ctx.drawn(para.inlines);
    flow.y += style.spaceAfter;
  }

  private renderDivision(block: DivisionBlock, parent: StructElement, frame: Frame): void {
    if (block.children.length === 0) return;
    if (block.role === 'annex') this.ctx.flow.pendingBreak = true;
    const element = this.ctx.doc.struct(block.role === 'annex' ? 'Sect' : 'Div');
    parent.add(element);
    this.render(block.children, element, this.keep.divisionFrame(block.role, frame));
    element.end();
  }
}
