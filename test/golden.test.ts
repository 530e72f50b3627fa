// Golden pages: the text of every page of each example's PDF (lines as pdfjs sees them) and the text of
// every DOCX paragraph, against files recorded before the PDF writer was restructured; and the line breaks
// of every paragraph against those that measuring every word by full shaping gives. A change to line
// breaks, pagination or wording shows here page by page (`npm run test:update -- test/golden.test.ts`
// records them again; look at every change, and open the PDF, before committing it). Outside that command
// a missing golden file fails, as a changed one does: a test never passes by writing its own expectation.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';
import { composeDocument } from '../src/compose/compose.js';
import { builtinTemplateDir, loadTemplate } from '../src/compose/template.js';
import { applyStyle } from '../src/compose/style-file.js';
import { writePdf } from '../src/writers/pdf/index.js';
import { loadFonts } from '../src/writers/pdf/fonts.js';
import { layoutInlines, type InlineFonts } from '../src/writers/pdf/inline.js';
import { FONT_NAMES, FONT_VARIANTS, Measurer } from '../src/writers/pdf/measure.js';
import { createPdfDocument } from '../src/writers/pdf/pdfkit-compat.js';
import type { Block, Inline } from '../src/document/tree.js';
import type { StyleName } from '../src/document/stylesheet.js';
import { writeDocx } from '../src/writers/docx.js';
import { readPdf } from './support/pdf.js';
import { openDocx } from './support/docx.js';

const root = path.join(import.meta.dirname, '..');
/** Every meeting of examples/ (not the composition and organisation files), with each built-in template. */
const meetings = readdirSync(path.join(root, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml') && !/\.(composition|organisation)\.yaml$/.test(f))
  .sort();
/** Set by `npm run test:update` (vitest.config.ts then rewrites every file snapshot). */
const updating = process.env['CLU_UPDATE_GOLDEN'] === '1';
const goldenDir = path.join(import.meta.dirname, 'golden');

/** Compares `text` with test/golden/NAME; a missing file is a failure unless the goldens are being recorded. */
async function expectGolden(text: string, name: string): Promise<void> {
  const file = path.join(goldenDir, name);
  if (!updating) expect(existsSync(file), `test/golden/${name} is missing: record it with \`npm run test:update -- test/golden.test.ts\` and read it before committing`).toBe(true);
  await expect(text).toMatchFileSnapshot(file);
}

const cases = meetings.flatMap((file) =>
  ['compte-rendu', 'proces-verbal'].map((template) => ({
    name: `${file.replace(/\.yaml$/, '').replaceAll('/', '.')}${template === 'compte-rendu' ? '' : `.${template}`}`,
    file: path.join('examples', file),
    template,
  })),
);

describe.each(cases)('golden pages of $name', ({ name, file, template: templateName }) => {
  const template = loadTemplate(builtinTemplateDir(templateName));
  const style = applyStyle(template.style);
  const meeting = validateMeeting(path.join(root, file), new Reporter('en'));
  if (!meeting) throw new Error(`${file} does not validate`);
  const tree = composeDocument(meeting, template, {});
  const baseDir = path.dirname(path.join(root, file));

  it('PDF: the same pages with the same lines', async () => {
    const pdf = await readPdf(await writePdf(tree, style, { baseDir }));
    const pages = pdf.pages.map((page, i) => `=== page ${i + 1} / ${pdf.pageCount}\n${page.text}\n`).join('');
    await expectGolden(pages, `${name}.pdf.txt`);
  });

  it('DOCX: the same paragraphs', async () => {
    const docx = openDocx(await writeDocx(tree, style, { baseDir }));
    const paragraphs = docx.paragraphs.map((p) => `[${p.style ?? 'Normal'}] ${p.text}\n`).join('');
    await expectGolden(paragraphs, `${name}.docx.txt`);
  });
});

describe('the golden files', () => {
  it('are one PDF and one DOCX file per example and template, none left over from a removed one', () => {
    const expected = cases.flatMap(({ name }) => [`${name}.docx.txt`, `${name}.pdf.txt`]).sort();
    expect(expected.length).toBeGreaterThan(100);
    expect(readdirSync(goldenDir).sort()).toEqual(expected);
  });
});

describe('measuring against full shaping', () => {
  it('breaks every paragraph of every example as measuring each word by full shaping would', async () => {
    const style = applyStyle(loadTemplate(builtinTemplateDir('compte-rendu')).style);
    const doc = createPdfDocument({ size: 'A4', margins: style.page.margins, pdfVersion: '1.7', subset: 'PDF/UA', font: null });
    const fonts = await loadFonts(style.fonts);
    for (const variant of FONT_VARIANTS) doc.registerFont(FONT_NAMES[variant], fonts[variant].font as unknown as Buffer);
    const measurer = new Measurer(doc, fonts);
    // The writer's way: a word is shaped once, with its spaces; their width is the space's advance.
    const once: InlineFonts = measurer;
    // Full shaping, as before: the word shaped again without its spaces, the difference is theirs.
    const twice: InlineFonts = {
      width: (text, run, size) => measurer.width(text, run, size),
      ascentDescent: (variant, size) => measurer.ascentDescent(variant, size),
      trailingWidth: (text, run, size) => measurer.width(text, run, size) - measurer.width(text.replace(/ +$/, ''), run, size),
    };
    const body = 595.28 - style.page.margins.left - style.page.margins.right;
    // The body, the letterhead column, a signature column, a table cell.
    const widths = [body, 0.45 * 595.28, body / 2, body / 3 - 6];
    let paragraphs = 0;
    for (const { file, template: templateName } of cases) {
      const template = loadTemplate(builtinTemplateDir(templateName));
      const meeting = validateMeeting(path.join(root, file), new Reporter('en'));
      const tree = composeDocument(meeting!, template, {});
      for (const { inlines, style: name } of textsOf(tree.blocks)) {
        const blockStyle = style.styles[name];
        for (const width of widths) {
          const lines = (fonts: InlineFonts) => layoutInlines(inlines, blockStyle, width - blockStyle.indent, fonts).lines.map((l) => l.segments.map((s) => s.text).join(''));
          expect(lines(once)).toEqual(lines(twice));
        }
        paragraphs += 1;
      }
    }
    expect(paragraphs).toBeGreaterThan(1000);
  });
});

/** Every text of a tree with the style it is set in (table cells and signatures in theirs). */
function textsOf(blocks: Block[]): { inlines: Inline[]; style: StyleName }[] {
  return blocks.flatMap((block): { inlines: Inline[]; style: StyleName }[] => {
    switch (block.type) {
      case 'title':
        return [{ inlines: block.children, style: 'title' }];
      case 'heading':
        return [{ inlines: block.children, style: `heading${block.level}` }];
      case 'paragraph':
        return [{ inlines: block.children, style: block.style }];
      case 'list':
        return [
          ...block.items.map((inlines) => ({ inlines, style: 'listItem' as const })),
          ...(block.sublists ?? []).flatMap((sub) => (sub ? textsOf([sub]) : [])),
        ];
      case 'table':
        return [
          ...(block.caption ? [{ inlines: block.caption, style: 'caption' as const }] : []),
          ...block.rows.flatMap((row) => row.map((cell) => ({ inlines: cell.children, style: 'small' as const }))),
        ];
      case 'box':
        return [...(block.title ? [{ inlines: block.title, style: 'boxTitle' as const }] : []), ...textsOf(block.children)];
      case 'signatures':
        return block.signatories.flatMap((s) => [
          { inlines: s.qualite, style: 'signatureQualite' as const },
          { inlines: s.name, style: 'signatureName' as const },
        ]);
      case 'division':
        return textsOf(block.children);
      case 'image':
        return block.caption ? [{ inlines: block.caption, style: 'caption' as const }] : [];
      case 'rule':
      case 'pageBreak':
        return [];
    }
  });
}
