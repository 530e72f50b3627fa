// Work done once at build time rather than on every run (run by `npm run build` after tsc): the built-in
// fonts' DOCX parts, obfuscated and deflated (dist/docx-fonts/, read by src/writers/docx-font-parts.ts,
// which checks each against the font it stands for).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defaultFonts } from '../dist/document/stylesheet.js';
import { fontKeyOf, obfuscateFont } from '../dist/writers/docx-fonts.js';
import { builtPartName, encodeBuiltPart } from '../dist/writers/docx-font-parts.js';
import { deflateEntry } from '../dist/writers/zip.js';

const fonts = defaultFonts();
mkdirSync('dist/docx-fonts', { recursive: true });
for (const file of [fonts.regular, fonts.bold, fonts.italic, fonts.boldItalic]) {
  const font = readFileSync(file);
  const key = fontKeyOf(font);
  writeFileSync(`dist/docx-fonts/${builtPartName(key)}`, encodeBuiltPart(deflateEntry(obfuscateFont(font, key))));
}
