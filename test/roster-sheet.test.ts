// `clu roster --sheet`: the sign-in sheet as PDF and DOCX, from a meeting file or from a composition
// file with --date/--heure/--lieu. The text is read back from the files the command wrote.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { normalizeSpaces, readPdf } from './support/pdf.js';
import { openDocx } from './support/docx.js';
import { parse } from 'yaml';

const root = path.join(import.meta.dirname, '..');
const example = (name: string) => path.join(root, 'examples', name);
const REFERENCE = example('clu-vienne-2021-05-06.yaml');
const COMPOSITION = example('clu-vienne.composition.yaml');
const outDir = () => mkdtempSync(path.join(tmpdir(), 'clu-sheet-'));

/** Every member as the composition writes them ("Mme Chantal CASTELNOT"), read from the YAML, not through clu. */
function memberNames(): string[] {
  const members = (parse(readFileSync(COMPOSITION, 'utf8')) as { membres: Record<string, { civilite: string; prenom: string; nom: string }> }).membres;
  return Object.values(members).map((m) => `${m.civilite} ${m.prenom} ${m.nom}`);
}

describe('clu roster --sheet', () => {
  it('from a meeting: a PDF and a DOCX with the body, the day, every member and a Signature column', async () => {
    const dir = outDir();
    const r = await runCli(['roster', '--sheet', '-o', dir, REFERENCE]);
    expect(r.code).toBe(0);
    const written = r.stdout.trim().split('\n');
    expect(written.map((f) => path.basename(f))).toEqual(['clu-vienne-2021-05-06.emargement.pdf', 'clu-vienne-2021-05-06.emargement.docx']);
    for (const f of written) expect(existsSync(path.resolve(f))).toBe(true);

    const pdf = await readPdf(readFileSync(path.join(dir, 'clu-vienne-2021-05-06.emargement.pdf')));
    const text = normalizeSpaces(pdf.text);
    expect(text).toContain('Feuille d’émargement');
    expect(text).toContain('Comité Local des Usagers (CLU)');
    expect(text).toContain('Séance du jeudi 6 mai 2021 à 14h30, en audioconférence');
    expect(text).toContain('PRÉFET DE LA VIENNE');
    expect(text).toContain('Nom Fonction Signature');
    expect(text).toContain('Représentants des services de l’Etat');
    expect(text).toContain('Invités et autres participants');
    expect(text).toContain('présidence');
    const names = memberNames();
    expect(names).toHaveLength(47);
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('cheffe de bureau du séjour et de l’asile');

    const docx = openDocx(readFileSync(path.join(dir, 'clu-vienne-2021-05-06.emargement.docx')));
    const paragraphs = docx.paragraphs.map((p) => normalizeSpaces(p.text));
    expect(paragraphs).toContain('Feuille d’émargement');
    expect(paragraphs).toContain('Séance du jeudi 6 mai 2021 à 14h30, en audioconférence');
    expect(paragraphs.filter((p) => p === 'Signature').length).toBeGreaterThanOrEqual(3);
    for (const name of names) expect(paragraphs.some((p) => p.startsWith(name))).toBe(true);
  });

  it('rows are tall enough to sign: at least 1,2 cm between two members', async () => {
    const dir = outDir();
    await runCli(['roster', '--sheet', '--sheet-format', 'pdf', '-o', dir, REFERENCE]);
    expect(readdirSync(dir)).toEqual(['clu-vienne-2021-05-06.emargement.pdf']);
    const pdf = await readPdf(readFileSync(path.join(dir, 'clu-vienne-2021-05-06.emargement.pdf')));
    const page = pdf.pages.find((p) => p.items.some((i) => i.str.includes('PASTOUREAU')))!;
    const y = (needle: string) => page.items.find((i) => i.str.includes(needle))!.y;
    expect(y('PASTOUREAU') - y('ROSE')).toBeGreaterThanOrEqual(34);
    expect(y('AUDOUIN') - y('PASTOUREAU')).toBeGreaterThanOrEqual(34);
  });

  it('from a composition alone, before the meeting: --date (weekday computed), --heure, --lieu', async () => {
    const dir = outDir();
    const r = await runCli(['roster', '--sheet', '--date', '2024-05-02', '--heure', '14h30', '--lieu', 'Préfecture de la Vienne, salle Jean Moulin', '-o', dir, COMPOSITION]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((f) => path.basename(f))).toEqual(['clu-vienne-2024-05-02.emargement.pdf', 'clu-vienne-2024-05-02.emargement.docx']);
    const text = normalizeSpaces((await readPdf(readFileSync(path.join(dir, 'clu-vienne-2024-05-02.emargement.pdf')))).text);
    expect(text).toContain('Séance du jeudi 2 mai 2024 à 14h30');
    expect(text).toContain('Lieu : Préfecture de la Vienne, salle Jean Moulin');
    expect(text).toContain('Mme Chantal CASTELNOT');
    expect(text).toContain('M. Jacky ROY');
    expect(text).toContain('Signature');
    const first = await runCli(['roster', '--sheet', '--sheet-format', 'docx', '--date', '2024-06-01', '-o', dir, COMPOSITION]);
    expect(first.code).toBe(0);
    const docx = openDocx(readFileSync(path.join(dir, 'clu-vienne-2024-06-01.emargement.docx')));
    expect(docx.paragraphs.map((p) => normalizeSpaces(p.text))).toContain('Séance du samedi 1er juin 2024');
  });

  it('a composition needs --date; bad dates, times and formats are usage errors (exit 2)', async () => {
    const dir = outDir();
    const noDate = await runCli(['roster', '--sheet', '-o', dir, COMPOSITION]);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toContain('--date');
    expect((await runCli(['roster', '--sheet', '--date', '2024-02-30', '-o', dir, COMPOSITION])).code).toBe(2);
    expect((await runCli(['roster', '--sheet', '--date', '2024-02-03', '--heure', '25h', '-o', dir, COMPOSITION])).code).toBe(2);
    expect((await runCli(['roster', '--sheet', '--sheet-format', 'odt', '-o', dir, REFERENCE])).code).toBe(2);
    expect((await runCli(['roster', '--sheet', '--format', 'csv', '-o', dir, REFERENCE])).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an invalid meeting gives its diagnostics and no sheet (exit 1)', async () => {
    const dir = outDir();
    const r = await runCli(['roster', '--sheet', '-o', dir, path.join(root, 'test', 'fixtures', 'invalid', 'unknown-id.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[unknown-id]');
    expect(readdirSync(dir)).toEqual([]);
  });
});
