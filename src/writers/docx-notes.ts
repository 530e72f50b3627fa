// word/footnotes.xml: Word's separator notes, then one note per footnote of the tree, under its number
// (the body's w:footnoteReference w:id).
import { footnotesOf } from '../document/footnotes.js';
import type { Block } from '../document/tree.js';
import { plainParagraph } from './docx-body.js';
import { runsXml } from './docx-runs.js';
import { ROOT, XML_DECLARATION_STANDALONE } from './docx-xml.js';

const separator = (type: 'separator' | 'continuationSeparator', id: number): string =>
  `<w:footnote w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:${type}/></w:r></w:p></w:footnote>`;

const NOTE_MARK = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>';

/** The footnotes part, and whether the tree has any footnote. */
export function footnotesXml(blocks: Block[]): { xml: string; any: boolean } {
  // By number, one note per number (the last text given for it), as docx 9 kept them.
  const byNumber = new Map(footnotesOf(blocks).map((note) => [note.number, note]));
  const notes = [...byNumber.values()].sort((a, b) => a.number - b.number);
  const xml =
    XML_DECLARATION_STANDALONE +
    ROOT.footnotes +
    separator('separator', -1) +
    separator('continuationSeparator', 0) +
    notes.map((note) => `<w:footnote w:id="${note.number}">${plainParagraph('FootnoteText', NOTE_MARK + runsXml(note.children))}</w:footnote>`).join('') +
    '</w:footnotes>';
  return { xml, any: notes.length > 0 };
}
