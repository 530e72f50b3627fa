// Keep-with-next: the blocks in document order, each with its frame, and the height that must fit below
// the cursor before a keep-with-next block is drawn (the chain of such blocks and the start of the block
// that ends it). Heights come from the layouts already made: nothing is laid out twice.
import type { Block } from '../../document/tree.js';
import { letterheadWidth, paragraphKeeps } from '../../document/layout.js';
import { paragraphLike } from './block-styles.js';
import type { PdfContext } from './context.js';
import type { Frame } from './flow.js';
import { assertNever } from './inline.js';
import { listLeadHeight } from './lists.js';
import { boxHeight, ruleHeight } from './boxes.js';
import { figureHeight } from './figures.js';
import { signaturesHeight } from './signatures.js';
import { tableLeadHeight } from './tables.js';

/** A block in document order, with the frame it is drawn in; 'break' stands for a forced page break. */
type Leaf = { block: Block; frame: Frame } | 'break';

export class KeepWithNext {
  private readonly leaves: Leaf[] = [];
  private readonly leafIndex = new Map<Block, number>();

  constructor(
    private readonly ctx: PdfContext,
    blocks: Block[],
    frame: Frame,
  ) {
    this.collect(blocks, frame);
  }

  /** The frame of a division's children: the letterhead is a narrow column at the left. */
  divisionFrame(role: Extract<Block, { type: 'division' }>['role'], frame: Frame): Frame {
    if (role !== 'letterhead') return frame;
    return { x: frame.x, width: letterheadWidth(this.ctx.style, this.ctx.doc.page.width, frame.width) };
  }

  /**
   * The height that must fit below the cursor for a keep-with-next block: the block, the blocks chained
   * to it by keep-with-next, and the first lines of the block that ends the chain.
   */
  height(block: Block, frame: Frame): number {
    let index = this.leafIndex.get(block);
    let total = 0;
    let leaf: Leaf | undefined = { block, frame };
    while (leaf && leaf !== 'break') {
      const para = paragraphLike(leaf.block, this.ctx.style);
      if (!para || !paragraphKeeps(para.style, leaf.block.type === 'heading').withNext) break;
      const laid = this.ctx.layout(para.inlines, para.style, leaf.frame.width - para.style.indent);
      total += para.style.spaceBefore + laid.lines.length * laid.pitch + para.style.spaceAfter;
      if (index === undefined) return total;
      index += 1;
      leaf = this.leaves[index];
    }
    if (leaf && leaf !== 'break') total += this.leadHeight(leaf.block, leaf.frame);
    return total;
  }

  private collect(blocks: Block[], frame: Frame): void {
    for (const block of blocks) {
      if (block.type === 'division') {
        if (block.role === 'annex') this.leaves.push('break');
        this.collect(block.children, this.divisionFrame(block.role, frame));
      } else if (block.type === 'pageBreak') {
        this.leaves.push('break');
      } else {
        this.leafIndex.set(block, this.leaves.length);
        this.leaves.push({ block, frame });
      }
    }
  }

  /** The height of the start of a block that a preceding keep-with-next block must stay with. */
  private leadHeight(block: Block, frame: Frame): number {
    const ctx = this.ctx;
    switch (block.type) {
      case 'title':
      case 'heading':
      case 'paragraph': {
        const para = paragraphLike(block, ctx.style);
        if (!para) return 0;
        const laid = ctx.layout(para.inlines, para.style, frame.width - para.style.indent);
        return para.style.spaceBefore + Math.min(laid.lines.length, 2) * laid.pitch;
      }
      case 'list':
        return listLeadHeight(ctx, block, frame);
      case 'table':
        return tableLeadHeight(ctx, block, frame);
      case 'image':
        return figureHeight(ctx, block, frame);
      case 'box':
        return boxHeight(ctx, block, frame);
      case 'rule':
        return ruleHeight(ctx);
      case 'signatures':
        return signaturesHeight(ctx, block, frame);
      case 'division': {
        const first = block.children[0];
        return first && block.role !== 'annex' ? this.leadHeight(first, this.divisionFrame(block.role, frame)) : 0;
      }
      case 'pageBreak':
        return 0;
      default:
        return assertNever(block);
    }
  }
}
