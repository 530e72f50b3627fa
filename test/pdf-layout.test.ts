// The PDF writer replaces pdfkit's EmbeddedFont.layout by an equivalent that allocates less
// (speedUpLayout, src/writers/pdf/pdfkit-compat.ts): for any text, the same glyphs, positions and width.
import { describe, expect, it } from 'vitest';
import { applyStyle } from '../src/compose/style-file.js';
import { builtinTemplateDir, loadTemplate } from '../src/compose/template.js';
import { createPdfDocument, speedUpLayout } from '../src/writers/pdf/pdfkit-compat.js';
import { loadFonts } from '../src/writers/pdf/fonts.js';

interface Layout {
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: { id: number }[] | null; positions: object[] | null; advanceWidth: number };
}

const TEXTS = ['', ' ', '  ', 'mot', 'mot ', ' mot', 'deux mots', 'deux  mots ', 'tab\tulation\t', 'fin\t ', 'Le 6 mai 2021, à 14 h 30.', 'l’État « oui » ?'];

describe('pdfkit layout without garbage', () => {
  it('gives every text the glyphs, positions and width pdfkit’s own layout gives it', async () => {
    const style = applyStyle(loadTemplate(builtinTemplateDir('compte-rendu')).style);
    const fonts = await loadFonts(style.fonts);
    const doc = createPdfDocument({ size: 'A4', pdfVersion: '1.7', subset: 'PDF/UA', font: null });
    doc.registerFont('regular', fonts.regular.font as unknown as Buffer);
    doc.font('regular');
    const font = doc._font as unknown as Layout;
    const shape = (onlyWidth: boolean) =>
      TEXTS.map((text) => {
        const run = font.layout(text, undefined, onlyWidth);
        return { ids: run.glyphs?.map((g) => g.id) ?? null, positions: run.positions ? JSON.stringify(run.positions) : null, width: run.advanceWidth };
      });
    const before = [shape(false), shape(true)];
    const original = Object.getPrototypeOf(font).layout as unknown;
    speedUpLayout(doc);
    expect(Object.getPrototypeOf(font).layout).not.toBe(original);
    expect([shape(false), shape(true)]).toEqual(before);
  });
});
