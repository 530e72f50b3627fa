// A text in one stylesheet entry, drawn as one structure element: captions, box titles.
import type { Inline } from '../../document/tree.js';
import type { BlockStyle } from '../../document/stylesheet.js';
import type { PdfContext } from './context.js';
import type { Frame } from './flow.js';
import type { StructElement } from './paint.js';

/** The height the text takes in the flow, its spaces before and after included. */
export function styledTextHeight(ctx: PdfContext, inlines: Inline[], style: BlockStyle, width: number): number {
  const laid = ctx.layout(inlines, style, width - style.indent);
  return style.spaceBefore + laid.lines.length * laid.pitch + style.spaceAfter;
}

/** Draws the text at the cursor, tagged `tag` under `parent`, and moves the cursor below its space after. */
export function renderStyledText(ctx: PdfContext, inlines: Inline[], style: BlockStyle, tag: string, parent: StructElement, frame: Frame): void {
  const laid = ctx.layout(inlines, style, frame.width - style.indent);
  ctx.flow.spaceBefore(style.spaceBefore);
  const element = ctx.doc.struct(tag);
  parent.add(element);
  ctx.painter.drawLines(element, laid, frame, style.align);
  element.end();
  ctx.drawn(inlines);
  ctx.flow.y += style.spaceAfter;
}
