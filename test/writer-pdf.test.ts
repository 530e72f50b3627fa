import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultStylesheet } from '../src/document/stylesheet.js';
import type { Block, DocumentTree } from '../src/document/tree.js';
import { writePdf } from '../src/writers/pdf/index.js';
import { DOCUMENT_DATE, NBSP, NNBSP, b, fixtureDir, kitchenSinkTree, p, t } from './support/kitchen-sink.js';
import { longTree, pdfKitchenSink, signInSheet } from './support/pdf-fixtures.js';
import { expectInOrder } from './support/in-order.js';
import {
  normalizeSpaces,
  readPdf,
  structNodes,
  xmlProblems,
  xmpPacket,
  type PdfContent,
  type PdfPageContent,
  toUnicodeCharacters,
  type StructNode,
} from './support/pdf.js';

const style = defaultStylesheet();
const baseDir = fixtureDir();
/** The default stylesheet's margins in points, written out (src/document/stylesheet.ts: 57, 57, 57, 68). */
const MARGIN = { right: 57, bottom: 57, left: 68 };

const render = (tree: DocumentTree, options: { pdfa?: boolean } = {}): Promise<Buffer> =>
  writePdf(tree, style, { baseDir, ...options });


function allNodes(pdf: PdfContent): StructNode[] {
  return pdf.pages.flatMap((page) => structNodes(page.struct));
}

const pageText = (page: PdfPageContent): string => normalizeSpaces(page.text);

function withFiller(lines: number, tail: Block[]): DocumentTree {
  const blocks: Block[] = [];
  for (let n = 1; n <= lines; n++) blocks.push(p('body', t(`Ligne ${n}`)));
  return { meta: { title: 'Essai', lang: 'fr-FR', date: DOCUMENT_DATE }, blocks: [...blocks, ...tail] };
}

describe('PDF writer: kitchen sink', () => {
  let pdf: Buffer;
  let content: PdfContent;
  let raw: string;

  beforeAll(async () => {
    pdf = await render(pdfKitchenSink());
    content = await readPdf(pdf);
    raw = pdf.toString('latin1');
  });

  it('is a PDF 1.7 file of three A4 pages', () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(content.pageCount).toBe(3);
    for (const page of content.pages) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
  });

  it('extracts the text in reading order, with its spaces', () => {
    const text = normalizeSpaces(content.text);
    expectInOrder(text, [
      'PRÉFET DE LA VIENNE',
      'Liberté Égalité Fraternité',
      'Secrétariat Général Commun Pôle Gouvernance Budgétaire et Performance',
      'Affaire suivie par : Nathalie MASSÉ',
      'Mél : nathalie.masse@vienne.gouv.fr',
      'Poitiers, le 14 juin 2021',
      'Compte rendu du Comité Local des Usagers du jeudi 6 mai 2021 à 14 h 30',
      'Présidence : Mme Chantal CASTELNOT, Préfète de la Vienne',
      'Participants :',
      'Représentants des services de l’Etat :',
      'M. Yannick PASTOUREAU, directeur du secrétariat général commun ;',
      'La séance est ouverte en audioconférence. La préfète rappelle l’ordre du jour et remercie les membres présents pour leur participation régulière aux travaux du comité, qui se réunit deux fois par an depuis sa création.',
      'I – Accueil des usagers',
      'Présentation par Mme SAUVAIRE (Diaporama page 5)',
      'a) Bilan au 1er janvier 2022',
      'Le budget très contraint de l’œuvre atteint 109 016 €, soit 12 % ; l’association « Toit du Monde » est citée au 1er rang.',
      '✓ Accueil sur rendez-vous en préfecture',
      '✓ Accueil téléphonique ✓ renforcé',
      'Sous-point détaillé',
      '1. Premier point',
      '2. Deuxième point',
      '– Un tiret',
      '• Une puce',
      'Service Visites Étrangers 970 394 Cartes grises 109 016',
      'M. PREMPAIN demande si l’accueil est ouvert le samedi ?',
      'Aucune observation ou question n’est formulée.',
      'L’ordre du jour étant épuisé, la séance est levée à 15 h 50.',
      'La préfète, Chantal CASTELNOT',
      'Annexe',
      'Témoignage de Pimms Médiation',
      'Les usagers disent : « Très bon accueil ».',
    ]);
  });

  it('draws U+00A0 and U+202F as themselves, and the other French characters', () => {
    // Extractors print both as plain spaces; the fonts' ToUnicode maps show which glyphs were drawn.
    const chars = toUnicodeCharacters(pdf);
    for (const c of [NBSP, NNBSP, '«', '»', '’', 'œ', 'É', '€', '✓', '–']) expect(chars, `U+${c.codePointAt(0)?.toString(16)}`).toContain(c);
  });

  it('does not draw U+00A0 where the tree has a plain space', async () => {
    const plain = await render(withFiller(0, [p('body', t('Mme Chantal CASTELNOT'))]));
    expect(toUnicodeCharacters(plain)).not.toContain(NBSP);
  });

  it('writes "page / pages" at the foot of every page', () => {
    const count = content.pageCount;
    content.pages.forEach((page, index) => {
      expect(pageText(page).endsWith(`${index + 1} / ${count}`)).toBe(true);
      const footer = page.items[page.items.length - 1];
      expect(footer?.str).toBe(`Page ${index + 1} / ${count}`);
      // In the bottom margin, centred between the side margins.
      expect(footer?.y).toBeGreaterThan(page.height - MARGIN.bottom);
      const middle = (footer?.x ?? 0) + (footer?.width ?? 0) / 2;
      const textMiddle = (MARGIN.left + page.width - MARGIN.right) / 2;
      expect(Math.abs(middle - textMiddle)).toBeLessThan(1);
    });
  });

  it('writes a footer and a running header typed over two lines on one line each', async () => {
    const twoLines = { ...style, footer: 'Comité\nPage {page} / {pages}', header: 'Compte rendu\r\n{title}' };
    const pdf = await readPdf(await writePdf(withFiller(200, []), twoLines, {}));
    const first = pdf.pages[0]!;
    expect(first.items[first.items.length - 1]?.str).toBe(`Comité Page 1 / ${pdf.pageCount}`);
    expect(pageText(pdf.pages[1]!)).toContain('Compte rendu');
  });

  it('starts the annex on a new page', () => {
    const annexPage = content.pages.findIndex((page) => pageText(page).startsWith('Annexe'));
    expect(annexPage).toBe(content.pageCount - 1);
    expect(pageText(content.pages[annexPage - 1] as PdfPageContent)).toContain('Chantal CASTELNOT');
  });

  it('lays out the letterhead in a left column, the date line on the right, one signatory in the right half', () => {
    const page = content.pages[0] as PdfPageContent;
    const column = page.width * 0.45;
    for (const str of ['PRÉFET', 'Pôle Gouvernance Budgétaire et Performance', 'nathalie.masse@vienne.gouv.fr']) {
      const item = page.items.find((it) => it.str.includes(str));
      expect(item, str).toBeDefined();
      expect(item?.x).toBeCloseTo(MARGIN.left, 0);
      expect((item?.x ?? 0) + (item?.width ?? 0)).toBeLessThan(MARGIN.left + column);
    }
    const dateline = page.items.find((it) => it.str.startsWith('Poitiers'));
    expect((dateline?.x ?? 0) + (dateline?.width ?? 0)).toBeCloseTo(page.width - MARGIN.right, 0);

    const signaturePage = content.pages[1] as PdfPageContent;
    const quality = signaturePage.items.find((it) => it.str.startsWith('La préfète'));
    const name = signaturePage.items.find((it) => it.str.startsWith('Chantal CASTELNOT'));
    expect(quality?.x).toBeGreaterThan(page.width / 2);
    expect(name?.x).toBeGreaterThan(page.width / 2);
    expect((name?.y ?? 0) - (quality?.y ?? 0)).toBeGreaterThan(35); // room to sign
  });

  it('raises and shrinks the superscript', () => {
    const page = content.pages[0] as PdfPageContent;
    const index = page.items.findIndex((it) => it.str === 'er');
    const before = page.items[index - 1];
    const sup = page.items[index];
    expect(before?.str.endsWith('1')).toBe(true);
    expect(sup?.fontSize).toBeLessThan(before?.fontSize ?? 0);
    expect(sup?.y).toBeLessThan(before?.y ?? 0);
    expect(sup?.x).toBeCloseTo((before?.x ?? 0) + (before?.width ?? 0), 1);
  });

  it('has a catalog with /Lang, /MarkInfo, /StructTreeRoot and a displayed title', () => {
    expect(raw).toContain('/Lang (fr-FR)');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Marked true');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toContain('/DisplayDocTitle true');
    expect(content.info.Title).toBe('Compte rendu du Comité Local des Usagers du jeudi 6 mai 2021');
    expect(content.info.Author).toBe('Préfecture de la Vienne');
    expect(content.info.Keywords).toBe('CLU, compte rendu');
    expect(content.info.Producer).toBe('clu');
    expect(content.info.Creator).toBe('clu');
    // Info values are indirect objects: /CreationDate n 0 R, then "(D:…)" in the object.
    expect(content.info.CreationDate).toBe('D:20210614093000Z');
    expect(raw).not.toContain('/ModDate');
  });

  it('embeds every font as a TrueType subset and uses no standard font', () => {
    const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    const files = raw.match(/\/FontFile2 \d+ 0 R/g) ?? [];
    expect(files.length).toBeGreaterThanOrEqual(3); // regular, bold, italic at least
    expect(files.length).toBe(descriptors.length);
    const baseFonts = [...raw.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1] ?? '');
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+Inter-/);
    expect(raw).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it('has one Document root and the expected structure elements', () => {
    for (const page of content.pages) {
      expect(page.struct?.children.map((node) => node.role)).toEqual(['Document']);
    }
    const roles = new Set(allNodes(content).map((node) => node.role));
    for (const role of ['Document', 'Div', 'Sect', 'H1', 'H2', 'H3', 'H4', 'H5', 'P', 'L', 'LI', 'Lbl', 'LBody']) {
      expect(roles, role).toContain(role);
    }
    for (const role of ['Table', 'TR', 'TH', 'TD', 'Figure']) expect(roles, role).toContain(role);
  });

  it('tags each element with its own text', () => {
    const nodes = allNodes(content);
    const textOf = (role: string): string[] => nodes.filter((n) => n.role === role).map((n) => normalizeSpaces(n.text));
    expect(textOf('H1')).toEqual(['Compte rendu du Comité Local des Usagers du jeudi 6 mai 2021 à 14 h 30']);
    expect(textOf('H2')).toEqual(['I – Accueil des usagers', 'Témoignage de Pimms Médiation']);
    expect(textOf('H3')).toEqual(['a) Bilan au 1er janvier 2022']);
    expect(textOf('Lbl').slice(0, 3)).toEqual(['✓', '✓', '1.']);
    expect(textOf('LBody')[0]).toBe('Accueil sur rendez-vous en préfecture');
    expect(textOf('TH')).toEqual(['Service', 'Visites']);
    expect(textOf('TD')).toEqual(['Étrangers', '970 394', 'Cartes grises', '109 016']);
    expect(textOf('P')).toContain('Présidence : Mme Chantal CASTELNOT, Préfète de la Vienne');
    expect(textOf('P')).toContain('PRÉFET DE LA VIENNE');
    const figure = nodes.find((n) => n.role === 'Figure');
    expect(figure?.alt).toBe('Marianne');
    // The footers are artifacts: no element holds them.
    expect(nodes.some((n) => /\d+ \/ \d+/.test(n.text))).toBe(false);
    // The letterhead is a Div holding its paragraphs; the annex a Sect starting with its header.
    const sect = nodes.find((n) => n.role === 'Sect');
    expect(normalizeSpaces(sect?.children[0]?.text ?? '')).toBe('Annexe');
    const lists = nodes.filter((n) => n.role === 'L');
    expect(lists[0]?.children.map((li) => li.children.map((c) => c.role))).toEqual([
      ['Lbl', 'LBody'],
      ['Lbl', 'LBody'],
    ]);
  });

  it('gives the same bytes for the same tree, whatever the clock says', async () => {
    const again = await render(pdfKitchenSink());
    expect(again.equals(pdf)).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-12-31T23:59:59Z'));
      const later = await render(pdfKitchenSink());
      expect(later.equals(pdf)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('claims PDF/UA-1 in the XMP packet by default', () => {
    const xmp = xmpPacket(pdf) ?? '';
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xmp).not.toContain('pdfaid:');
    expect(xmlProblems(xmp)).toEqual([]);
  });
});

describe('PDF writer: PDF/A', () => {
  it('claims PDF/A-2a and PDF/UA-1, with an sRGB output intent', async () => {
    const pdf = await render(pdfKitchenSink(), { pdfa: true });
    const xmp = xmpPacket(pdf) ?? '';
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xmlProblems(xmp)).toEqual([]);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/S /GTS_PDFA1');
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const content = await readPdf(pdf);
    expect(content.pageCount).toBe(3);
  });

  it('escapes "&", "<" and ">" in the XMP packet, and only there', async () => {
    const title = 'Conseil & Bureau <x>';
    const tree: DocumentTree = {
      meta: { title, author: 'A & B', lang: 'fr-FR', date: DOCUMENT_DATE, keywords: ['<mot>'] },
      blocks: [{ type: 'title', children: [t(title)] }],
    };
    for (const pdfa of [true, false]) {
      const pdf = await render(tree, { pdfa });
      const xmp = xmpPacket(pdf) ?? '';
      expect(xmp).toContain('Conseil &amp; Bureau &lt;x&gt;');
      expect(xmp).toContain('A &amp; B');
      expect(xmp).toContain('&lt;mot&gt;');
      expect(xmlProblems(xmp)).toEqual([]);
      const content = await readPdf(pdf);
      expect(content.info.Title).toBe(title);
      expect(content.info.Author).toBe('A & B');
      expect(content.xmp?.get('dc:title')).toBe(title);
    }
  });

  it('has a well-formedness check that catches the unescaped packet', () => {
    expect(xmlProblems('<a><b>Conseil & Bureau <x></b></a>')).not.toEqual([]);
    expect(xmlProblems('<a><b>Conseil &amp; Bureau &lt;x&gt;</b></a>')).toEqual([]);
  });
});

describe('PDF writer: pagination', () => {
  it('numbers 300 paragraphs over many pages, with no blank page at the end', async () => {
    const content = await readPdf(await render(longTree(300)));
    const count = content.pageCount;
    expect(count).toBeGreaterThan(5);
    content.pages.forEach((page, index) => {
      const text = pageText(page);
      expect(text.endsWith(`${index + 1} / ${count}`)).toBe(true);
      expect(text.match(/\d+ \/ \d+$/g)).toHaveLength(1);
      expect(text).toContain('Paragraphe');
    });
    const text = normalizeSpaces(content.text);
    expectInOrder(
      text,
      Array.from({ length: 300 }, (_, n) => `Paragraphe ${n + 1}. Le comité examine`),
    );
    expect(pageText(content.pages[count - 1] as PdfPageContent)).toContain('Paragraphe 300.');
    // Nothing is written below the bottom margin but the footer.
    for (const page of content.pages) {
      const body = page.items.slice(0, -1);
      for (const item of body) expect(item.y).toBeLessThanOrEqual(page.height - MARGIN.bottom);
    }
  });

  it('breaks pages on pageBreak, but never leaves a blank page', async () => {
    const tree = withFiller(2, [
      { type: 'pageBreak' },
      p('body', t('Après le saut')),
      { type: 'pageBreak' },
      { type: 'pageBreak' },
      { type: 'division', role: 'annex', children: [p('body', t('Annexe seule'))] },
      { type: 'pageBreak' },
    ]);
    const content = await readPdf(await render(tree));
    // From page 2 on, the running header (the title, "Essai") comes before the footer.
    expect(content.pages.map(pageText)).toEqual(['Ligne 1 Ligne 2 Page 1 / 3', 'Après le saut Essai Page 2 / 3', 'Annexe seule Essai Page 3 / 3']);
  });

  it('keeps a heading with the first lines of the next paragraph', async () => {
    let moved = 0;
    for (let lines = 36; lines <= 44; lines++) {
      const tree = withFiller(lines, [
        { type: 'heading', level: 1, children: [t('II – Titre de section')] },
        p('body', t('Première ligne du texte qui suit le titre.')),
      ]);
      const content = await readPdf(await render(tree));
      const headingPage = content.pages.findIndex((page) => page.text.includes('II – Titre de section'));
      const bodyPage = content.pages.findIndex((page) => page.text.includes('Première ligne'));
      expect(headingPage, `${lines} lines`).toBe(bodyPage);
      if (headingPage > 0 && content.pages[headingPage]?.items[0]?.str.startsWith('II')) moved++;
    }
    expect(moved).toBeGreaterThan(0); // the loop did reach the page boundary
  });

  it('moves a whole signature block to the next page rather than splitting it', async () => {
    for (let lines = 36; lines <= 42; lines++) {
      const tree = withFiller(lines, [
        { type: 'signatures', signatories: [{ qualite: [t('La préfète,')], name: [t('Chantal CASTELNOT')] }] },
      ]);
      const content = await readPdf(await render(tree));
      const quality = content.pages.findIndex((page) => page.text.includes('La préfète,'));
      const name = content.pages.findIndex((page) => page.text.includes('Chantal CASTELNOT'));
      expect(quality, `${lines} lines`).toBe(name);
    }
  });

  it('places several signatories side by side', async () => {
    const tree = withFiller(1, [
      {
        type: 'signatures',
        signatories: [
          { qualite: [t('La préfète,')], name: [t('Chantal CASTELNOT')] },
          { qualite: [t('Le président,')], name: [t('Jean DUPONT')] },
        ],
      },
    ]);
    const content = await readPdf(await render(tree));
    const page = content.pages[0] as PdfPageContent;
    const find = (s: string) => page.items.find((it) => it.str.startsWith(s));
    const [q1, n1, q2, n2] = ['La préfète', 'Chantal', 'Le président', 'Jean'].map(find);
    expect(q1?.y).toBeCloseTo(q2?.y ?? 0, 1);
    expect(n1?.y).toBeCloseTo(n2?.y ?? 0, 1);
    expect((q1?.x ?? 0) + (q1?.width ?? 0)).toBeLessThan(page.width / 2);
    expect(q2?.x).toBeGreaterThan(page.width / 2);
    // Reading order: the first signatory entirely, then the second.
    expectInOrder(normalizeSpaces(content.text), ['La préfète, Chantal CASTELNOT', 'Le président, Jean DUPONT']);
  });

  it('repeats the header row of a table that breaks, tags it once, and never splits a row', async () => {
    const content = await readPdf(await render(signInSheet(90)));
    expect(content.pageCount).toBeGreaterThan(1);
    content.pages.forEach((page, index) => {
      expect(pageText(page).startsWith(index === 0 ? 'Ligne 1 Nom Service Signature' : 'Nom Service Signature')).toBe(true);
    });
    const nodes = allNodes(content);
    expect(nodes.filter((n) => n.role === 'TH').map((n) => normalizeSpaces(n.text))).toEqual(['Nom', 'Service', 'Signature']);
    expect(nodes.filter((n) => n.role === 'TR')).toHaveLength(91);
    // Both lines of a row are on the page of its first cell.
    const texts = content.pages.map(pageText);
    for (let n = 1; n <= 90; n++) {
      const pages = texts.filter((text) => new RegExp(`Personne ${n}(?!\\d)`).test(text));
      expect(pages, `row ${n}`).toHaveLength(1);
      expect(pages[0], `row ${n}`).toMatch(new RegExp(`Personne ${n} Service sur deux lignes`));
    }
  });
});

describe('PDF writer: inputs', () => {
  it('renders the shared kitchen sink', async () => {
    const content = await readPdf(await render(kitchenSinkTree()));
    const text = normalizeSpaces(content.text);
    expectInOrder(text, ['PRÉFET DE LA VIENNE', 'a) Bilan au 1er janvier 2022', 'Annexe']);
  });

  it('rejects a missing image with its path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-pdf-'));
    const tree = withFiller(1, [{ type: 'image', path: 'absent/logo.png', width: 50, alt: 'Logo' }]);
    await expect(writePdf(tree, style, { baseDir: dir })).rejects.toThrow(path.join(dir, 'absent', 'logo.png'));
  });

  it('keeps bold, italic and bold italic runs in the text', async () => {
    const tree = withFiller(0, [p('body', t('A '), b(t('gras')), t(' et '), { type: 'emphasis', children: [t('italique')] }, t('.'))]);
    const content = await readPdf(await render(tree));
    expect(normalizeSpaces(content.text)).toContain('A gras et italique.');
  });
});

describe('signatures side by side', () => {
  it('put the names on one line even when one quality line wraps', async () => {
    const { readPdf: read } = await import('./support/pdf.js');
    const { defaultStylesheet } = await import('../src/document/stylesheet.js');
    const { writePdf } = await import('../src/writers/pdf/index.js');
    const text = (value: string) => [{ type: 'text' as const, value }];
    const tree = {
      meta: { title: 'Signatures', lang: 'fr-FR', date: new Date(Date.UTC(2024, 0, 1)) },
      blocks: [
        {
          type: 'signatures' as const,
          signatories: [
            { qualite: text('Le maire,'), name: text('Philippe GAUTHIER') },
            { qualite: text('Le secrétaire de séance, conseiller municipal délégué aux bâtiments communaux,'), name: text('Amaury de LA TOUR') },
          ],
        },
      ],
    };
    const pdf = await read(await writePdf(tree, defaultStylesheet(), {}));
    const items = pdf.pages[0]!.items;
    const y = (s: string) => items.find((item) => item.str.includes(s))!.y;
    expect(y('GAUTHIER')).toBeCloseTo(y('LA TOUR'), 1);
  });
});
