// Pictures: the logo (left, in the letterhead) and the pictures of the content (figures: centred in the
// column, the caption below, kept on the same page). Tagged Figure with its alternative text (/Alt),
// the caption tagged Caption beside it in a Div; an image without alternative text is decoration.
import type { PdfContext } from './context.js';
import type { Frame } from './flow.js';
import type { ImageBlock } from './images.js';
import { styleNamed } from './block-styles.js';
import type { StructElement } from './paint.js';
import { renderStyledText, styledTextHeight } from './styled-text.js';

/** The height a picture and its caption take (for keep-with-next and to keep them together). */
export function figureHeight(ctx: PdfContext, block: ImageBlock, frame: Frame): number {
  const { height } = ctx.images.size(block, frame);
  const style = styleNamed(ctx.style, 'caption');
  return block.caption ? height + styledTextHeight(ctx, block.caption, style, frame.width) - style.spaceAfter : height;
}

export function renderImage(ctx: PdfContext, block: ImageBlock, parent: StructElement, frame: Frame): void {
  const { flow, doc, images } = ctx;
  flow.beginBlock();
  const { width, height } = images.size(block, frame);
  flow.ensureRoom(figureHeight(ctx, block, frame));
  const x = block.figure ? frame.x + (frame.width - width) / 2 : frame.x;
  const y = flow.y;
  const draw = (): void => {
    doc.image(images.open(block), x, y, { width, height });
  };
  const group = block.caption ? doc.struct('Div') : parent;
  if (block.caption) parent.add(group);
  if (block.alt.trim()) {
    const bbox: [number, number, number, number] = [x, y, x + width, y + height];
    const figure = doc.struct('Figure', { alt: block.alt, bbox, placement: 'Block' });
    group.add(figure);
    figure.add(draw);
    figure.end();
  } else {
    // No alternative text: a decorative image, left out of the structure.
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  }
  flow.y = y + height;
  flow.pageHasContent = true;
  if (block.caption) {
    renderStyledText(ctx, block.caption, styleNamed(ctx.style, 'caption'), 'Caption', group, frame);
    group.end();
  } else {
    flow.y += styleNamed(ctx.style, 'body').spaceAfter;
  }
}
