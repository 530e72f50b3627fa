// Headers and footers: the stylesheet's footer on every page with {page} and {pages} as PAGE and NUMPAGES
// fields, and the running header (the title) from page 2 on; the first page's header is empty, as the
// letterhead stands there.
import type { Stylesheet } from '../document/stylesheet.js';
import { FOOTER_STYLE_ID } from './docx-styles.js';
import { ROOT, XML_DECLARATION, escapeXml } from './docx-xml.js';

const textRun = (text: string): string => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** A field (PAGE, NUMPAGES) as Word writes a simple one: begin, instruction, separate, end. */
const field = (instruction: string): string =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

export function footerXml(sheet: Stylesheet): string {
  let runs = '';
  for (const piece of sheet.footer.split(/(\{page\}|\{pages\})/)) {
    if (piece === '{page}') runs += field('PAGE');
    else if (piece === '{pages}') runs += field('NUMPAGES');
    else if (piece !== '') runs += textRun(piece);
  }
  return `${XML_DECLARATION}${ROOT.footer}><w:p><w:pPr><w:pStyle w:val="${FOOTER_STYLE_ID}"/></w:pPr>${runs || '<w:r/>'}</w:p></w:ftr>`;
}

/** The running header of pages 2 and after; without text, an empty header. */
export function headerXml(text: string): string {
  if (text === '') return `${XML_DECLARATION}${ROOT.header}/>`;
  return `${XML_DECLARATION}${ROOT.header}><w:p><w:pPr><w:pStyle w:val="${FOOTER_STYLE_ID}"/><w:jc w:val="right"/></w:pPr>${textRun(text)}</w:p></w:hdr>`;
}
