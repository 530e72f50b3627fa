// The PDF writer speeds up fontkit's shaping (src/writers/pdf/shaping.ts): every word of every example,
// in each face of the font and in the fallback fonts, must come out with the glyphs and positions that
// fontkit gives without it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { create, type Font } from 'fontkit';
import { defaultFonts } from '../src/document/stylesheet.js';
import { FALLBACK_FONTS } from '../src/document/fallback-fonts.js';
import { speedUpShaping } from '../src/writers/pdf/shaping.js';

const golden = path.join(import.meta.dirname, 'golden');

/** The words the examples print (as pdfkit shapes them: each with its trailing space), and more. */
function words(): string[] {
  const found = new Set<string>(['14:30 ', '14h30', 'A-B ', 'ABC-DEF', '->', '<-', '--', '1/2 ', 'fi ffi ffl', '« oui » ', '(A) ', 'ÉTAT ', 'n° 12 ']);
  for (const file of readdirSync(golden).filter((f) => f.endsWith('.pdf.txt'))) {
    for (const line of readFileSync(path.join(golden, file), 'utf8').split('\n')) {
      for (const word of line.split(/(?<= )/)) {
        found.add(word);
        found.add(word.trimEnd());
      }
    }
  }
  return [...found].filter((word) => word !== '');
}

function open(file: string): Font {
  const font = create(readFileSync(file));
  if (!('layout' in font)) throw new Error('not a single font');
  return font;
}

/** What a font makes of each text: glyph ids, advances and offsets. */
function shape(font: Font, texts: string[]): string[] {
  return texts.map((text) => {
    const run = font.layout(text);
    return `${run.glyphs.map((g) => g.id).join(',')}|${run.positions.map((p) => `${p.xAdvance},${p.yAdvance},${p.xOffset},${p.yOffset}`).join(';')}|${run.advanceWidth}`;
  });
}

describe('shaping made faster', () => {
  it('gives every word of the examples the glyphs and positions fontkit gives it', () => {
    const latin = words();
    expect(latin.length).toBeGreaterThan(2000);
    const fonts = Object.values(defaultFonts()).filter((f) => f.endsWith('.ttf'));
    const others = ['محمد بن علي ', 'السلام عليكم', 'שלום עליכם ', 'דוד לוי'];
    const cases = [...fonts.map((file) => ({ file, texts: latin })), ...FALLBACK_FONTS.map((f) => ({ file: f.files.regular, texts: others }))];
    const before = cases.map(({ file, texts }) => shape(open(file), texts));
    speedUpShaping(open(fonts[0]!));
    const after = cases.map(({ file, texts }) => shape(open(file), texts));
    for (let i = 0; i < cases.length; i++) expect(after[i], cases[i]!.file).toEqual(before[i]);
  });
});
