// Which stylesheet entry and structure tag a block takes in the PDF.
import type { Block, Inline } from '../../document/tree.js';
import type { BlockStyle, FontVariant, StyleName, Stylesheet } from '../../document/stylesheet.js';

export interface ParagraphLike {
  inlines: Inline[];
  style: BlockStyle;
  tag: string;
}

export function paragraphLike(block: Block, style: Stylesheet): ParagraphLike | null {
  switch (block.type) {
    case 'title':
      return { inlines: block.children, style: styleNamed(style, 'title'), tag: 'H1' };
    case 'heading':
      return { inlines: block.children, style: styleNamed(style, `heading${block.level}`), tag: `H${block.level + 1}` };
    case 'paragraph':
      return { inlines: block.children, style: styleNamed(style, block.style), tag: 'P' };
    default:
      return null;
  }
}

/** A template's own stylesheet may lack a style: say which, rather than failing on `undefined`. */
export function styleNamed(style: Stylesheet, name: StyleName): BlockStyle {
  const found: BlockStyle | undefined = style.styles[name];
  if (!found) throw new Error(`The stylesheet has no "${name}" style`);
  return found;
}

export function boldOf(variant: FontVariant): FontVariant {
  return variant === 'italic' || variant === 'boldItalic' ? 'boldItalic' : 'bold';
}
