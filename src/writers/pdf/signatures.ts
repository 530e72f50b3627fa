// Signatures: one signatory in the right half of the page, several side by side in equal columns; the
// names on one line even when a quality wraps; never split across pages.
import type { Block } from '../../document/tree.js';
import { signatureColumns as sharedColumns } from '../../document/layout.js';
import { styleNamed } from './block-styles.js';
import type { PdfContext } from './context.js';
import type { Frame } from './flow.js';
import type { Align, StructElement } from './paint.js';

export type SignaturesBlock = Extract<Block, { type: 'signatures' }>;

function signatureColumns(block: SignaturesBlock, frame: Frame): { frames: Frame[]; align: Align | null } {
  const { columns, first, centred } = sharedColumns(block.signatories.length);
  const width = frame.width / columns;
  return { frames: block.signatories.map((_, i) => ({ x: frame.x + (first + i) * width, width })), align: centred ? 'center' : null };
}

export function signaturesHeight(ctx: PdfContext, block: SignaturesBlock, frame: Frame): number {
  const { frames } = signatureColumns(block, frame);
  const q = styleNamed(ctx.style, 'signatureQualite');
  const n = styleNamed(ctx.style, 'signatureName');
  // The tallest quality, then the tallest name: names are aligned on one line (see renderSignatures).
  let quality = 0;
  let name = 0;
  block.signatories.forEach((signatory, i) => {
    const column = frames[i];
    if (!column) return;
    const a = ctx.layout(signatory.qualite, q, column.width - q.indent);
    const b = ctx.layout(signatory.name, n, column.width - n.indent);
    quality = Math.max(quality, q.spaceBefore + a.lines.length * a.pitch + q.spaceAfter);
    name = Math.max(name, n.spaceBefore + b.lines.length * b.pitch + n.spaceAfter);
  });
  return quality + name;
}

export function renderSignatures(ctx: PdfContext, block: SignaturesBlock, parent: StructElement, frame: Frame): void {
  const { doc, flow } = ctx;
  flow.beginBlock();
  if (block.signatories.length === 0) return;
  flow.ensureRoom(signaturesHeight(ctx, block, frame));
  const atTop = !flow.pageHasContent;
  const { frames, align } = signatureColumns(block, frame);
  const q = styleNamed(ctx.style, 'signatureQualite');
  const n = styleNamed(ctx.style, 'signatureName');
  const start = flow.y;
  // Names side by side sit on one line even when one quality line wraps: they start below the
  // tallest quality.
  const qualityHeight = Math.max(
    ...block.signatories.map((signatory, i) => {
      const column = frames[i];
      if (!column) return 0;
      const laid = ctx.layout(signatory.qualite, q, column.width - q.indent);
      return laid.lines.length * laid.pitch;
    }),
  );
  const namesTop = start + (atTop ? 0 : q.spaceBefore) + qualityHeight + q.spaceAfter;
  let bottom = start;
  block.signatories.forEach((signatory, i) => {
    const column = frames[i];
    if (!column) return;
    const parts = [
      { inlines: signatory.qualite, style: q, top: start + (atTop ? 0 : q.spaceBefore) },
      { inlines: signatory.name, style: n, top: namesTop + n.spaceBefore },
    ];
    for (const { inlines, style, top } of parts) {
      flow.y = top;
      const laid = ctx.layout(inlines, style, column.width - style.indent);
      const element = doc.struct('P');
      parent.add(element);
      ctx.painter.drawLines(element, laid, column, align ?? style.align);
      element.end();
      ctx.drawn(inlines);
      flow.y += style.spaceAfter;
    }
    bottom = Math.max(bottom, flow.y);
  });
  flow.y = bottom;
}
