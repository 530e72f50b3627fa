import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultStylesheet } from '../src/document/stylesheet.js';
import type { DocumentTree } from '../src/document/tree.js';
import { writeDocx } from '../src/writers/docx.js';
import { openDocx, styleXml, type OpenedDocx } from './support/docx.js';
import { DOCUMENT_DATE, NBSP, NNBSP, b, fixtureDir, kitchenSinkTree, t } from './support/kitchen-sink.js';

const style = defaultStylesheet();
let baseDir: string;
let buffer: Buffer;
let docx: OpenedDocx;

beforeAll(async () => {
  baseDir = fixtureDir();
  buffer = await writeDocx(kitchenSinkTree(), style, { baseDir });
  docx = openDocx(buffer);
  // For checking by hand: CLU_SAMPLE_DIR=/tmp/docx-sample npx vitest run test/writer-docx.test.ts
  const sampleDir = process.env['CLU_SAMPLE_DIR'];
  if (sampleDir) {
    mkdirSync(sampleDir, { recursive: true });
    writeFileSync(path.join(sampleDir, 'sample.docx'), buffer);
  }
});

describe('styles', () => {
  it('defines Heading1..4 with outline levels 0..3, keepNext and keepLines', () => {
    for (const level of [1, 2, 3, 4]) {
      const heading = docx.style(`Heading${level}`);
      expect(heading.name).toBe(`Heading ${level}`);
      expect(heading.outlineLevel).toBe(level - 1);
      const xml = styleXml(docx.part('word/styles.xml'), `Heading${level}`) ?? '';
      expect(xml).toContain('<w:keepNext/>');
      expect(xml).toContain('<w:keepLines/>');
    }
  });

  it('maps the stylesheet into the heading style (size in half-points, colour, spacing in twips)', () => {
    const xml = styleXml(docx.part('word/styles.xml'), 'Heading1') ?? '';
    // heading1: 11.5 pt = 23 half-points, 14 pt before = 280 twips, colour 000091.
    expect(xml).toContain('<w:sz w:val="23"/>');
    expect(xml).toContain('<w:color w:val="000091"/>');
    expect(xml).toMatch(/<w:spacing [^>]*w:before="280"/);
    expect(xml).toContain('<w:b/>');
  });

  it('puts the body font, fr-FR and widow control in the document defaults, and Normal is the default style', () => {
    const styles = docx.part('word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:lang w:val="fr-FR"/>');
    expect(defaults).toContain('w:ascii="Inter"');
    // body: 10 pt = 20 half-points.
    expect(defaults).toContain('<w:sz w:val="20"/>');
    expect(defaults).toMatch(/<w:pPrDefault>[\s\S]*<w:widowControl\/>[\s\S]*<\/w:pPrDefault>/);
    expect(styleXml(styles, 'Normal')).toContain('w:default="1"');
  });

  it('has one custom "clu …" style per paragraph style, mapped from the stylesheet', () => {
    const styles = docx.part('word/styles.xml');
    expect(docx.style('CluMarque').name).toBe('clu Marque');
    expect(docx.style('CluSignatureQualite').basedOn).toBe('Normal');
    const dateline = styleXml(styles, 'CluDateline') ?? '';
    expect(dateline).toContain('<w:jc w:val="right"/>');
    // dateline: 18 pt after = 360 twips; devise: 8 pt = 16 half-points; attendee: indented 14 pt = 280 twips.
    expect(dateline).toMatch(/w:after="360"/);
    const devise = styleXml(styles, 'CluDevise') ?? '';
    expect(devise).toContain('<w:i/>');
    expect(devise).toContain('<w:sz w:val="16"/>');
    expect(styleXml(styles, 'CluCategory')).toContain('<w:u w:val="single"/>');
    expect(styleXml(styles, 'CluAttendee')).toContain('<w:ind w:left="280"/>');
    expect(styleXml(styles, 'CluLabel')).toContain('<w:keepNext/>');
  });

  it('has a Word style for every paragraph style of the stylesheet', () => {
    // caption, footnote and boxTitle get their Word styles only in a document that uses them (content-kinds.test.ts).
    const notParagraphStyles = new Set(['body', 'title', 'heading1', 'heading2', 'heading3', 'heading4', 'listItem', 'caption', 'footnote', 'boxTitle']);
    const names = Object.keys(style.styles).filter((name) => !notParagraphStyles.has(name));
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) {
      const id = `Clu${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      expect(docx.style(id).name).toBe(`clu ${id.slice(3)}`);
    }
  });

  it('links ListBullet to a numbering whose level 0 is the check mark', () => {
    const styles = docx.part('word/styles.xml');
    const numbering = docx.part('word/numbering.xml');
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(styleXml(styles, 'ListBullet') ?? '')?.[1];
    expect(numId).toBeDefined();
    const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
    expect(abstractId).toBeDefined();
    const abstract = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)?.[0] ?? '';
    expect(abstract).toContain('<w:lvlText w:val="✓"/>');
    expect(numbering).toContain('<w:lvlText w:val="–"/>');
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
  });
});

describe('settings, page and footer', () => {
  it('turns on automatic hyphenation', () => {
    expect(docx.part('word/settings.xml')).toContain('<w:autoHyphenation/>');
  });

  it('uses A4, the stylesheet margins and a different first page', () => {
    const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(docx.part('word/document.xml'))?.[0] ?? '';
    expect(sectPr).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // Margins 57, 57, 57 and 68 pt: 1140, 1140, 1140 and 1360 twips.
    expect(sectPr).toContain('<w:pgMar w:top="1140" w:right="1140" w:bottom="1140" w:left="1360"');
    expect(sectPr).toContain('<w:titlePg/>');
    expect(sectPr).toMatch(/<w:footerReference w:type="first"/);
    expect(sectPr).toMatch(/<w:footerReference w:type="default"/);
    expect(sectPr).toMatch(/<w:headerReference w:type="first"/);
  });

  it('writes PAGE and NUMPAGES fields in both footers', () => {
    const footers = docx.names.filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(2);
    for (const name of footers) {
      const xml = docx.part(name);
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(xml).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
      expect(xml).toContain(' / ');
    }
  });

  it('writes the core properties with the pinned dates', () => {
    const core = docx.part('docProps/core.xml');
    expect(core).toContain('<dc:title>Compte rendu du Comité Local des Usagers du jeudi 6 mai 2021</dc:title>');
    expect(core).toContain('<dc:creator>Préfecture de la Vienne</dc:creator>');
    expect(core).toContain('<dc:subject>Comité Local des Usagers</dc:subject>');
    expect(core).toContain('<cp:keywords>CLU, compte rendu</cp:keywords>');
    expect(core).toContain('<cp:lastModifiedBy>clu</cp:lastModifiedBy>');
    expect(core).toMatch(/<dcterms:created [^>]*>2021-06-14T09:30:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2021-06-14T09:30:00Z<\/dcterms:modified>/);
  });
});

describe('body', () => {
  it('writes every paragraph in order, with its style and exact text', () => {
    expect(docx.paragraphs).toEqual([
      { style: 'Normal', text: '' }, // the logo
      { style: 'CluMarque', text: 'PRÉFET\nDE LA VIENNE' },
      { style: 'CluDevise', text: 'Liberté\nÉgalité\nFraternité' },
      { style: 'CluService', text: 'Secrétariat Général Commun' },
      { style: 'CluContact', text: `Affaire suivie par${NBSP}:\nTél${NBSP}: 05${NBSP}49${NBSP}55${NBSP}70${NBSP}00` },
      { style: 'CluDateline', text: 'Poitiers, le 14 juin 2021' },
      { style: 'Title', text: `Compte rendu du Comité Local des Usagers du jeudi 6 mai 2021 à 14${NBSP}h${NBSP}30` },
      { style: 'CluLabel', text: `Présidence${NBSP}:` },
      { style: 'CluAttendee', text: `Mme${NBSP}Chantal CASTELNOT, Préfète de la Vienne.` },
      { style: 'Heading1', text: 'I – Accueil des usagers' },
      { style: 'CluPresentation', text: `Présentation par Mme${NBSP}SAUVAIRE (Diaporama page${NBSP}5)` },
      { style: 'Heading2', text: 'a) Bilan au 1er janvier 2022' },
      {
        style: 'Normal',
        text: `Le budget très contraint atteint 109${NNBSP}016${NBSP}€ soit 12${NBSP}%${NNBSP}; l’œuvre « Toit du Monde » est citée.`,
      },
      { style: 'ListBullet', text: 'Accueil sur rendez-vous' },
      { style: 'ListBullet', text: 'Accueil téléphonique ✓' },
      { style: 'Heading3', text: 'Sous-point détaillé' },
      { style: 'ListNumber', text: 'Premier point' },
      { style: 'ListNumber', text: 'Deuxième point' },
      { style: 'ListNumber', text: 'Autre liste, premier' },
      { style: 'CluListDash', text: 'Un tiret' },
      { style: 'CluSmall', text: 'Service' },
      { style: 'CluSmall', text: 'Visites' },
      { style: 'CluSmall', text: 'Étrangers' },
      { style: 'CluSmall', text: `970${NNBSP}394` },
      { style: 'CluExchange', text: `M.${NBSP}PREMPAIN demande si l’accueil est ouvert${NNBSP}?` },
      { style: 'CluNoQuestion', text: 'Aucune observation ou question n’est formulée.' },
      { style: 'CluClosing', text: `L’ordre du jour étant épuisé, la séance est levée à 15${NBSP}h${NBSP}50.` },
      { style: 'Normal', text: '' }, // the empty left half of the signature table
      { style: 'CluSignatureQualite', text: 'La préfète,' },
      { style: 'CluSignatureName', text: 'Chantal CASTELNOT' },
      { style: 'CluAnnexHeader', text: 'Annexe' },
      { style: 'Heading1', text: 'Témoignage de Pimms Médiation' },
      { style: 'Normal', text: '« Très bon accueil »' },
    ]);
  });

  it('never writes a raw newline or tab inside w:t, and keeps U+00A0 and U+202F as characters', () => {
    const xml = docx.part('word/document.xml');
    for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) expect(m[1]).not.toMatch(/[\n\t]/);
    expect(xml).toContain(NBSP);
    expect(xml).toContain(NNBSP);
    expect(xml).not.toContain('&#160;');
  });

  it('writes strong as bold, emphasis as italic (nested), superscript as vertAlign', () => {
    const xml = docx.part('word/document.xml');
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">budget<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">très<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">er<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">sur rendez-vous<\/w:t><\/w:r>/);
  });

  it('restarts each number list with its own numbering instance', () => {
    const numbered = docx.paragraphInfo.filter((p) => p.style === 'ListNumber');
    expect(numbered).toHaveLength(3);
    const [first, second, third] = numbered.map((p) => p.numId);
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    const numbering = docx.part('word/numbering.xml');
    expect(numbering).toMatch(new RegExp(`<w:num w:numId="${third}">[\\s\\S]*?<w:startOverride w:val="1"/>`));
  });

  it('starts the annex on a new page', () => {
    const annex = docx.paragraphInfo.find((p) => p.text === 'Annexe');
    expect(annex?.pageBreakBefore).toBe(true);
    expect(docx.paragraphInfo.filter((p) => p.pageBreakBefore)).toHaveLength(1);
  });

  it('writes the table with a repeating header row, rows that do not split, borders and proportional widths', () => {
    const xml = docx.part('word/document.xml');
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    const data = tables[0] ?? '';
    expect(data).toContain('<w:tblW w:type="pct" w:w="5000"/>');
    expect(data).toMatch(/<w:top w:val="single"/);
    const rows = [...data.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    const widths = [...data.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // The text width: A4's 11906 twips less the left (1360) and right (1140) margins.
    expect(widths.reduce((x, y) => x + y, 0)).toBe(9406);
    expect(Math.abs((widths[0] ?? 0) - 2 * (widths[1] ?? 0))).toBeLessThanOrEqual(2);
    // Header cells are bold.
    expect(rows[0]).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Service</);
  });

  it('writes the signatures as a borderless table with the signatory in the right column', () => {
    const xml = docx.part('word/document.xml');
    const signatures = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])[1] ?? '';
    expect(signatures).toMatch(/<w:top w:val="none"/);
    expect(signatures).toMatch(/<w:insideV w:val="none"/);
    const cells = [...signatures.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(2);
    expect(cells[0]).not.toContain('La préfète');
    expect(cells[1]).toContain('La préfète,');
  });

  it('embeds the image with its alt text', () => {
    expect(docx.names).toContain('word/media/image1.png');
    const xml = docx.part('word/document.xml');
    expect(xml).toMatch(/<wp:docPr id="1" name="logo.png" descr="Marianne" title="Marianne"\/>/);
    // 60 pt wide = 80 px = 762000 EMU; the 2:1 PNG gives half the height.
    expect(xml).toContain('<wp:extent cx="762000" cy="381000"/>');
  });

  it('reads the size of a JPEG from its frame header (after other segments)', async () => {
    // SOI, an APP0 segment, SOF0 with height 30 and width 120, EOI: enough for the writer's size probe.
    const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 30, 0x00, 120, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    writeFileSync(path.join(baseDir, 'photo.JPEG'), Buffer.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]));
    const tree: DocumentTree = {
      meta: { title: 'x', lang: 'fr-FR', date: DOCUMENT_DATE },
      blocks: [{ type: 'image', path: 'photo.JPEG', width: 90, alt: 'Photo' }],
    };
    const out = openDocx(await writeDocx(tree, style, { baseDir }));
    expect(out.names.some((n) => /^word\/media\/image1\.(jpe?g)$/.test(n))).toBe(true);
    // 90 pt = 120 px = 1143000 EMU wide; 4:1 gives 30 px = 285750 EMU high.
    expect(out.part('word/document.xml')).toContain('<wp:extent cx="1143000" cy="285750"/>');
  });

  it('rejects an image format other than PNG or JPEG (told by its bytes)', async () => {
    writeFileSync(path.join(baseDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const tree: DocumentTree = {
      meta: { title: 'x', lang: 'fr-FR', date: DOCUMENT_DATE },
      blocks: [{ type: 'image', path: 'logo.svg', width: 50, alt: 'logo' }],
    };
    await expect(writeDocx(tree, style, { baseDir })).rejects.toThrow(/logo\.svg: the image cannot be used: neither PNG nor JPEG/);
  });

  it('puts several signatories side by side, one column each, centred', async () => {
    const tree: DocumentTree = {
      meta: { title: 'x', lang: 'fr-FR', date: DOCUMENT_DATE },
      blocks: [
        {
          type: 'signatures',
          signatories: [
            { qualite: [t('Le président,')], name: [t('Jean DUPONT')] },
            { qualite: [t('La secrétaire de séance,')], name: [t('Marie MARTIN')] },
            { qualite: [t('Le trésorier,')], name: [t('Paul DURAND')] },
          ],
        },
      ],
    };
    const out = openDocx(await writeDocx(tree, style, {}));
    const xml = out.part('word/document.xml');
    expect([...xml.matchAll(/<w:gridCol /g)]).toHaveLength(3);
    expect([...xml.matchAll(/<w:tc>/g)]).toHaveLength(3);
    expect(out.paragraphs.map((p) => p.text)).toEqual([
      'Le président,',
      'Jean DUPONT',
      'La secrétaire de séance,',
      'Marie MARTIN',
      'Le trésorier,',
      'Paul DURAND',
    ]);
    expect([...xml.matchAll(/<w:jc w:val="center"\/>/g)]).toHaveLength(6);
  });

  it('throws a clear error when the image is missing', async () => {
    const tree: DocumentTree = {
      meta: { title: 'x', lang: 'fr-FR', date: DOCUMENT_DATE },
      blocks: [{ type: 'image', path: 'absent.png', width: 50, alt: 'logo' }],
    };
    // The writer called on its own reads the pictures through a resource bag of its own: the same message as the pipeline's.
    await expect(writeDocx(tree, style, { baseDir })).rejects.toThrow(`${path.join(baseDir, 'absent.png')}: the image cannot be used: no such file`);
  });

  it('writes a pageBreak block as a paragraph holding a page break', async () => {
    const tree: DocumentTree = {
      meta: { title: 'x', lang: 'fr-FR', date: DOCUMENT_DATE },
      blocks: [{ type: 'paragraph', style: 'body', children: [t('a')] }, { type: 'pageBreak' }, { type: 'paragraph', style: 'body', children: [b(t('b'))] }],
    };
    const out = openDocx(await writeDocx(tree, style, {}));
    expect(out.paragraphs).toEqual([
      { style: 'Normal', text: 'a' },
      { style: 'Normal', text: '\f' },
      { style: 'Normal', text: 'b' },
    ]);
    expect(out.part('word/document.xml')).toContain('<w:br w:type="page"/>');
  });
});

describe('reproducibility', () => {
  it('gives byte-identical files for the same tree, with an image, in the same process', async () => {
    const again = await writeDocx(kitchenSinkTree(), style, { baseDir });
    expect(again.equals(buffer)).toBe(true);
    // Drawing ids are counted per document, not per process.
    expect(openDocx(again).part('word/document.xml')).toContain('<wp:docPr id="1"');
  });

  it('gives byte-identical files for a tree without an image', async () => {
    const tree: DocumentTree = { ...kitchenSinkTree(), blocks: kitchenSinkTree().blocks.slice(1) };
    const one = await writeDocx(tree, style, {});
    const two = await writeDocx(tree, style, {});
    expect(one.equals(two)).toBe(true);
  });

  it('zips with fixed timestamps (1980-01-01) and [Content_Types].xml first', () => {
    expect(docx.names[0]).toBe('[Content_Types].xml');
    expect(docx.names[1]).toBe('_rels/.rels');
    // Local file header: DOS time at offset 10, date at 12. 1980-01-01 00:00 → time 0, date (0<<9)|(1<<5)|1 = 33.
    expect(buffer.readUInt32LE(0)).toBe(0x04034b50);
    expect(buffer.readUInt16LE(10)).toBe(0);
    expect(buffer.readUInt16LE(12)).toBe(33);
  });
});

describe('one zip pass', () => {
  it('writes the bytes fflate\'s zipSync writes, stored or deflated, with entries deflated beforehand', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const { deflateEntry, zipEntries } = await import('../src/writers/zip.js');
    const xml = strToU8('<w:document>'.repeat(500));
    const media = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251);
    const font = Uint8Array.from({ length: 5000 }, (_, i) => (i * i) % 256);
    const mtime = new Date(1980, 0, 1);
    const expected = zipSync({ 'word/document.xml': [xml, { level: 6, mtime }], 'word/media/é.png': [media, { level: 0, mtime }], 'word/fonts/font1.odttf': [font, { level: 6, mtime }] }, { mtime });
    const written = zipEntries([
      { name: 'word/document.xml', data: xml, level: 6 },
      { name: 'word/media/é.png', data: media, level: 0 },
      { name: 'word/fonts/font1.odttf', ...deflateEntry(font) },
    ]);
    expect(Buffer.from(written).equals(Buffer.from(expected))).toBe(true);
  });
});

/** Checks that a part is well-formed XML: one root, every element closed in order, attributes quoted, known entities. */
function wellFormed(xml: string): string | undefined {
  const body = xml.replace(/^<\?xml [^?]*\?>/, '');
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    if (m[6] !== undefined) return `a "<" that starts no tag at ${m.index}`;
    if (m[5] !== undefined) {
      if (stack.length === 0) return `text outside the root at ${m.index}`;
      const bad = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(m[5]);
      if (bad) return `a bare "&" at ${m.index + bad.index}`;
      continue;
    }
    const [, closing, name, attributes, selfClosing] = m;
    if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(attributes ?? '')) return `a bare "&" in an attribute of <${name}>`;
    if (closing) {
      if (stack.pop() !== name) return `</${name}> closes another element at ${m.index}`;
    } else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name!);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0) return `<${stack.at(-1)}> is not closed`;
  return roots === 1 ? undefined : `${roots} root elements`;
}

describe('the package', () => {
  it('is made of well-formed XML parts, even with markup characters and control characters in the text', async () => {
    const tree: DocumentTree = {
      meta: { title: 'A & B <c> "d" \'e\'', author: 'Préfecture & Co', lang: 'fr-FR', date: DOCUMENT_DATE },
      blocks: [
        { type: 'paragraph', style: 'body', children: [t('1 < 2 & 3 > 2 "cité" l\'apostrophe\u0001\u000C\ttab\uFFFE\uFFFF')] },
        { type: 'table', columns: [1], rows: [[{ children: [t('<td>&amp;</td>')], header: true }]], caption: [t('« & »')] },
        { type: 'image', path: 'logo.png', width: 60, alt: 'A & "B" <C>' },
      ],
    };
    const out = openDocx(await writeDocx(tree, style, { baseDir }));
    for (const name of out.names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) expect(wellFormed(out.part(name)), name).toBeUndefined();
    expect(out.paragraphs[0]?.text).toBe('1 < 2 & 3 > 2 "cité" l\'apostrophe\ttab');
    expect(out.part('word/document.xml')).toContain('descr="A &amp; &quot;B&quot; &lt;C&gt;"');
    expect(out.part('docProps/core.xml')).toContain('<dc:title>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;</dc:title>');
    for (const name of docx.names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) expect(wellFormed(docx.part(name)), name).toBeUndefined();
  });

  it('declares every part it holds, and every relationship points at a part of the package', () => {
    const types = docx.part('[Content_Types].xml');
    const defaults = new Set([...types.matchAll(/<Default [^>]*Extension="([^"]+)"/g)].map((m) => m[1]));
    const overrides = new Set([...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]));
    for (const name of docx.names.filter((n) => n !== '[Content_Types].xml')) {
      expect(overrides.has(name) || defaults.has(name.slice(name.lastIndexOf('.') + 1)), name).toBe(true);
    }
    for (const part of overrides) expect(docx.names, part).toContain(part);
    for (const rels of docx.names.filter((n) => n.endsWith('.rels'))) {
      const folder = rels === '_rels/.rels' ? '' : rels.slice(0, rels.indexOf('_rels/'));
      const ids = [...docx.part(rels).matchAll(/<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"\/>/g)];
      expect(ids.map((m) => m[1]), rels).toEqual(ids.map((_, i) => `rId${i + 1}`));
      for (const [, , target] of ids) expect(docx.names, `${rels} → ${target}`).toContain(`${folder}${target}`);
      // Every relationship a part refers to exists in its rels.
      const part = rels === '_rels/.rels' ? undefined : `${folder}${rels.slice(rels.indexOf('_rels/') + 6, -'.rels'.length)}`;
      if (part === undefined) continue;
      for (const m of docx.part(part).matchAll(/r:(?:id|embed)="([^"]+)"/g)) expect(ids.map((r) => r[1]), `${part} ${m[1]}`).toContain(m[1]);
    }
  });

  it('is written without the docx package: the DOCX writer bundles only clu and fflate', async () => {
    const { readFileSync } = await import('node:fs');
    const inputs = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'dist', 'bundle', 'inputs.json'), 'utf8')) as Record<string, string[]>;
    const chunk = Object.values(inputs).find((modules) => modules.includes('src/writers/docx.ts'));
    expect(chunk).toBeDefined();
    expect(chunk!.filter((m) => !m.startsWith('src/') && !/node_modules\/fflate\//.test(m))).toEqual([]);
  });
});

describe('a document that keeps its look without the font installed', () => {
  const files = () => unzipSync(buffer);
  const fontTable = () => docx.part('word/fontTable.xml');

  it('embeds the four faces of the font (Word embedded TrueType fonts), obfuscated with the key of the font table', async () => {
    const { readFileSync } = await import('node:fs');
    const { obfuscateFont } = await import('../src/writers/docx-fonts.js');
    expect(fontTable()).toContain('<w:font w:name="Inter">');
    expect(docx.part('word/settings.xml')).toContain('<w:embedTrueTypeFonts/>');
    const rels = docx.part('word/_rels/fontTable.xml.rels');
    const faces = { Regular: style.fonts.regular, Bold: style.fonts.bold, Italic: style.fonts.italic, BoldItalic: style.fonts.boldItalic };
    for (const [face, ttf] of Object.entries(faces)) {
      const element = new RegExp(`<w:embed${face} r:id="([^"]+)" w:fontKey="(\\{[0-9A-F-]{36}\\})"/>`).exec(fontTable());
      expect(element, face).not.toBeNull();
      const target = new RegExp(`Id="${element![1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      const odttf = files()[`word/${target}`];
      expect(odttf, face).toBeDefined();
      const original = readFileSync(ttf);
      // Only the first 32 bytes are obfuscated; undoing it with the declared key gives the TTF back.
      expect(Buffer.from(odttf!.subarray(0, 32)).equals(original.subarray(0, 32))).toBe(false);
      expect(Buffer.from(obfuscateFont(odttf!, element![2]!)).equals(original)).toBe(true);
    }
    expect(docx.part("[Content_Types].xml")).toContain('ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"');
  });

  it('reads each face once per process, and again when its file changes', async () => {
    const { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { embeddedFonts } = await import('../src/writers/docx-fonts.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-docx-fonts-'));
    const regular = path.join(dir, 'regular.ttf');
    copyFileSync(style.fonts.regular, regular);
    const fonts = { ...style.fonts, regular };
    const then = new Date(2020, 0, 1);
    utimesSync(regular, then, then);
    const first = embeddedFonts(fonts).parts[0]!.part;
    // Other bytes, but the same size and modification time: the face is not read again.
    const bytes = readFileSync(regular);
    bytes[100] = (bytes[100]! + 1) % 256;
    writeFileSync(regular, bytes);
    utimesSync(regular, then, then);
    expect(embeddedFonts(fonts).parts[0]!.part === first).toBe(true);
    // A new modification time: read again, the part follows the new bytes.
    utimesSync(regular, new Date(2021, 0, 1), new Date(2021, 0, 1));
    const changed = embeddedFonts(fonts).parts[0]!.part;
    expect(changed.size).toBe(first.size);
    expect(Buffer.from(changed.deflated).equals(Buffer.from(first.deflated))).toBe(false);
  });

  it('derives the font keys from the fonts, so the bytes stay reproducible', async () => {
    const again = openDocx(await writeDocx(kitchenSinkTree(), style, { baseDir }));
    expect(again.part('word/fontTable.xml')).toBe(fontTable());
  });

  it('sets lines exactly as the PDF does (size × line height) and adds, as the PDF, space after and space before', () => {
    const styles = docx.part('word/styles.xml');
    const label = styleXml(styles, 'CluLabel') ?? '';
    // 10 pt × 1.2 = 12 pt = 240 twips.
    expect(label).toContain('w:line="240" w:lineRule="exact"');
    // In the kitchen sink the title is followed by a label: Word keeps the larger of the two spaces,
    // so the label carries their sum.
    // The title's 18 pt after plus the label's 6 pt before: 24 pt = 480 twips.
    const xml = docx.part('word/document.xml');
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>[^]*?<\/w:p><w:p><w:pPr><w:pStyle w:val="CluLabel"\/><w:spacing w:before="480"\/>/);
    // An attendee (no space before) keeps its style's spacing.
    expect(xml).toContain('<w:p><w:pPr><w:pStyle w:val="CluAttendee"/></w:pPr>');
  });

  it('writes dc:language and the producing application into docProps', () => {
    expect(docx.part('docProps/core.xml')).toContain('<dc:language>fr-FR</dc:language>');
    expect(docx.part('docProps/app.xml')).toContain('<Application>clu</Application>');
  });
});

describe('line breaks at the end of a paragraph', () => {
  it('count as in the PDF, which starts no line after the last one: one <w:br/> fewer than the breaks', async () => {
    const tree: DocumentTree = {
      meta: kitchenSinkTree().meta,
      blocks: [
        { type: 'paragraph', style: 'body', children: [{ type: 'lineBreak' }, { type: 'lineBreak' }, { type: 'lineBreak' }] },
        { type: 'paragraph', style: 'body', children: [t('texte'), { type: 'lineBreak' }] },
        { type: 'paragraph', style: 'body', children: [t('a'), { type: 'lineBreak' }, t('b')] },
      ],
    };
    const xml = openDocx(await writeDocx(tree, style, { baseDir })).part('word/document.xml');
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => (m[0].match(/<w:br\/>/g) ?? []).length);
    expect(paragraphs).toEqual([2, 0, 1]);
  });
});

describe('tables as tall as in the PDF', () => {
  it('pad cells by the PDF’s 3 pt, less the rule below each row at the bottom (Word adds it to the row)', () => {
    const xml = docx.part('word/document.xml');
    const margins = /<w:tblCellMar>([\s\S]*?)<\/w:tblCellMar>/.exec(xml)?.[1] ?? '';
    expect(margins).toMatch(/<w:top w:type="dxa" w:w="60"\/>|<w:top w:w="60" w:type="dxa"\/>/);
    expect(margins).toMatch(/<w:left w:type="dxa" w:w="60"\/>|<w:left w:w="60" w:type="dxa"\/>/);
    // 60 twips less the 0.5 pt (10 twips) rule: 50.
    expect(margins).toMatch(/<w:bottom w:type="dxa" w:w="50"\/>|<w:bottom w:w="50" w:type="dxa"\/>/);
  });
});
