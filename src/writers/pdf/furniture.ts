// Page furniture, written once the page count is known: the running header from page 2 on (page 1 has
// the letterhead) and "page / pages" on every page, both pagination artifacts.
import type { PdfContext } from './context.js';
import { styleNamed } from './block-styles.js';

/** The running header, right-aligned; a long title is shortened with an ellipsis rather than wrapped. */
export function drawRunningHeaders(ctx: PdfContext, title: string): void {
  const { doc } = ctx;
  const style = styleNamed(ctx.style, 'small');
  const range = doc.bufferedPageRange();
  const frame = ctx.flow.bodyFrame;
  let text = oneLine(ctx.style.header).replaceAll('{title}', title);
  if (text === '') return;
  const width = (s: string) => ctx.fonts.width(s, { variant: style.font, sup: false }, style.size);
  while (width(text) > frame.width && text.length > 1) text = `${text.slice(0, -2).trimEnd()}…`;
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    const x = frame.x + frame.width - width(text);
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
    ctx.painter.text(text, x, page.margins.top / 2 - style.size / 2, style);
    doc.endMarkedContent();
  }
}

/** The footer, centred between the margins. */
export function drawFooters(ctx: PdfContext): void {
  const { doc } = ctx;
  const style = styleNamed(ctx.style, 'small');
  const range = doc.bufferedPageRange();
  const frame = ctx.flow.bodyFrame;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    const bottom = page.margins.bottom;
    // Writing below maxY makes pdfkit add pages: lift the bottom margin while the footer is written.
    page.margins.bottom = 0;
    const text = oneLine(ctx.style.footer).replaceAll('{page}', String(i + 1)).replaceAll('{pages}', String(range.count));
    const width = ctx.fonts.width(text, { variant: style.font, sup: false }, style.size);
    const x = frame.x + (frame.width - width) / 2;
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
    ctx.painter.text(text, x, page.height - bottom / 2, style);
    doc.endMarkedContent();
    page.margins.bottom = bottom;
  }
}

/** The running header and the footer are one line each: a line break typed in style.json is a space. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
