// The document's font travels inside it (Word's embedded TrueType fonts, ECMA-376 Part 1 §17.8.1), so that
// Word and LibreOffice lay it out as the PDF is even where the font is not installed: word/fontTable.xml
// names the four faces, each an obfuscated part word/fonts/fontN.odttf. The obfuscation key is derived
// from the font's bytes, so the same font always gives the same bytes.
import { createHash } from 'node:crypto';
import type { Stylesheet } from '../document/stylesheet.js';
import { FileMemo } from '../load/file-memo.js';
import { readRegularFile } from '../load/read-file.js';
import { deflatedFontPart } from './docx-font-parts.js';
import type { Deflated } from './zip.js';
import { ROOT, XML_DECLARATION, XML_DECLARATION_STANDALONE, escapeXml } from './docx-xml.js';

/**
 * XORs the first 32 bytes of a font with its key, as ECMA-376 Part 1 §17.8.1 obfuscates embedded fonts
 * (the GUID's 16 bytes, read from its last hex pair to its first, twice). Its own inverse.
 */
export function obfuscateFont(data: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[{}-]/g, '');
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`docx writer: not a font key: ${fontKey}`);
  const key = (hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)).reverse();
  const out = new Uint8Array(data); // a copy (Buffer.prototype.slice would share the memory)
  for (let i = 0; i < Math.min(32, out.length); i += 1) out[i] = (out[i] ?? 0) ^ (key[i % 16] ?? 0);
  return out;
}

/** A GUID made from the font's own bytes: the same font always gets the same key. */
export function fontKeyOf(font: Uint8Array): string {
  const hex = createHash('sha256').update(font).digest('hex').slice(0, 32).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/** Each font file's key and part: a batch of meetings reads and hashes each face once, not once per document. */
const faceParts = new FileMemo<{ key: string; part: Deflated }>();

function facePart(file: string): { key: string; part: Deflated } {
  return faceParts.get(file, () => {
    const font = readRegularFile(file, 'font');
    const key = fontKeyOf(font);
    return { key, part: deflatedFontPart(key, obfuscateFont(font, key)) };
  });
}

const FACES = [
  { element: 'embedRegular', file: 'regular' },
  { element: 'embedBold', file: 'bold' },
  { element: 'embedItalic', file: 'italic' },
  { element: 'embedBoldItalic', file: 'boldItalic' },
] as const;

export interface EmbeddedFonts {
  fontTable: string;
  fontTableRels: string;
  /** word/fonts/fontN.odttf, obfuscated and deflated. */
  parts: { name: string; part: Deflated }[];
}

/** The stylesheet's font, its four faces read, obfuscated and deflated (once per process, or at build time). */
export function embeddedFonts(fonts: Stylesheet['fonts']): EmbeddedFonts {
  const faces = FACES.map((face, i) => ({ ...face, id: `rId${i + 1}`, name: `word/fonts/font${i + 1}.odttf`, ...facePart(fonts[face.file]) }));
  const fontTable =
    `${XML_DECLARATION_STANDALONE}${ROOT.fonts}<w:font w:name="${escapeXml(fonts.family)}"><w:family w:val="auto"/><w:pitch w:val="variable"/>` +
    '<w:sig w:usb0="E0002AFF" w:usb1="C000247B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/>' +
    `${faces.map((f) => `<w:${f.element} r:id="${f.id}" w:fontKey="${f.key}"/>`).join('')}</w:font></w:fonts>`;
  const fontTableRels =
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    faces.map((f, i) => `<Relationship Id="${f.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font${i + 1}.odttf"/>`).join('') +
    '</Relationships>';
  return { fontTable, fontTableRels, parts: faces.map((f) => ({ name: f.name, part: f.part })) };
}
