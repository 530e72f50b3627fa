// Inlines → runs (w:r). A line break becomes a w:br at the start of the following run (or of an empty run
// at the end), never a raw "\n" in w:t; a tab becomes a w:tab; a footnote its reference.
import type { Inline } from '../document/tree.js';
import { runPropertiesXml } from './docx-properties.js';
import { escapeXml } from './docx-xml.js';

export interface RunFormat {
  bold?: true;
  italics?: true;
  superScript?: true;
}

function assertNever(value: never): never {
  throw new Error(`docx writer: unhandled inline: ${JSON.stringify(value)}`);
}

const textXml = (text: string): string => `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;

/** A footnote's call, in the body; its text is in word/footnotes.xml under its number. */
export const footnoteReferenceXml = (id: number): string => `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;

export function runsXml(inlines: Inline[], base: RunFormat = {}): string {
  let out = '';
  let pendingBreaks = 0;

  const breaks = (): string => {
    const xml = '<w:br/>'.repeat(pendingBreaks);
    pendingBreaks = 0;
    return xml;
  };

  const pushText = (text: string, format: RunFormat): void => {
    if (text === '') return;
    let children = '';
    text.split('\t').forEach((piece, i) => {
      if (i > 0) children += '<w:tab/>';
      if (piece !== '') children += textXml(piece);
    });
    out += `<w:r>${runPropertiesXml(format)}${breaks()}${children}</w:r>`;
  };

  const walk = (nodes: Inline[], format: RunFormat): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          node.value.split(/\r\n|\r|\n/).forEach((line, i) => {
            if (i > 0) pendingBreaks += 1;
            pushText(line, format);
          });
          break;
        case 'strong':
          walk(node.children, { ...format, bold: true });
          break;
        case 'emphasis':
          walk(node.children, { ...format, italics: true });
          break;
        case 'superscript':
          walk(node.children, { ...format, superScript: true });
          break;
        case 'lineBreak':
          pendingBreaks += 1;
          break;
        case 'footnote':
          out += footnoteReferenceXml(node.number);
          break;
        default:
          assertNever(node);
      }
    }
  };

  walk(inlines, base);
  // Breaks that end a paragraph: the PDF writer starts no line after the last one, Word does; one fewer
  // keeps the two formats the same height (the sign-in sheet's signature cells are made of breaks).
  if (pendingBreaks > 1) {
    pendingBreaks -= 1;
    out += `<w:r>${runPropertiesXml(base)}${breaks()}</w:r>`;
  }
  return out;
}
