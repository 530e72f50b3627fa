// The footnotes of a document tree, in document order (the order of their numbers).
import type { Block, Inline, ListBlock } from './tree.js';

export type Footnote = Extract<Inline, { type: 'footnote' }>;

/** The footnotes called in some inlines, in order (a note's own text holds none). */
export function footnotesIn(inlines: Inline[], out: Footnote[] = []): Footnote[] {
  for (const node of inlines) {
    if (node.type === 'footnote') out.push(node);
    else if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'superscript') footnotesIn(node.children, out);
  }
  return out;
}

/** Every footnote of the blocks, in document order. */
export function footnotesOf(blocks: Block[], out: Footnote[] = []): Footnote[] {
  for (const block of blocks) {
    switch (block.type) {
      case 'title':
      case 'heading':
      case 'paragraph':
        footnotesIn(block.children, out);
        break;
      case 'list':
        listFootnotes(block, out);
        break;
      case 'table':
        if (block.caption) footnotesIn(block.caption, out);
        for (const row of block.rows) for (const cell of row) footnotesIn(cell.children, out);
        break;
      case 'image':
        if (block.caption) footnotesIn(block.caption, out);
        break;
      case 'box':
        if (block.title) footnotesIn(block.title, out);
        footnotesOf(block.children, out);
        break;
      case 'signatures':
        for (const s of block.signatories) footnotesIn([...s.qualite, ...s.name], out);
        break;
      case 'division':
        footnotesOf(block.children, out);
        break;
      case 'rule':
      case 'pageBreak':
        break;
    }
  }
  return out;
}

function listFootnotes(block: ListBlock, out: Footnote[]): void {
  block.items.forEach((item, i) => {
    footnotesIn(item, out);
    const sub = block.sublists?.[i];
    if (sub) listFootnotes(sub, out);
  });
}
