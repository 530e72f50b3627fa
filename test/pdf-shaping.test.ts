// The PDF writer shapes text with HarfBuzz (src/writers/pdf/harfbuzz.ts) instead of fontkit's own
// engine. Every word of every example, in each face of the font and in the fallback fonts, must keep
// the glyphs fontkit chose and exactly its text (the characters each glyph stands for, which make the
// PDF's text layer), and its positions but in words without a letter (see below).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { create, type Font } from 'fontkit';
import { defaultFonts } from '../src/document/stylesheet.js';
import { FALLBACK_FONTS } from '../src/document/fallback-fonts.js';
import { loadHarfBuzz, shapeWithHarfBuzz } from '../src/writers/pdf/harfbuzz.js';
import { loadFallbackFont, loadFonts } from '../src/writers/pdf/fonts.js';

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

function open(file: string, harfbuzz: boolean): Font {
  const bytes = readFileSync(file);
  const font = create(bytes);
  if (!('layout' in font)) throw new Error('not a single font');
  if (harfbuzz) shapeWithHarfBuzz(font, bytes);
  return font;
}

interface Shaped {
  ids: string;
  text: string;
  offsets: string;
  advances: number[];
}

function shape(font: Font, text: string): Shaped {
  const run = font.layout(text);
  return {
    ids: run.glyphs.map((g) => g.id).join(','),
    text: run.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join(''),
    offsets: run.positions.map((p) => `${p.yAdvance},${p.xOffset},${p.yOffset}`).join(';'),
    advances: run.positions.map((p) => p.xAdvance),
  };
}

/**
 * fontkit's one different glyph: in "(Cnie)" it takes the closing parenthesis raised for capitals
 * (Inter's `case` forms, applied by its `calt` only when capitals surround it), where HarfBuzz keeps
 * the plain one, as LibreOffice and browsers print it.
 */
const FONTKIT_GLYPH_SLIPS = new Set(['(Cnie)', '(Cnie) ']);

describe('shaping with HarfBuzz', () => {
  beforeAll(loadHarfBuzz);

  it('keeps fontkit’s glyphs, text and positions for every word of the examples', () => {
    const latin = words();
    expect(latin.length).toBeGreaterThan(2000);
    const fonts = Object.values(defaultFonts()).filter((f) => f.endsWith('.ttf'));
    expect(fonts).toHaveLength(4);
    const others: Record<string, string[]> = { arabic: ['محمد بن علي ', 'السلام عليكم'], hebrew: ['שלום עליכם ', 'דוד לוי'] };
    const scripts = FALLBACK_FONTS.map((f) => ({ file: f.files.regular, texts: others[f.name.replace('clu-fallback-', '')]! }));
    expect(scripts.every((s) => s.texts !== undefined)).toBe(true);
    const cases = [...fonts.map((file) => ({ file, texts: latin })), ...scripts];
    for (const { file, texts } of cases) {
      const [before, after] = [open(file, false), open(file, true)];
      let kerned = 0;
      for (const text of texts) {
        const [a, b] = [shape(before, text), shape(after, text)];
        expect(b.text, `${file}: ${text}`).toBe(a.text);
        if (FONTKIT_GLYPH_SLIPS.has(text)) continue;
        expect(b.ids, `${file}: ${text}`).toBe(a.ids);
        expect(b.offsets, `${file}: ${text}`).toBe(a.offsets);
        // Words without a letter (« 2017. », « 86, ») are set as Latin text, as they are in their
        // sentence; fontkit set them in the font's default script, with other kerning pairs.
        if (/\p{L}/u.test(text)) expect(b.advances, `${file}: ${text}`).toEqual(a.advances);
        else if (b.advances.some((advance, i) => advance !== a.advances[i])) kerned += 1;
      }
      expect(kerned / texts.length, file).toBeLessThan(0.02);
    }
  });

  it('keeps each glyph’s text whatever was shaped before it: marks, default ignorables, presentation forms', async () => {
    // fontkit keeps the characters a glyph is first asked for, for the whole process: what one word gives
    // a glyph is what every later use of it writes into the text layer.
    const text = (font: Font, words: string): string => font.layout(words).glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('');
    const inter = await loadFonts(defaultFonts());
    expect(text(inter.boldItalic.font, 'x\u0301 ')).toBe('x\u0301 ');
    expect(text(inter.boldItalic.font, 'Excusés')).toBe('Excusés');
    // A zero-width space or a soft hyphen draws nothing and is left out of the text; the spaces stay spaces.
    expect(text(inter.italic.font, 'Pré\u200Bsen\u00ADtation ')).toBe('Présentation ');
    expect(inter.italic.font.layout('Pré\u200Bsen\u00ADtation').advanceWidth).toBe(inter.italic.font.layout('Présentation').advanceWidth);
    expect(text(inter.italic.font, 'du budget')).toBe('du budget');
    const fallback = (name: string) => loadFallbackFont(FALLBACK_FONTS.find((f) => f.name.includes(name))!.files.regular).font;
    const hebrew = fallback('hebrew');
    expect(text(hebrew, 'וּ')).toBe('ּו');
    expect(text(hebrew, 'לֵוִי')).toBe('יִוֵל');
    expect(text(hebrew, 'לוי ו')).toBe('ו יול');
    // HarfBuzz reorders qamats and sin dot into one cluster: each keeps its own character, none twice.
    const sorted = (t: string) => [...t].sort().join('');
    for (const word of ['שָׂרָה', 'רָה', 'שׂ']) expect(sorted(text(hebrew, word))).toBe(sorted(word));
    const arabic = fallback('arabic');
    for (const word of ['علي', 'في', 'بيت', 'ب']) expect(text(arabic, word)).toBe([...word].reverse().join(''));
  });

  it('gives a ligature all the characters of its cluster, and right-to-left text in visual order', () => {
    const [inter] = Object.values(defaultFonts()).filter((f) => f.endsWith('.ttf'));
    const font = open(inter!, true);
    const run = font.layout('« 14:30 » ffi');
    expect(run.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('')).toBe('« 14:30 » ffi');
    const hebrew = open(FALLBACK_FONTS.find((f) => f.name.includes('hebrew'))!.files.regular, true).layout('שלום');
    // Visual order: the last letter (ם) is drawn first, at the left.
    expect(String.fromCodePoint(...hebrew.glyphs[0]!.codePoints)).toBe('ם');
    expect(hebrew.advanceWidth).toBeGreaterThan(0);
  });
});
