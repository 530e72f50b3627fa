// Golden pages: the text of every page of each example's PDF (lines as pdfjs sees them) and the text of
// every DOCX paragraph, against files recorded before the PDF writer was restructured. A change to line
// breaks, pagination or wording shows here page by page (`npx vitest run test/golden.test.ts -u` records
// them again; look at every change, and open the PDF, before committing it).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';
import { composeDocument } from '../src/compose/compose.js';
import { builtinTemplateDir, loadTemplate } from '../src/compose/template.js';
import { applyStyle } from '../src/compose/style-file.js';
import { writePdf } from '../src/writers/pdf/index.js';
import { writeDocx } from '../src/writers/docx.js';
import { readPdf } from './support/pdf.js';
import { openDocx } from './support/docx.js';

const root = path.join(import.meta.dirname, '..');
/** Every meeting of examples/ (not the composition and organisation files), with each built-in template. */
const meetings = readdirSync(path.join(root, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml') && !/\.(composition|organisation)\.yaml$/.test(f))
  .sort();
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
    await expect(pages).toMatchFileSnapshot(path.join('golden', `${name}.pdf.txt`));
  });

  it('DOCX: the same paragraphs', async () => {
    const docx = openDocx(await writeDocx(tree, style, { baseDir }));
    const paragraphs = docx.paragraphs.map((p) => `[${p.style ?? 'Normal'}] ${p.text}\n`).join('');
    await expect(paragraphs).toMatchFileSnapshot(path.join('golden', `${name}.docx.txt`));
  });
});
