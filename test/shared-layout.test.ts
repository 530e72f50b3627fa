// The layout decisions both writers need are made once (src/document/layout.ts, from the stylesheet's
// `layout` and paragraph styles): the DOCX and the PDF agree on the letterhead's width, on which
// paragraphs keep with the next one, and on the table rules, and a stylesheet change moves both.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultStylesheet, type Stylesheet } from '../src/document/stylesheet.js';
import type { Block, DocumentTree } from '../src/document/tree.js';
import { columnWeights, signatureColumns } from '../src/document/layout.js';
import { writeDocx } from '../src/writers/docx.js';
import { writePdf } from '../src/writers/pdf/index.js';
import { openDocx, styleXml } from './support/docx.js';
import { readPdf } from './support/pdf.js';
import { fixtureDir, p, t, DOCUMENT_DATE } from './support/kitchen-sink.js';
import { pdfKitchenSink, signInSheet } from './support/pdf-fixtures.js';

/** A4 width in points, as pdfkit has it, and the same in twips, as the DOCX writer has it. */
const PAGE_POINTS = 595.28;
const PAGE_TWIPS = 11906;

function withLayout(change: (sheet: Stylesheet) => void): Stylesheet {
  const sheet = defaultStylesheet();
  change(sheet);
  return sheet;
}

/** Every content stream of a PDF, inflated. */
function contentStreams(pdf: Buffer): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', from);
    const end = start < 0 ? -1 : pdf.indexOf('\nendstream', start);
    if (end < 0) return out;
    from = end + 10;
    try {
      out += inflateSync(pdf.subarray(start + 7, end)).toString('latin1');
    } catch {
      // not a deflated stream
    }
  }
}

describe('the letterhead column', () => {
  for (const fraction of [0.45, 0.25]) {
    it(`is ${fraction * 100} % of the page wide in both the PDF and the DOCX`, async () => {
      const sheet = withLayout((s) => (s.layout.letterheadWidth = fraction));
      const { left, right } = sheet.page.margins;
      const pdf = await readPdf(await writePdf(pdfKitchenSink(), sheet, { baseDir: fixtureDir() }));
      const page = pdf.pages[0]!;
      const dateline = page.items.findIndex((item) => item.str.startsWith('Poitiers'));
      const letterhead = page.items.slice(0, dateline);
      expect(letterhead.length).toBeGreaterThan(5);
      const rightEdge = Math.max(...letterhead.map((item) => item.x + item.width));
      expect(rightEdge).toBeLessThanOrEqual(left + fraction * PAGE_POINTS + 0.5);
      // The narrow column wraps the longest service line; the default one does not.
      const wrapped = !letterhead.some((item) => item.str.includes('Pôle Gouvernance Budgétaire et Performance'));
      expect(wrapped).toBe(fraction < 0.45);

      const docx = openDocx(await writeDocx(pdfKitchenSink(), sheet, { baseDir: fixtureDir() }));
      const textTwips = PAGE_TWIPS - (left + right) * 20;
      const indent = Math.round(textTwips - Math.min(textTwips, fraction * PAGE_TWIPS));
      const xml = docx.part('word/document.xml');
      const marque = /<w:p>(?:(?!<\/w:p>)[\s\S])*?w:val="CluMarque"(?:(?!<\/w:p>)[\s\S])*<\/w:p>/.exec(xml)?.[0] ?? '';
      expect(Number(/<w:ind w:right="(\d+)"\/>/.exec(marque)?.[1])).toBeCloseTo(indent, -1);
      // Outside the letterhead, paragraphs take the whole text width.
      const dateParagraph = /<w:p>(?:(?!<\/w:p>)[\s\S])*?w:val="CluDateline"(?:(?!<\/w:p>)[\s\S])*<\/w:p>/.exec(xml)?.[0] ?? '';
      expect(dateParagraph).not.toContain('w:right=');
    });
  }
});

describe('keep with next', () => {
  /** `filler` one-line paragraphs, then a heading and a paragraph. */
  const tree = (filler: number): DocumentTree => {
    const blocks: Block[] = Array.from({ length: filler }, (_, n) => p('body', t(`Ligne ${n + 1}`)));
    blocks.push({ type: 'heading', level: 2, children: [t('Titre du point')] }, p('body', t('Le texte du point.')));
    return { meta: { title: 'Essai', lang: 'fr-FR', date: DOCUMENT_DATE }, blocks };
  };
  /** The fillers (37 to 41: around a page) after which the heading ends page 1, with nothing of its point below it. */
  const strandedHeadings = async (sheet: Stylesheet): Promise<number[]> => {
    const stranded: number[] = [];
    for (let filler = 37; filler <= 41; filler++) {
      const pdf = await readPdf(await writePdf(tree(filler), sheet));
      const first = pdf.pages[0]!.text;
      if (first.includes('Titre du point') && !first.includes('Le texte du point')) stranded.push(filler);
    }
    return stranded;
  };

  it('follows the stylesheet for headings, in the PDF and in the DOCX', async () => {
    expect(await strandedHeadings(defaultStylesheet())).toEqual([]);
    const loose = withLayout((s) => (s.styles.heading2 = { ...s.styles.heading2, keepWithNext: false }));
    expect(await strandedHeadings(loose)).toEqual([39]);

    const kept = openDocx(await writeDocx(tree(1), defaultStylesheet()));
    expect(styleXml(kept.part('word/styles.xml'), 'Heading2')).toContain('<w:keepNext/>');
    const notKept = openDocx(await writeDocx(tree(1), loose));
    expect(styleXml(notKept.part('word/styles.xml'), 'Heading2')).not.toContain('<w:keepNext/>');
    // A heading's own lines stay together in both.
    expect(styleXml(notKept.part('word/styles.xml'), 'Heading2')).toContain('<w:keepLines/>');
  });
});

describe('table rules', () => {
  it('take their colour and width from the stylesheet, in both writers', async () => {
    const sheet = withLayout((s) => (s.layout.tableRule = { width: 1, color: 'FF0000' }));
    const streams = contentStreams(await writePdf(signInSheet(3), sheet));
    expect(streams).toContain('1 0 0 SCN');
    expect(streams).toMatch(/\b1 w\b/);
    const xml = openDocx(await writeDocx(signInSheet(3), sheet)).part('word/document.xml');
    expect(xml).toMatch(/<w:insideH w:val="single" w:color="FF0000" w:sz="8"\/>|<w:insideH w:val="single" w:sz="8" w:color="FF0000"\/>/);
  });
});

describe('column widths and signature columns', () => {
  it('give a missing or invalid column width the mean of the others', () => {
    expect(columnWeights([2, 3, 2], 3)).toEqual([2, 3, 2]);
    expect(columnWeights([2, Number.NaN], 3)).toEqual([2, 2, 2]);
    expect(columnWeights([], 2)).toEqual([1, 1]);
  });

  it('put one signatory in the right half and several side by side, centred', () => {
    expect(signatureColumns(1)).toEqual({ columns: 2, first: 1, centred: false });
    expect(signatureColumns(3)).toEqual({ columns: 3, first: 0, centred: true });
  });
});
