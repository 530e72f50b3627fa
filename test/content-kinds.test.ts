// The content kinds of real minutes (boxed notes, nested and "1)", "a)", "i." lists, footnotes, rules,
// simple tables, pictures with captions) in the real output of `clu render` for the example that uses
// them all: Word's own constructs in the DOCX, tags in the PDF, their Markdown forms; qpdf and
// LibreOffice when they are installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { openDocx, type OpenedDocx } from './support/docx.js';
import { normalizeSpaces, readPdf, structNodes, type PdfContent, type StructNode } from './support/pdf.js';

const example = path.join(import.meta.dirname, '..', 'examples', 'contenus', 'comite-2025-05-15.yaml');
const out = mkdtempSync(path.join(tmpdir(), 'clu-contents-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

const xml = (text: string) => parseDocument(text, { xmlMode: true });
const all = (text: string, name: string): Element[] => DomUtils.findAll((e) => e.name === name, xml(text).children);
const textOf = (e: Element): string => all(DomUtils.getOuterHTML(e, { xmlMode: true }), 'w:t').map((t) => DomUtils.textContent(t)).join('');

let docx: OpenedDocx;
let pdf: PdfContent;
let pdfBytes: Buffer;
let md: string;

beforeAll(async () => {
  const r = await runCli(['render', '--format', 'docx,pdf,md', '-o', out, example]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  docx = openDocx(readFileSync(path.join(out, 'comite-2025-05-15.docx')));
  pdfBytes = readFileSync(path.join(out, 'comite-2025-05-15.pdf'));
  pdf = await readPdf(pdfBytes);
  // French typography puts no-break spaces before ";" and in "11 h": compare with plain spaces.
  md = readFileSync(path.join(out, 'comite-2025-05-15.md'), 'utf8').replace(/[\u00A0\u202F]/g, ' ');
});

const NOTES = [
  'Le budget détaillé a été envoyé aux membres avec la convocation, le 2 mai 2025.',
  'Sous réserve de l’accord du directeur de l’école.',
  'Arrêté préfectoral du 3 mars 2025 relatif aux manifestations sur la voie publique.',
];

describe('DOCX: Word’s own constructs', () => {
  it('has real footnotes: word/footnotes.xml, w:footnoteReference in the text, the footnote styles', () => {
    const notes = all(docx.part('word/footnotes.xml'), 'w:footnote').filter((n) => !n.attribs['w:type']);
    expect(notes.map((n) => [n.attribs['w:id'], normalizeSpaces(textOf(n))])).toEqual(NOTES.map((text, i) => [String(i + 1), text]));
    const refs = all(docx.part('word/document.xml'), 'w:footnoteReference').map((r) => r.attribs['w:id']);
    expect(refs).toEqual(['1', '2', '3']);
    expect(docx.style('FootnoteText').type).toBe('paragraph');
    expect(docx.style('FootnoteReference').type).toBe('character');
  });

  it('numbers lists with numbering.xml: 1), a), i. formats and deeper levels (w:ilvl) for nested lists', () => {
    const numbering = docx.part('word/numbering.xml');
    const levels = all(numbering, 'w:lvl').map((l) => {
      const [fmt] = all(DomUtils.getOuterHTML(l, { xmlMode: true }), 'w:numFmt');
      const [text] = all(DomUtils.getOuterHTML(l, { xmlMode: true }), 'w:lvlText');
      return `${fmt?.attribs['w:val']} ${text?.attribs['w:val']}`;
    });
    for (const level of ['decimal %1)', 'lowerLetter %2)', 'lowerRoman %3.', 'lowerLetter %1)']) expect(levels).toContain(level);
    const items = all(docx.part('word/document.xml'), 'w:p')
      .map((p) => ({ text: textOf(p), ilvl: all(DomUtils.getOuterHTML(p, { xmlMode: true }), 'w:ilvl')[0]?.attribs['w:val'] }))
      .filter((p) => p.ilvl !== undefined);
    expect(items.find((p) => p.text.startsWith('l’installation'))?.ilvl).toBe('0');
    expect(items.find((p) => p.text.startsWith('montage des stands'))?.ilvl).toBe('1');
    expect(items.find((p) => p.text.startsWith('essais à 11'))?.ilvl).toBe('2');
  });

  it('has the table as w:tbl with its header row repeated (w:tblHeader) and its caption above', () => {
    const document = docx.part('word/document.xml');
    const table = all(document, 'w:tbl').find((t) => textOf(t).includes('Fonctionnement'))!;
    const rows = all(DomUtils.getOuterHTML(table, { xmlMode: true }), 'w:tr');
    expect(rows).toHaveLength(4);
    expect(DomUtils.getOuterHTML(rows[0]!, { xmlMode: true })).toContain('<w:tblHeader/>');
    expect(DomUtils.getOuterHTML(rows[1]!, { xmlMode: true })).not.toContain('w:tblHeader');
    const caption = docx.paragraphInfo.findIndex((p) => p.text === 'Dépenses prévues pour 2025');
    expect(docx.paragraphInfo[caption]?.style).toBe('CluCaption');
    expect(docx.paragraphInfo[caption + 1]?.text).toBe('Poste');
    expect(docx.style('CluCaption').basedOn).toBe('Caption');
  });

  it('has the pictures as inline w:drawing with wp:docPr descr = the alternative text', () => {
    const docPr = all(docx.part('word/document.xml'), 'wp:docPr').map((d) => d.attribs.descr);
    expect(docPr).toEqual([
      'Diapositive 1 – répartition des dépenses',
      'Histogramme des dépenses 2025 – travaux 12 000 €, animation 8 000 €, fonctionnement 4 500 €.',
      'Diapositive 2 – calendrier des travaux',
    ]);
    expect(all(docx.part('word/document.xml'), 'w:drawing').every((d) => DomUtils.findOne((e) => e.name === 'wp:inline', d.children) !== null)).toBe(true);
    expect(docx.names.filter((n) => n.startsWith('word/media/')).map((n) => path.extname(n)).sort()).toEqual(['.jpg', '.png']); // the same picture twice is stored once
  });

  it('draws the box as a framed, shaded one-cell table and the rule as a paragraph bottom border', () => {
    const document = docx.part('word/document.xml');
    const box = all(document, 'w:tbl').find((t) => textOf(t).startsWith('À retenir'))!;
    const boxXml = DomUtils.getOuterHTML(box, { xmlMode: true });
    expect(all(boxXml, 'w:tc')).toHaveLength(1);
    expect(all(boxXml, 'w:shd')[0]?.attribs['w:fill']).toBe('F5F5FE');
    expect(all(boxXml, 'w:top')[0]?.attribs['w:val']).toBe('single');
    expect(textOf(box)).toContain('la subvention municipale est demandée');
    expect(docx.style('CluBoxTitle').name).toBe('clu Box Title');
    const rules = all(document, 'w:pBdr').filter((b) => all(DomUtils.getOuterHTML(b, { xmlMode: true }), 'w:bottom').length === 1);
    expect(rules).toHaveLength(1);
  });
});

describe('PDF: tagged content', () => {
  const nodes = (): StructNode[] => pdf.pages.flatMap((page) => structNodes(page.struct));

  it('tags the footnotes Note and their calls Reference', () => {
    const notes = nodes().filter((n) => n.role === 'Note');
    expect(notes.map((n) => normalizeSpaces(n.text))).toEqual(NOTES.map((text, i) => `${i + 1} ${text}`));
    expect(nodes().filter((n) => n.role === 'Reference').map((n) => n.text)).toEqual(['1', '2', '3']);
  });

  it('puts each note at the foot of the page that calls it, above the footer', () => {
    const calls = ['présente le budget de l’année', 'concert de l’école de musique', 'rappelle les consignes de la préfecture'];
    calls.forEach((call, i) => {
      const page = pdf.pages.find((p) => normalizeSpaces(p.text).includes(call))!;
      const note = page.items.find((item) => item.str.startsWith(NOTES[i]!.slice(0, 20)))!;
      const footer = page.items.find((item) => /^Page \d/.test(item.str))!;
      const body = page.items.filter((item) => item.fontSize >= 10);
      expect(note, call).toBeDefined();
      expect(note.y).toBeLessThan(footer.y);
      expect(note.y).toBeGreaterThan(Math.max(...body.map((item) => item.y)));
    });
  });

  it('tags the pictures Figure with /Alt and their captions Caption, the table Table/TR/TH/TD with its Caption', () => {
    const figures = nodes().filter((n) => n.role === 'Figure');
    expect(figures.map((f) => f.alt)).toEqual([
      'Diapositive 1 – répartition des dépenses',
      'Histogramme des dépenses 2025 – travaux 12 000 €, animation 8 000 €, fonctionnement 4 500 €.',
      'Diapositive 2 – calendrier des travaux',
    ]);
    const table = nodes().find((n) => n.role === 'Table')!;
    expect(table.children.map((c) => c.role)).toEqual(['Caption', 'TR', 'TR', 'TR', 'TR']);
    expect(table.children[1]!.children.map((c) => c.role)).toEqual(['TH', 'TH', 'TH']);
    expect(nodes().filter((n) => n.role === 'Caption').map((c) => normalizeSpaces(c.text))).toEqual([
      'Dépenses prévues pour 2025',
      'Diapositive 1 – répartition des dépenses',
      'Diapositive 1',
      'Diapositive 2 – calendrier des travaux',
    ]);
  });

  it('nests the sub-lists in the LBody of their item, with the labels 1), a), i.', () => {
    const labels = nodes().filter((n) => n.role === 'Lbl').map((n) => n.text.trim());
    expect(labels).toEqual(expect.arrayContaining(['1)', '2)', '3)', 'a)', 'b)', 'i.', 'ii.']));
    const lbody = nodes().find((n) => n.role === 'LBody' && n.children.some((c) => c.role === 'L') && n.text.trim().startsWith('l’installation'))!;
    const nested = lbody.children.find((c) => c.role === 'L')!;
    expect(nested.children.map((c) => c.role)).toEqual(['LI', 'LI']);
  });

  it('draws the box content in a Div titled with the box’s title', () => {
    expect(pdfBytes.toString('latin1')).toMatch(/\/S \/Div\s*\/T \(/);
    const text = normalizeSpaces(pdf.pages[0]!.text);
    expect(text).toContain('À retenir');
    expect(text.indexOf('À retenir')).toBeLessThan(text.indexOf('Le budget est adopté'));
  });

  it.skipIf(!has('qpdf'))('passes qpdf --check', () => {
    const file = path.join(out, 'comite-2025-05-15.pdf');
    const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
    expect(r.status).toBe(0);
  });
});

describe('Markdown', () => {
  it('writes notes as [^n], lists nested and labelled, the box as a quote, the rule, the table and the pictures', () => {
    expect(md).toContain('présente le budget de l’année[^1].');
    for (const [i, note] of NOTES.entries()) expect(md).toContain(`[^${i + 1}]: ${note}`);
    expect(md).toContain('1) l’installation, le matin\n   - a) montage des stands ;\n   - b) sonorisation\n     - i. essais à 11 h');
    expect(md).toContain('> **À retenir**\n>\n> Le budget est adopté');
    expect(md).toContain('\n\n---\n\n');
    expect(md).toContain('*Dépenses prévues pour 2025*\n\n| Poste | Montant | Part |\n| --- | --- | --- |\n| Travaux | 12 000 € | 49 % |');
    expect(md).toContain('![Diapositive 2 – calendrier des travaux](images/diapo-calendrier.jpg)\n\n*Diapositive 2 – calendrier des travaux*');
  });
});

describe('LibreOffice reads the DOCX', () => {
  it.skipIf(!has('soffice'))('shows the footnotes, the table, the nested list and the box text', { timeout: 180_000 }, () => {
    const dir = path.join(out, 'libreoffice');
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(out, 'comite-2025-05-15.docx'), path.join(dir, 'c.docx'));
    // A profile of its own: a LibreOffice already running for the user does not take the job.
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'c.docx')], { stdio: 'ignore', timeout: 170_000 });
    const text = normalizeSpaces(execFileSync('pdftotext', ['-layout', path.join(dir, 'c.pdf'), '-'], { encoding: 'utf8' }));
    for (const note of NOTES) expect(text).toContain(note);
    for (const cell of ['Poste', 'Montant', 'Fonctionnement', '4 500 €', 'Dépenses prévues pour 2025']) expect(text).toContain(cell);
    expect(text).toMatch(/1\)\s+l’installation/);
    expect(text).toMatch(/i\.\s+essais à 11 h/);
    expect(text).toContain('Le budget est adopté à l’unanimité');
  });
});

describe('a picture that cannot be used', () => {
  it('is a diagnostic at its line, and nothing is written', async () => {
    const dir = path.join(out, 'broken');
    mkdirSync(path.join(dir, 'images'), { recursive: true });
    const source = path.dirname(example);
    copyFileSync(path.join(source, 'comite-quartier.composition.yaml'), path.join(dir, 'comite-quartier.composition.yaml'));
    copyFileSync(path.join(source, 'images', 'diapo-calendrier.jpg'), path.join(dir, 'images', 'diapo-calendrier.jpg'));
    // A truncated PNG: its first 2,000 bytes.
    writeFileSync(path.join(dir, 'images', 'diapo-budget.png'), readFileSync(path.join(source, 'images', 'diapo-budget.png')).subarray(0, 2000));
    writeFileSync(path.join(dir, 'c.yaml'), readFileSync(example, 'utf8'));
    const r = await runCli(['render', '--format', 'docx,pdf,md', '-o', path.join(dir, 'out'), path.join(dir, 'c.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/c\.yaml:39:16 error the image “images\/diapo-budget\.png” cannot be used: the file is truncated or damaged \[image-not-found\]/);
    expect(readdirSync(dir)).not.toContain('out');
  });
});

describe('PDF: long content', () => {
  it('keeps every footnote on the page of its call, and frames a box taller than a page on each page', async () => {
    const { writePdf } = await import('../src/writers/pdf/index.js');
    const { defaultStylesheet } = await import('../src/document/stylesheet.js');
    const t = (value: string) => ({ type: 'text' as const, value });
    const paragraphs = Array.from({ length: 40 }, (_, i) => ({
      type: 'paragraph' as const,
      style: 'body' as const,
      children: [t(`Paragraphe ${i} avec un appel`), { type: 'footnote' as const, number: i + 1, children: [t(`Note ${i + 1} : ${'texte de la note '.repeat(8)}`)] }, t(' puis la suite du texte.')],
    }));
    const box = { type: 'box' as const, title: [t('Très long')], children: Array.from({ length: 90 }, (_, i) => ({ type: 'paragraph' as const, style: 'body' as const, children: [t(`Ligne ${i} de l’encadré`)] })) };
    const table = { type: 'table' as const, columns: [1, 1], rows: [[{ children: [t('cellule'), { type: 'footnote' as const, number: 41, children: [t('Note 41 : dans une cellule.')] }] }, { children: [t('x')] }]] };
    const bytes = await writePdf({ meta: { title: 'Essai', lang: 'fr-FR', date: new Date(Date.UTC(2025, 0, 1)) }, blocks: [...paragraphs, table, box] }, defaultStylesheet());
    const content = await readPdf(bytes);
    for (let i = 0; i < 40; i++) {
      const call = content.pages.findIndex((p) => p.text.includes(`Paragraphe ${i} avec`));
      const note = content.pages.findIndex((p) => p.items.some((item) => item.str.startsWith(`Note ${i + 1} :`)));
      expect(note, `note ${i + 1}`).toBe(call);
    }
    const cellPage = content.pages.findIndex((p) => p.text.includes('cellule'));
    expect(content.pages[cellPage]!.items.some((item) => item.str.startsWith('Note 41 :'))).toBe(true);
    const references = content.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'Reference');
    expect(references.map((r) => r.text)).toEqual(Array.from({ length: 41 }, (_, i) => String(i + 1)));
    const boxPages = content.pages.filter((p) => p.text.includes('de l’encadré'));
    expect(boxPages.length).toBeGreaterThan(1);
    const divs = content.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'Div');
    expect(new Set(divs.map((d) => d.text.includes('Très long'))).has(true)).toBe(true);
    if (has('qpdf')) {
      const file = path.join(out, 'long.pdf');
      writeFileSync(file, bytes);
      expect(spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).status).toBe(0);
    }
  });
});

describe('a document without these kinds', () => {
  it('gets none of their styles, numberings or footnotes (its DOCX keeps the bytes it had before them)', async () => {
    const reference = path.join(import.meta.dirname, '..', 'examples', 'clu-vienne-2021-05-06.yaml');
    const r = await runCli(['render', '--format', 'docx', '-o', path.join(out, 'reference'), reference]);
    expect(r.code).toBe(0);
    const plain = openDocx(readFileSync(path.join(out, 'reference', 'clu-vienne-2021-05-06.docx')));
    expect(plain.styles.map((s) => s.id)).not.toEqual(expect.arrayContaining(['CluCaption']));
    expect(plain.styles.map((s) => s.id).filter((id) => /^Clu(Caption|BoxTitle|ListAlpha|ListRoman|ListNumberParen)$/.test(id))).toEqual([]);
    expect(plain.part('word/numbering.xml')).not.toMatch(/lowerLetter|lowerRoman|w:val="%1\)"|w:val="%2\."/);
    expect(all(plain.part('word/footnotes.xml'), 'w:footnote').every((n) => n.attribs['w:type'] !== undefined)).toBe(true);
  });
});
