// clu render on the real examples: the official format part by part, in the DOCX XML and the PDF text and
// structure; typography; reproducible bytes; templates; command-line behaviour.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { readPdf, structNodes, xmpPacket, type PdfContent } from './support/pdf.js';
import { openDocx, type OpenedDocx } from './support/docx.js';
import { expectInOrder } from './support/in-order.js';
import { pngBytes } from './support/kitchen-sink.js';
import { defaultFonts } from '../src/document/stylesheet.js';

const root = path.join(import.meta.dirname, '..');
const examples = path.join(root, 'examples');
const reference = path.join(examples, 'clu-vienne-2021-05-06.yaml');
const council = path.join(examples, 'conseil-municipal', 'conseil-2024-03-28.yaml');
const NBSP = '\u00A0';
const NNBSP = '\u202F';
/** "jeudi 6 mai" is held together by no-break spaces. */
const REFERENCE_TITLE = `Compte rendu du Comité Local des Usagers du jeudi${NBSP}6${NBSP}mai 2021 à 14h30`;

const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), `clu-${prefix}-`));

async function render(args: string[], options: { env?: Record<string, string | undefined>; tty?: boolean } = {}) {
  const out = tmp('render');
  const result = await runCli(['render', '-o', out, ...args], options);
  return { ...result, out, file: (name: string) => path.join(out, name) };
}

/**
 * A meeting in a temporary copy of the fixtures: the valid base meeting with its agenda replaced by
 * `tail` (YAML lines from the top-level key "points:" on). Returns the file and its folder.
 */
function baseMeetingWith(name: string, tail: string[]): { dir: string; file: string } {
  const dir = tmp(name);
  cpSync(path.join(root, 'test', 'fixtures'), dir, { recursive: true });
  const file = path.join(dir, `${name}.yaml`);
  const base = readFileSync(path.join(dir, 'valid-base.yaml'), 'utf8');
  writeFileSync(file, `${base.slice(0, base.indexOf('points:'))}${tail.join('\n')}\n`);
  return { dir, file };
}

describe('the reference compte rendu', () => {
  let docx: OpenedDocx;
  let pdf: PdfContent;
  let pdfBytes: Buffer;
  let docxBytes: Buffer;

  beforeAll(async () => {
    const r = await render(['--format', 'docx,pdf,md', reference]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((p) => path.basename(p))).toEqual([
      'clu-vienne-2021-05-06.docx',
      'clu-vienne-2021-05-06.pdf',
      'clu-vienne-2021-05-06.md',
    ]);
    docxBytes = readFileSync(r.file('clu-vienne-2021-05-06.docx'));
    pdfBytes = readFileSync(r.file('clu-vienne-2021-05-06.pdf'));
    docx = openDocx(docxBytes);
    pdf = await readPdf(pdfBytes);
  }, 120_000);

  const paragraphs = (style: string) => docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);

  it('DOCX: bloc-marque, services, contact, place and date, title, chair — in the reference order', () => {
    const texts = docx.paragraphs.map((p) => p.text);
    const at = (text: string) => texts.findIndex((t) => t === text);
    expect(at('PRÉFET\nDE LA VIENNE')).toBe(0);
    expect(at('Liberté\nÉgalité\nFraternité')).toBe(1);
    expect(at('Secrétariat Général Commun\nPôle Gouvernance Budgétaire et Performance\nBureau Conseil en Gestion et Management')).toBe(2);
    expect(texts[3]).toBe(
      `Affaire suivie par${NBSP}:\nNathalie MASSÉ\nChargée de mission qualité\nTél${NBSP}: 05${NBSP}49${NBSP}55${NBSP}69${NBSP}16\nMél${NBSP}: nathalie.masse@vienne.gouv.fr`,
    );
    expect(paragraphs('CluDateline')).toEqual(['Poitiers, le 14 juin 2021']);
    expect(paragraphs('Title')).toEqual([REFERENCE_TITLE]);
    expect(texts).toContain(`Présidence${NBSP}: Mme${NBSP}Chantal CASTELNOT, Préfète de la Vienne`);
  });

  it('DOCX: attendance by category, " ;" then "." at the end of each group, agreement of "représenté(e) par"', () => {
    const attendees = paragraphs('CluAttendee');
    expect(attendees).toHaveLength(13 + 12 + 4 + 11 + 6);
    expect(attendees[0]).toBe(`M.${NBSP}Eric ROSE, directeur de l’office français de l’immigration et de l’intégration (OFII)${NNBSP};`);
    expect(attendees[12]).toBe(`Mme${NBSP}Nathalie MASSÉ, chargée de mission qualité.`);
    expect(attendees).toContain(
      `Mme${NBSP}Anne-Laure JOUTEUX, cheffe de bureau de la communication interministérielle, représentée par Mme${NBSP}Nathalie BRIONNET${NNBSP};`,
    );
    expect(attendees).toContain(`M.${NBSP}Nicolas SEBILEAU, directeur de la citoyenneté et de la légalité, représenté par Mme${NBSP}Nadège ROCHE${NNBSP};`);
    expect(paragraphs('CluLabel')).toEqual([`Participants${NBSP}:`, `Excusés(es)${NBSP}:`, `Absents(es)${NBSP}:`]);
    expect(paragraphs('CluCategory')).toEqual([
      `Représentants des services de l’Etat${NBSP}:`,
      `Représentants des usagers${NBSP}:`,
      `Représentants des services de l’Etat${NBSP}:`,
      `Représentants des usagers${NBSP}:`,
      `Représentants des usagers${NBSP}:`,
    ]);
  });

  it('DOCX: sections "I –" to "VI –", sub-sections "a)", presentations with one or several presenters and slides', () => {
    expect(paragraphs('Heading1')).toEqual([
      `I – Le Comité Local des Usagers${NBSP}: quels sont ses objectifs${NNBSP}?`,
      'II – L’accueil en préfecture',
      'III – La délivrance de titres',
      'IV – La dématérialisation des procédures',
      'V – La communication à travers les réseaux web',
      'VI – La Direction Départementale de l’Emploi, du Travail et des Solidarités (DDETS)',
      'Conclusion',
      'Témoignage Pimms Médiation France Services Poitiers',
    ]);
    expect(paragraphs('Heading2')).toHaveLength(10);
    expect(paragraphs('Heading2')[0]).toBe('a) L’accueil physique');
    const presentations = paragraphs('CluPresentation').map((t) => t.replace(/\u00A0/g, ' '));
    expect(presentations).toContain('Présentation par Mme la Préfète (Diaporama page 3)');
    expect(presentations).toContain('Présentation par Mme SAUVAIRE (Diaporama pages 6 et 7)');
    expect(presentations).toContain('Présentation par Mme MASSÉ (Diaporama pages 8 à 10)');
    expect(presentations).toContain('Présentation par Mmes BRIONNET et MASSÉ (Diaporama pages 28 à 33)');
    expect(presentations).toContain('Présentation par Mme MASSE (Diaporama pages 34 à 37)');
  });

  it('DOCX: ✓ lists, exchanges, "no question" sentences, the closing, the signature, the annex on a new page', () => {
    const info = docx.paragraphInfo;
    const bullets = info.filter((p) => p.style === 'ListBullet');
    expect(bullets.length).toBe(6);
    expect(docx.part('word/numbering.xml')).toContain('<w:lvlText w:val="✓"/>');
    // A question keeps with what follows (its answer); remarks and answers are plain exchanges.
    expect(paragraphs('CluQuestion')).toContain(
      `Néanmoins, M.${NBSP}PREMPAIN demande si la préfecture envisage d’ouvrir l’accueil au public le samedi matin.`,
    );
    expect(paragraphs('CluExchange').some((t) => t.startsWith(`Mme${NBSP}SAUVAIRE indique que l’amplitude horaire`))).toBe(true);
    expect(docx.part('word/styles.xml')).toMatch(/<w:style [^>]*w:styleId="CluQuestion"[\s\S]*?<w:keepNext\/>[\s\S]*?<\/w:style>/);
    expect(paragraphs('CluNoQuestion')).toContain('Aucune observation ou question n’est formulée.');
    expect(paragraphs('CluClosing')).toEqual([
      'L’ordre du jour étant épuisé, aucune question ou remarque n’étant formulée, la séance est levée à 15h50.',
      `Mme${NBSP}la Préfète remercie les participants de la richesse des échanges et les convie à une prochaine session en 2022.`,
    ]);
    // The closing keeps with the signature: Word must not leave "La préfète," alone on a page.
    expect(docx.part('word/styles.xml')).toMatch(/<w:style [^>]*w:styleId="CluClosing"[\s\S]*?<w:keepNext\/>[\s\S]*?<\/w:style>/);
    const texts = docx.paragraphs.map((p) => p.text);
    const quality = texts.indexOf('La préfète,');
    expect(quality).toBeGreaterThan(0);
    expect(texts.slice(quality)).toContain('Chantal CASTELNOT');
    const annexStart = info.findIndex((p) => p.text === 'Comité local des usagers de la Préfecture de la Vienne');
    expect(info[annexStart]!.pageBreakBefore).toBe(true);
  });

  it('DOCX: real Word styles, French, widow control, different first page, PAGE/NUMPAGES, properties', () => {
    expect(docx.style('Heading1').outlineLevel).toBe(0);
    expect(docx.style('Heading2').outlineLevel).toBe(1);
    const styles = docx.part('word/styles.xml');
    expect(styles).toContain('<w:lang w:val="fr-FR"');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:widowControl\/>[\s\S]*<\/w:docDefaults>/);
    expect(docx.part('word/document.xml')).toContain('<w:titlePg/>');
    // A running header with the title from page 2 on; the first page has the letterhead instead.
    const headers = docx.names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => docx.part(n));
    expect(headers.filter((h) => h.includes('Compte rendu du Comité Local des Usagers'))).toHaveLength(1);
    const footers = docx.names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => docx.part(n)).join('');
    expect(footers).toContain('PAGE');
    expect(footers).toContain('NUMPAGES');
    const core = docx.part('docProps/core.xml');
    expect(core).toContain(`<dc:title>${REFERENCE_TITLE}</dc:title>`);
    expect(core).toContain('<dc:creator>Nathalie MASSÉ</dc:creator>');
    expect(core).toContain('2021-06-14T00:00:00Z');
  });

  it('typography: no-break spaces, guillemets, apostrophes, thousands, superscript ordinals', () => {
    const all = docx.paragraphs.map((p) => p.text).join('\n');
    expect(all).toContain(`109${NNBSP}016 appels en 2020 soit 32${NBSP}%`);
    expect(all).toContain(`association le «${NBSP}Toit du Monde${NBSP}»`);
    expect(all).not.toMatch(/[A-Za-zé]'[A-Za-zé]/);
    expect(all).not.toContain(' :');
    const xml = docx.part('word/document.xml');
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t[^>]*>er<\/w:t>/);
  });

  it('PDF: A4, every page numbered "N / total", title displayed, French, tagged headings and lists', async () => {
    expect(pdf.pageCount).toBeGreaterThanOrEqual(10);
    pdf.pages.forEach((page, i) => {
      expect(Math.round(page.width)).toBe(595);
      expect(Math.round(page.height)).toBe(842);
      expect(page.text.trimEnd().endsWith(`${i + 1} / ${pdf.pageCount}`)).toBe(true);
    });
    const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
    expect(plain(pdf.pages[0]!.text)).not.toMatch(/14h30\s*Page 1/);
    expect(plain(pdf.pages[1]!.text)).toMatch(/Compte rendu du Comité Local des Usagers du jeudi 6 mai 2021 à 14h30\s*Page 2 \/ \d+\s*$/);
    const raw = pdfBytes.toString('latin1');
    expect(pdfBytes.subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(raw).toContain('/Lang (fr-FR)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(raw.match(/\/FontFile2/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    const roles = pdf.pages.flatMap((p) => structNodes(p.struct).map((n) => n.role));
    expect(roles.filter((r) => r === 'H2').length).toBe(8);
    expect(roles.filter((r) => r === 'H3').length).toBe(10);
    expect(roles).toContain('L');
    expect(roles).toContain('LI');
    expect(pdf.info.Title).toBe(REFERENCE_TITLE);
  });

  it('PDF: text in reading order with its spaces', () => {
    const text = pdf.text.replace(/[\u00A0\u202F]/g, ' ');
    const order = ['PRÉFET', 'Poitiers, le 14 juin 2021', 'Présidence : Mme Chantal CASTELNOT', 'Participants :', 'I – Le Comité Local', 'La préfète,', 'Chantal CASTELNOT', 'Témoignage Pimms'];
    expectInOrder(text, order);
    expect(text).toContain('La préfecture a reçu 109 016 appels en 2020 soit 32 % de plus qu’en 2019.');
  });

  it('is reproducible: same bytes on a second render, in another process and another time zone', async () => {
    const again = await render(['--format', 'docx,pdf', reference]);
    expect(readFileSync(again.file('clu-vienne-2021-05-06.docx')).equals(docxBytes)).toBe(true);
    expect(readFileSync(again.file('clu-vienne-2021-05-06.pdf')).equals(pdfBytes)).toBe(true);
    const out = tmp('tz');
    const child = spawnSync(path.join(root, 'bin', 'clu'), ['render', '-o', out, reference], {
      env: { ...process.env, TZ: 'America/Los_Angeles', LANG: 'fr_FR.UTF-8' },
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    expect(readFileSync(path.join(out, 'clu-vienne-2021-05-06.docx')).equals(docxBytes)).toBe(true);
    expect(readFileSync(path.join(out, 'clu-vienne-2021-05-06.pdf')).equals(pdfBytes)).toBe(true);
  }, 120_000);

  it('takes its file dates from SOURCE_DATE_EPOCH when set', async () => {
    const r = await render(['--format', 'docx', reference], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(openDocx(readFileSync(r.file('clu-vienne-2021-05-06.docx'))).part('docProps/core.xml')).toContain('2023-11-14T22:13:20Z');
  });
});

describe('the "no question" sentence', () => {
  it('is written under every item without exchange when asked, and can be overridden per item', async () => {
    const points = [
      'sans_question_automatique: true',
      'points:',
      '  - titre: Budget',
      '    contenu:',
      '      - Le budget est présenté.',
      '  - titre: Travaux',
      '    contenu:',
      '      - question: "@bruno demande si les travaux commencent en mai."',
      '      - reponse: "@alice indique que oui."',
      '  - titre: Personnel',
      '    sans_question: false',
      '    contenu: [Point d’information.]',
      '  - titre: Divers',
      '    sans_question: Pas de question formulée pour ces deux points.',
      '    contenu: [Deux informations.]',
    ];
    const { dir, file } = baseMeetingWith('auto', points);
    const r = await runCli(['render', '--format', 'md', file]);
    expect(r.stderr).toBe('');
    const md = readFileSync(path.join(dir, 'auto.md'), 'utf8');
    const sections = md.split(/^## /m).slice(1);
    const noQuestion = 'Aucune observation ou question n’est formulée.';
    expect(sections[0]).toContain(noQuestion);
    expect(sections[1]).not.toContain(noQuestion);
    expect(sections[2]).not.toContain(noQuestion);
    expect(sections[3]).toContain('Pas de question formulée pour ces deux points.');
  });
});

describe('a deliberation', () => {
  it('holds its debate (questions, answers, lists) and names who voted against', async () => {
    const lines = [
      'points:',
      '  - titre: Budget',
      '    contenu:',
      '      - deliberation:',
      '          numero: "2024-01"',
      '          titre: Adoption du budget',
      '          rapporteur: alice',
      '          texte:',
      '            - "@alice présente le budget."',
      '            - question: "@bruno demande si les travaux sont financés."',
      '            - reponse: "@alice indique que oui."',
      '            - liste: [Fonctionnement, Investissement]',
      '          vote: { pour: 3, contre: 1, noms: { contre: [bruno] } }',
    ];
    const { dir, file } = baseMeetingWith('delib', lines);
    const r = await runCli(['render', '--format', 'md', file]);
    expect(r.stderr).toBe('');
    const md = readFileSync(path.join(dir, 'delib.md'), 'utf8').replace(/[\u00A0\u202F]/g, ' ');
    const order = ['Délibération n° 2024-01 – Adoption du budget', 'Rapporteur : Mme MARTIN', 'Mme MARTIN présente le budget.', 'M. LEFÈVRE demande si', 'Mme MARTIN indique que oui.', '- ✓ Fonctionnement', 'Adoptée par 3 voix pour et 1 voix contre.', 'Contre : M. LEFÈVRE.'];
    expectInOrder(md, order);
  });

  it('names one member not taking part in the singular, and words an opinion as such', async () => {
    const lines = [
      'points:',
      '  - titre: Budget',
      '    contenu:',
      '      - deliberation:',
      '          titre: Adoption du budget',
      '          vote: { pour: 3, ne_prend_pas_part: 1, noms: { ne_prend_pas_part: [bruno] } }',
      '      - deliberation:',
      '          titre: Avis sur le schéma',
      '          avis: true',
      '          vote: { pour: 3, contre: 1 }',
    ];
    const { dir, file } = baseMeetingWith('singular', lines);
    const r = await runCli(['render', '--format', 'md', file]);
    expect(r.stderr).toBe('');
    const md = readFileSync(path.join(dir, 'singular.md'), 'utf8').replace(/[\u00A0\u202F]/g, ' ');
    expectInOrder(md, ['Adoptée à l’unanimité.', 'Ne prend pas part au vote : M. LEFÈVRE.', 'Avis favorable par 3 voix pour et 1 voix contre.']);
  });
});

describe('the summary of commitments', () => {
  it('lists every commitment with who and when, before the signatures, when asked', async () => {
    const lines = [
      'releve_engagements: true',
      'points:',
      '  - titre: Budget',
      '    contenu:',
      '      - engagement: "La décomposition sera donnée à @bruno."',
      '        responsable: alice',
      '        echeance: 2024-03-27',
      '  - titre: Travaux',
      '    points:',
      '      - titre: École',
      '        contenu:',
      '          - engagement: Un devis sera demandé.',
      '            echeance: "2024"',
    ];
    const { dir, file } = baseMeetingWith('commit', lines);
    const r = await runCli(['render', '--format', 'docx', file]);
    expect(r.stderr).toBe('');
    const doc = openDocx(readFileSync(path.join(dir, 'commit.docx')));
    const texts = doc.paragraphs.map((p) => p.text.replace(/[\u00A0\u202F]/g, ' '));
    const at = texts.indexOf('Relevé des engagements');
    expect(at).toBeGreaterThan(0);
    expect(texts.slice(at + 1, at + 10)).toEqual([
      'Engagement', 'Responsable', 'Échéance',
      'La décomposition sera donnée à M. LEFÈVRE.', 'Mme MARTIN', '27 mars 2024',
      'Un devis sera demandé.', '', '2024',
    ]);
    expect(texts.indexOf('La présidente,')).toBeGreaterThan(at);
  });
});

describe('--pdfa', () => {
  it('produces PDF/A-2 with valid XMP, even with "&" in the title', async () => {
    const dir = tmp('pdfa');
    cpSync(path.join(root, 'test', 'fixtures'), dir, { recursive: true });
    const file = path.join(dir, 'ampersand.yaml');
    writeFileSync(
      file,
      readFileSync(path.join(dir, 'valid-base.yaml'), 'utf8').replace('document: { date: 2024-03-10 }', 'document: { date: 2024-03-10, titre: "Conseil & Bureau <extraordinaire>" }'),
    );
    const r = await runCli(['render', '--pdfa', '--format', 'pdf', file]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(path.join(dir, 'ampersand.pdf'));
    const xmp = xmpPacket(bytes)!;
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('Conseil &amp; Bureau &lt;extraordinaire&gt;');
    expect((await readPdf(bytes)).info.Title).toBe('Conseil & Bureau <extraordinaire>');
  });
});

describe('a logo supplied by the user', () => {
  it('stands at the top of the bloc-marque, in the PDF (tagged Figure with its alt text) and in the DOCX', async () => {
    const dir = tmp('logo');
    cpSync(path.join(root, 'test', 'fixtures'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'marianne.png'), pngBytes(40, 36));
    writeFileSync(
      path.join(dir, 'organisation.yaml'),
      'marque:\n  institution: [PRÉFET, DE LA VIENNE]\n  logo: { fichier: marianne.png, largeur: 50, alt: Marianne }\nservices: [Secrétariat Général Commun]\n',
    );
    const meeting = path.join(dir, 'with-logo.yaml');
    writeFileSync(meeting, readFileSync(path.join(dir, 'valid-base.yaml'), 'utf8').replace('composition:', 'organisation: organisation.yaml\ncomposition:'));
    const r = await runCli(['render', meeting]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pdfBytes = readFileSync(path.join(dir, 'with-logo.pdf'));
    expect(pdfBytes.toString('latin1')).toMatch(/\/Subtype \/Image/);
    const pdf = await readPdf(pdfBytes);
    const figure = structNodes(pdf.pages[0]!.struct).find((n) => n.role === 'Figure');
    expect(figure?.alt).toBe('Marianne');
    const doc = openDocx(readFileSync(path.join(dir, 'with-logo.docx')));
    expect(doc.names.some((n) => n.startsWith('word/media/'))).toBe(true);
    expect(doc.part('word/document.xml')).toMatch(/<wp:docPr [^>]*descr="Marianne"/);
  });
});

describe('templates', () => {
  it('clu template export writes a copy that renders the same document', async () => {
    const dir = path.join(tmp('tpl'), 'mon-modele');
    const exported = await runCli(['template', 'export', dir]);
    expect(exported.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['document.hbs', 'partials', 'template.json']);
    const builtin = await render(['--format', 'pdf', reference]);
    const custom = await render(['--format', 'pdf', '--template', dir, reference]);
    expect(readFileSync(custom.file('clu-vienne-2021-05-06.pdf')).equals(readFileSync(builtin.file('clu-vienne-2021-05-06.pdf')))).toBe(true);
    const again = await runCli(['template', 'export', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not empty');
  });

  it('an unknown field or helper in a template fails with the template file:line:col, exit 2', async () => {
    const dir = path.join(tmp('tpl-bad'), 'modele');
    await runCli(['template', 'export', dir]);
    const main = path.join(dir, 'partials', 'head.hbs');
    const source = readFileSync(main, 'utf8');
    const dateLine = source.split('\n').findIndex((l) => l.includes('ligne_date')) + 1;
    writeFileSync(main, source.replace('{{@root.document.ligne_date}}', '{{@root.document.ligne_dat}}'));
    const unknownField = await render(['--template', dir, reference]);
    expect(unknownField.code).toBe(2);
    expect(unknownField.stderr).toMatch(new RegExp(`head\\.hbs:${dateLine}:\\d+: unknown field "ligne_dat"`));
    expect(readdirSync(unknownField.out)).toEqual([]);

    writeFileSync(main, source.replace('{{@root.document.ligne_date}}', '{{majuscules @root.document.ligne_date}}'));
    const unknownHelper = await render(['--template', dir, reference]);
    expect(unknownHelper.code).toBe(2);
    expect(unknownHelper.stderr).toMatch(/head\.hbs:\d+:\d+: unknown helper "majuscules"/);

    writeFileSync(main, source);
    writeFileSync(path.join(dir, 'partials', 'point.hbs'), '<h{{niveau}}>{{titre}}</h{{niveau}}>\n{{#each points}}{{> point}}{{/each}}\n{{/if}}\n');
    const syntax = await render(['--template', dir, reference]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/partials\/point\.hbs:3:\d+: template syntax error/);
  });

  it('style.json points the fonts at an institution’s own TTF files, and refuses WOFF', async () => {
    const dir = path.join(tmp('fonts'), 'modele');
    await runCli(['template', 'export', dir]);
    const fontsDir = path.join(dir, 'polices');
    mkdirSync(fontsDir);
    // Stand-ins for an entitled administration's own files: the bundled TTFs under other names.
    const bundled = defaultFonts();
    for (const variant of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      cpSync(bundled[variant], path.join(fontsDir, `Maison-${variant}.ttf`));
    }
    const fonts = { family: 'Maison', regular: 'polices/Maison-regular.ttf', bold: 'polices/Maison-bold.ttf', italic: 'polices/Maison-italic.ttf', boldItalic: 'polices/Maison-boldItalic.ttf' };
    writeFileSync(path.join(dir, 'style.json'), JSON.stringify({ fonts, styles: { heading1: { color: 'E1000F' } } }));
    const r = await render(['--template', dir, '--format', 'docx', reference]);
    expect(r.code).toBe(0);
    const doc = openDocx(readFileSync(r.file('clu-vienne-2021-05-06.docx')));
    expect(doc.part('word/styles.xml')).toContain('w:ascii="Maison"');
    expect(doc.part('word/styles.xml')).toContain('E1000F');

    writeFileSync(path.join(dir, 'style.json'), JSON.stringify({ fonts: { regular: 'polices/Maison.woff' } }));
    const woff = await render(['--template', dir, reference]);
    expect(woff.code).toBe(2);
    expect(woff.stderr).toContain('fonts must be TTF or OTF files');
  });

  it('the procès-verbal template with the conseil-municipal house style: legal formula, counts line, quorum, secretary, proxies, votes, two signatories', async () => {
    const r = await render(['--template', 'proces-verbal', '--format', 'docx', council]);
    expect(r.code).toBe(0);
    const doc = openDocx(readFileSync(r.file('conseil-2024-03-28.docx')));
    const texts = doc.paragraphs.map((p) => p.text.replace(/[\u00A0\u202F]/g, ' '));
    expect(texts).toContain('Procès-verbal de la séance du Conseil municipal du jeudi 28 mars 2024');
    expect(texts).toContain('Conseillers en exercice : 27 – Présents : 19 – Représentés : 6 – Votants : 25');
    expect(texts).toContain(
      'L’an deux mille vingt-quatre, le vingt-huit mars, à vingt heures trente, le Conseil municipal, légalement convoqué le 21 mars 2024, s’est réuni en salle du conseil municipal, à la mairie de Saint-Aubin-sur-Loire, sous la présidence de M. Philippe GAUTHIER, maire.',
    );
    expect(texts).toContain('Le quorum étant atteint (19 membres présents pour 14 requis), le Conseil municipal peut valablement délibérer.');
    expect(texts).toContain('Mme Élodie RENAUD est désignée secrétaire de séance, conformément à l’article L. 2121-15 du CGCT.');
    expect(texts).toContain('Mme Valérie BONNET donne pouvoir à Mme Sylvie FONTAINE ;');
    expect(texts).toContain('Adoptée par 20 voix pour et 5 voix contre.');
    expect(texts).toContain('Contre : M. LACROIX, Mme MERCIER, Mme DUPUIS, M. FLEURY, M. ROUSSEL.');
    // The text's last paragraph keeps with the result, which never opens a page alone.
    const result = texts.indexOf('Adoptée par 20 voix pour et 5 voix contre.');
    expect(doc.paragraphs[result - 1]!.style).toBe('CluBodyKeep');
    expect(texts).toContain('Ne prennent pas part au vote : Mme BARBIER, M. BRUNET.');
    expect(texts).not.toContain('Adoptée à l’unanimité. 2 membres ne prennent pas part au vote.');
    expect(texts).toContain('Adoptée à l’unanimité des suffrages exprimés (5 abstentions).');
    expect(texts).toContain('Le maire,');
    expect(texts).toContain('La secrétaire de séance,');
    expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)[0]).toBe('1. Approbation du procès-verbal de la séance du 15 février 2024');
  });
});

describe('clu render on the command line', () => {
  it('defaults to DOCX and PDF next to the input, and prints the paths', async () => {
    const dir = tmp('next-to');
    cpSync(examples, dir, { recursive: true });
    const inDir = await runCli(['render', path.join(dir, 'clu-vienne-2022-05-12.yaml')]);
    expect(inDir.code).toBe(0);
    expect(inDir.stdout).toBe(`${path.join(dir, 'clu-vienne-2022-05-12.docx')}\n${path.join(dir, 'clu-vienne-2022-05-12.pdf')}\n`);
    expect(existsSync(path.join(dir, 'clu-vienne-2022-05-12.pdf'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('validates first: an invalid file renders nothing and gives the same diagnostics as clu validate', async () => {
    const bad = path.join(root, 'test', 'fixtures', 'invalid', 'end-before-start.yaml');
    const r = await render([reference, bad]);
    expect(r.code).toBe(1);
    expect(readdirSync(r.out)).toEqual([]);
    const v = await runCli(['validate', bad]);
    const diagnosticsOnly = (text: string) => text.split('\n').filter((line) => !/\(\d+ files?\)$/.test(line)).join('\n');
    expect(diagnosticsOnly(r.stderr)).toBe(diagnosticsOnly(v.stderr));
    expect(r.stderr).toContain('1 error, 0 warnings (2 files)');
  });

  it('refuses to overwrite its input', async () => {
    const dir = tmp('overwrite');
    cpSync(path.join(root, 'test', 'fixtures'), dir, { recursive: true });
    const odd = path.join(dir, 'seance.md');
    cpSync(path.join(dir, 'valid-base.yaml'), odd);
    const before = readFileSync(odd);
    const r = await runCli(['render', '--format', 'md', odd]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite the input file');
    expect(readFileSync(odd).equals(before)).toBe(true);
  });

  it('shows progress on a terminal when rendering several files, and not when piped', async () => {
    const files = ['clu-vienne-2022-05-12.yaml', 'clu-vienne-2023-06-01.yaml'].map((f) => path.join(examples, f));
    const tty = await render(['--format', 'md', ...files], { tty: true, env: { NO_COLOR: '1' } });
    expect(tty.stderr).toContain('[1/2]');
    expect(tty.stderr).toContain('[2/2]');
    const piped = await render(['--format', 'md', ...files]);
    expect(piped.stderr).toBe('');
  });

  it('rejects an unknown format with exit 2', async () => {
    const r = await render(['--format', 'odt', reference]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "odt"');
  });
});
