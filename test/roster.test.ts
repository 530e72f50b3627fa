// `clu roster`: counts per category on the reference, rows and counts against hand-counted figures, every output
// format (table, CSV, JSON, Markdown), the cross-meeting matrix and its absence flags, exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { Reporter } from '../src/validate/diagnostic.js';
import { validateMeeting } from '../src/validate/validate.js';
import { buildRoster } from '../src/roster/model.js';
import { absenceRuns } from '../src/roster/matrix.js';
import { toCsv } from '../src/roster/format-csv.js';
import { parseCsv } from './support/csv.js';

const root = path.join(import.meta.dirname, '..');
const example = (name: string) => path.join(root, 'examples', name);
const REFERENCE = example('clu-vienne-2021-05-06.yaml');
const CLU = ['clu-vienne-2021-05-06.yaml', 'clu-vienne-2022-05-12.yaml', 'clu-vienne-2023-06-01.yaml'].map(example);
const CONSEIL = example('conseil-municipal/conseil-2024-03-28.yaml');
const ANSI = /\x1b\[/;

interface CountsJson {
  inOffice: number;
  present: number;
  represented: number;
  excused: number;
  absent: number;
  voters: number;
}
interface RosterJson {
  version: number;
  kind: string;
  members: { id: string; name: string; category: string; state: string; code: string; holder: { id: string } | null; roles: string[]; fonction: string | null; nom: string }[];
  guests: { id: string }[];
  counts: {
    total: CountsJson;
    byCategory: (CountsJson & { id: string; label: string })[];
    guests: number;
    attendanceRate: number;
    quorum: null | { required: number; counted: number; reached: boolean; margin: number; rule: unknown };
  };
}

const counts = (inOffice: number, present: number, represented: number, excused: number, absent: number, voters: number): CountsJson => ({
  inOffice, present, represented, excused, absent, voters,
});
/**
 * The counts of each example, tallied by hand from its `presences` and the composition's categories
 * (excused includes represented; every member votes, so voters = present + represented). The chair of the
 * CLU has no category ('').
 */
const COUNTS: Record<string, { total: CountsJson; byCategory: Record<string, CountsJson> }> = {
  [CLU[0]!]: {
    total: counts(47, 26, 7, 15, 6, 33),
    byCategory: { etat: counts(17, 13, 4, 4, 0, 17), usagers: counts(29, 12, 3, 11, 6, 15), '': counts(1, 1, 0, 0, 0, 1) },
  },
  [CLU[1]!]: {
    total: counts(47, 25, 6, 20, 2, 31),
    byCategory: { etat: counts(17, 11, 3, 6, 0, 14), usagers: counts(29, 13, 3, 14, 2, 16), '': counts(1, 1, 0, 0, 0, 1) },
  },
  [CLU[2]!]: {
    total: counts(47, 26, 5, 19, 2, 31),
    byCategory: { etat: counts(17, 11, 3, 6, 0, 14), usagers: counts(29, 14, 2, 13, 2, 16), '': counts(1, 1, 0, 0, 0, 1) },
  },
  [CONSEIL]: {
    total: counts(27, 19, 6, 6, 2, 25),
    byCategory: { executif: counts(8, 7, 1, 1, 0, 8), conseillers: counts(19, 12, 5, 5, 2, 17) },
  },
};

async function rosterJson(file: string): Promise<RosterJson> {
  const r = await runCli(['roster', '--format', 'json', file]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as RosterJson;
}

function resolve(file: string) {
  const reporter = new Reporter('en');
  const resolved = validateMeeting(file, reporter);
  expect(reporter.errorCount).toBe(0);
  return resolved!;
}

describe('clu roster: one meeting', () => {
  it('the reference: 13 + 12 present, 4 + 11 excused of whom 4 + 3 represented, 0 + 6 absent, and the chair', async () => {
    const json = await rosterJson(REFERENCE);
    const by = Object.fromEntries(json.counts.byCategory.map((c) => [c.id, c]));
    expect(by.etat).toMatchObject({ inOffice: 17, present: 13, excused: 4, represented: 4, absent: 0, voters: 17 });
    expect(by.usagers).toMatchObject({ inOffice: 29, present: 12, excused: 11, represented: 3, absent: 6, voters: 15 });
    expect(by['']).toMatchObject({ label: 'Présidence', inOffice: 1, present: 1, excused: 0, absent: 0 });
    expect(json.counts.total).toEqual({ inOffice: 47, present: 26, represented: 7, excused: 15, absent: 6, voters: 33 });
    expect(json.counts.attendanceRate).toBeCloseTo(26 / 47, 10);
    expect(json.counts.quorum).toBeNull();
    const chair = json.members.find((m) => m.id === 'castelnot')!;
    expect(chair).toMatchObject({ state: 'present', roles: ['chair'], category: '' });
    expect(json.members.find((m) => m.id === 'jouteux')).toMatchObject({ state: 'represented', code: 'R', holder: { id: 'brionnet' } });
    expect(json.members.find((m) => m.id === 'benteyn')).toMatchObject({ state: 'absent', code: 'A' });
    expect(json.members.find((m) => m.id === 'chatain')).toMatchObject({ state: 'excused', code: 'E', holder: null });
  });

  it('the rows and the counts are one model: the figures counted by hand in each example, from the rows and in the counts', () => {
    for (const [file, expected] of Object.entries(COUNTS)) {
      const roster = buildRoster(resolve(file));
      expect(roster.counts.total, file).toEqual(expected.total);
      expect(Object.fromEntries(roster.counts.byCategory), file).toEqual(expected.byCategory);
      for (const [category, c] of Object.entries(expected.byCategory)) {
        const rows = roster.members.filter((m) => m.category === category);
        const where = `${path.basename(file)} ${category || '(none)'}`;
        expect(rows.length, where).toBe(c.inOffice);
        expect(rows.filter((m) => m.counted === 'present').length, where).toBe(c.present);
        expect(rows.filter((m) => m.counted === 'represented').length, where).toBe(c.represented);
        expect(rows.filter((m) => m.counted === 'represented' || m.counted === 'excused').length, where).toBe(c.excused);
        expect(rows.filter((m) => m.counted === 'absent').length, where).toBe(c.absent);
      }
    }
  });

  it('a readable table: states with agreement, representation, the chair, the counts line', async () => {
    const r = await runCli(['roster', REFERENCE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toContain('séance du jeudi 6 mai 2021, 14h30 – 15h50, en audioconférence');
    expect(out).toMatch(/Mme Chantal CASTELNOT +présente +présidence +Préfète de la Vienne/);
    expect(out).toMatch(/Mme Anne-Laure JOUTEUX +représentée +par Mme Nathalie BRIONNET/);
    expect(out).toMatch(/Mme Nathalie BRIONNET +présente +représente Mme Anne-Laure JOUTEUX/);
    expect(out).toMatch(/M\. Gilles CHATAIN +excusé +délégué/);
    expect(out).toMatch(/Mme Christine DAUGÉ +absente /);
    expect(out).toMatch(/Représentants des services de l'Etat +17 +13 +4 +4 +0 +17 +76,5\u00a0%/);
    expect(out).toMatch(/Représentants des usagers +29 +12 +11 +3 +6 +15 +41,4\u00a0%/);
    expect(out).toMatch(/Total +47 +26 +15 +7 +6 +33 +55,3\u00a0%/);
    expect(out).toContain('Quorum : aucune règle définie');
  });

  it('colour on a terminal only, never with a non-empty NO_COLOR or when piped', async () => {
    const piped = await runCli(['roster', REFERENCE], { tty: false });
    expect(piped.stdout).not.toMatch(ANSI);
    const tty = await runCli(['roster', REFERENCE], { tty: true, env: { LANG: 'C' } });
    expect(tty.stdout).toMatch(ANSI);
    const noColor = await runCli(['roster', REFERENCE], { tty: true, env: { LANG: 'C', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(ANSI);
    expect(noColor.stdout).toBe(piped.stdout);
    // An empty NO_COLOR is ignored (https://no-color.org).
    const matrix = await runCli(['roster', ...CLU], { tty: true, env: { LANG: 'C', NO_COLOR: '' } });
    expect(matrix.stdout).toMatch(ANSI);
  });

  it('the quorum when the body defines it, with proxies and the secretary', async () => {
    const json = await rosterJson(CONSEIL);
    expect(json.counts.quorum).toEqual({ rule: { fraction: 0.5, strict: true, pouvoirs: false }, base: 27, required: 14, counted: 19, reached: true, margin: 5 });
    expect(json.counts.total).toEqual({ inOffice: 27, present: 19, represented: 6, excused: 6, absent: 2, voters: 25 });
    expect(json.members.find((m) => m.id === 'blanchard')).toMatchObject({ state: 'proxy', code: 'R', holder: { id: 'moreau' } });
    expect(json.members.find((m) => m.id === 'renaud')?.roles).toEqual(['secretary']);
    const table = (await runCli(['roster', CONSEIL])).stdout;
    expect(table).toContain('Quorum atteint\u00a0: 19 membres comptés pour 14 requis (5 de plus que le minimum).');
    expect(table).toContain('plus de la moitié des 27 membres en exercice, présents seuls, pouvoirs non comptés');
    expect(table).toMatch(/Mme Élodie RENAUD +présente +secrétaire de séance/);
    expect(table).toMatch(/M\. Laurent MOREAU +présent +détient le pouvoir de/);
  });

  it('a quorum not met, by how much; members with a consultative vote apart and not among voters', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-roster-'));
    const file = path.join(dir, 'bureau.yaml');
    writeFileSync(
      file,
      `composition:
  instance: { nom: Bureau, quorum: { fraction: 0.5, strict: false, pouvoirs: true } }
  categories: { elus: Élus }
  membres:
    alice: { civilite: Mme, prenom: Alice, nom: Martin, categorie: elus }
    bruno: { civilite: M., prenom: Bruno, nom: Durand, categorie: elus }
    chloe: { civilite: Mme, prenom: Chloé, nom: Petit, categorie: elus }
    david: { civilite: M., prenom: David, nom: Roux, categorie: elus }
    emma: { civilite: Mme, prenom: Emma, nom: Blanc, categorie: elus }
    fanny: { civilite: Mme, prenom: Fanny, nom: Noir, categorie: elus, voix: consultative }
document: { date: 2024-01-10 }
seance: { date: 2024-01-10, debut: 18h, presidence: alice }
presences:
  presents: [alice, fanny]
  excuses: [{ id: bruno, pouvoir_a: alice }, chloe]
  absents: [david, emma]
`,
    );
    const r = await runCli(['roster', '--format', 'json', file]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as RosterJson;
    // 5 voting members: at least half is 3; alice present + bruno represented = 2.
    expect(json.counts.quorum).toMatchObject({ base: 5, required: 3, counted: 2, reached: false, margin: -1 });
    // Consultative members are not in office unless the body says so (instance.consultatifs_en_exercice):
    // the counts and the quorum use the same base.
    expect(json.counts.total).toEqual({ inOffice: 5, present: 1, represented: 1, excused: 2, absent: 2, voters: 2 });
    const table = (await runCli(['roster', file])).stdout;
    expect(table).toContain('Quorum non atteint\u00a0: 2 membres comptés pour 3 requis (il en manque 1).');
    expect(table).toContain('au moins la moitié des 5 membres à voix délibérative en exercice, présents et représentés comptés');
    expect(table).toMatch(/Membres à voix consultative \(1\)\n {2}Mme Fanny NOIR +présente/);
    expect(table).toMatch(/Élus \(5\)\n {2}Mme Alice MARTIN +présente +présidence ; détient le pouvoir de M\. Bruno DURAND/);
    expect(table).toMatch(/M\. Bruno DURAND +pouvoir donné +à Mme Alice MARTIN/);
  });

  it('guests apart from members', async () => {
    const json = await rosterJson(CLU[1]!);
    expect(json.guests.map((g) => g.id)).toEqual(['garnier']);
    expect(json.members.some((m) => m.id === 'garnier')).toBe(false);
    expect(json.counts.guests).toBe(1);
    const table = (await runCli(['roster', CLU[1]!])).stdout;
    expect(table).toMatch(/Invités \(1\)\n {2}M\. Romain GARNIER +invité /);
  });
});

describe('clu roster: formats', () => {
  it('JSON: stable documented shape with a version', async () => {
    const json = await rosterJson(REFERENCE);
    expect(Object.keys(json)).toEqual(['version', 'kind', 'instance', 'meeting', 'categories', 'members', 'guests', 'counts']);
    expect(json.version).toBe(1);
    expect(json.kind).toBe('roster');
    expect(json.members).toHaveLength(47);
    expect(Object.keys(json.members[0]!)).toEqual([
      'id', 'civilite', 'prenom', 'nom', 'name', 'fonction', 'category', 'voting', 'state', 'code', 'holder', 'holds', 'roles', 'listed',
    ]);
    expect(Object.keys(json.counts)).toEqual(['total', 'byCategory', 'guests', 'attendanceRate', 'quorum']);
    // Same input, same bytes.
    const again = await runCli(['roster', '--format', 'json', REFERENCE]);
    expect(again.stdout).toBe(JSON.stringify(json, null, 2) + '\n');
  });

  it('CSV for a French spreadsheet (--excel): BOM, ";", CRLF, and it round-trips with the accents', async () => {
    const r = await runCli(['roster', '--excel', REFERENCE]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFCatégorie;Identifiant;')).toBe(true);
    const rows = parseCsv(r.stdout.slice(1), ';');
    const [header, ...body] = rows;
    expect(header).toEqual(['Catégorie', 'Identifiant', 'Civilité', 'Prénom', 'Nom', 'Fonction', 'Voix', 'Code', 'État', 'Représenté(e) par / pouvoir à', 'Rôle']);
    expect(body).toHaveLength(47);
    expect(body.every((row) => row.length === header!.length)).toBe(true);
    const json = await rosterJson(REFERENCE);
    const byId = new Map(body.map((row) => [row[1], row]));
    for (const m of json.members) {
      const row = byId.get(m.id)!;
      expect(row[4]).toBe(m.nom);
      expect(row[5]).toBe(m.fonction ?? '');
      expect(row[7]).toBe(m.code);
    }
    expect(byId.get('masse_nathalie')!.slice(2, 5)).toEqual(['Mme', 'Nathalie', 'MASSÉ']);
    expect(byId.get('castelnot')!.slice(5)).toEqual(['Préfète de la Vienne', 'délibérative', 'P', 'présente', '', 'présidence']);
    expect(byId.get('jouteux')![9]).toBe('Mme Nathalie BRIONNET');
    // The bytes are UTF-8: "é" is C3 A9, and the BOM EF BB BF.
    const bytes = Buffer.from(r.stdout, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('CSV default: "," separators, quoted fields that hold one, no BOM; matrix rates with a decimal comma under --excel', async () => {
    const r = await runCli(['roster', '--format', 'csv', REFERENCE]);
    expect(r.stdout.startsWith('Catégorie,')).toBe(true);
    expect(r.stdout).toContain('"chargé de communication, mission locale rurale centre Sud Vienne"');
    const rows = parseCsv(r.stdout, ',');
    expect(rows.find((row) => row[1] === 'bergerolle')![5]).toBe('chargé de communication, mission locale rurale centre Sud Vienne');
    const matrix = await runCli(['roster', '--excel', ...CLU]);
    const m = parseCsv(matrix.stdout.slice(1), ';');
    const rose = m.find((row) => row[1] === 'rose')!;
    expect(rose.slice(5, 8)).toEqual(['P', 'E', 'P']);
    expect(rose[12]).toBe('66,7');
  });

  it('RFC 4180 quoting: separators, quotes and line breaks survive a round trip', () => {
    const data = [
      ['a;b', 'say "hi"', 'line\nbreak', 'plain', 'r\u00e9sum\u00e9'],
      ['', ' lead', 'trail ', ',', '"'],
    ];
    for (const separator of [';', ',', '\t']) {
      const text = toCsv(data, { separator, bom: false, decimalComma: false });
      expect(parseCsv(text, separator)).toEqual(data);
    }
    expect(toCsv([[55.3]], { separator: ';', bom: true, decimalComma: true })).toBe('\uFEFF55,3\r\n');
  });

  it('Markdown: GFM tables with a separator row and the same number of cells on every row', async () => {
    const r = await runCli(['roster', '--format', 'md', REFERENCE]);
    const tables = r.stdout.split('\n\n').filter((chunk) => chunk.startsWith('|'));
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const table of tables) {
      const lines = table.trim().split('\n');
      expect(lines[1]).toMatch(/^\|( :?---:? \|)+$/);
      const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
      expect(new Set(lines.map(cells)).size).toBe(1);
    }
    expect(r.stdout).toContain('| **Mme Chantal CASTELNOT** | présente | présidence | Préfète de la Vienne |');
    expect(r.stdout).toContain('| **Total** | **47** | **26** | **15** | **7** | **6** | **33** | **55,3\u00a0%** |');
    expect(r.stdout).not.toMatch(ANSI);
  });
});

describe('clu roster: across meetings', () => {
  it('the member × meeting matrix, in date order whatever the order of the files, matched by id', async () => {
    const r = await runCli(['roster', '--format', 'json', CLU[2]!, CLU[0]!, CLU[1]!]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      version: number;
      kind: string;
      meetings: { date: string; counts: { total: CountsJson } }[];
      members: { id: string; cells: string[]; tally: Record<string, number>; attendanceRate: number; absenceRuns: { from: string; to: string; length: number }[] }[];
      alerts: { id: string; from: string; to: string; length: number }[];
    };
    expect(json.kind).toBe('matrix');
    expect(json.version).toBe(1);
    expect(json.meetings.map((m) => m.date)).toEqual(['2021-05-06', '2022-05-12', '2023-06-01']);
    const member = (id: string) => json.members.find((m) => m.id === id)!;
    expect(member('benteyn').cells).toEqual(['A', 'A', 'A']);
    expect(member('benteyn').attendanceRate).toBe(0);
    expect(member('charmes').cells).toEqual(['P', 'A', 'A']);
    expect(member('jouteux').cells).toEqual(['R', 'P', 'R']);
    expect(member('dauge').cells).toEqual(['A', 'P', 'E']);
    expect(member('rose').tally).toEqual({ P: 2, R: 0, E: 1, A: 0 });
    expect(member('rose').attendanceRate).toBeCloseTo(2 / 3, 10);
    expect(json.alerts).toEqual([
      { id: 'charmes', name: 'M. Julien CHARMES', from: '2022-05-12', to: '2023-06-01', length: 2 },
      { id: 'benteyn', name: 'M. Thierry BENTEYN', from: '2021-05-06', to: '2023-06-01', length: 3 },
    ]);
    // The per-meeting totals are the single-meeting counts, tallied by hand (COUNTS).
    expect(json.meetings.map((m) => m.counts.total)).toEqual(CLU.map((file) => COUNTS[file]!.total));
  });

  it('the matrix table: legend, rates and flags; --consecutive raises the threshold', async () => {
    const r = await runCli(['roster', ...CLU]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/M\. Thierry BENTEYN +A +A +A +0\/3 +0\u00a0% +⚠ 3 absences consécutives/);
    expect(r.stdout).toMatch(/M\. Julien CHARMES +P +A +A +1\/3 +33,3\u00a0% +⚠ 2 absences consécutives/);
    expect(r.stdout).toMatch(/Mme Christine DAUGÉ +A +P +E +1\/3 +33,3\u00a0%\n/);
    expect(r.stdout).toContain('Légende : P présent(e) – R représenté(e) ou pouvoir donné – E excusé(e) – A absent(e) sans excuse');
    expect(r.stdout).toContain('M. Thierry BENTEYN : absent sans excuse à 3 séances consécutives, du 6 mai 2021 au 1er juin 2023');
    const three = await runCli(['roster', '--consecutive', '3', '--format', 'json', ...CLU]);
    expect((JSON.parse(three.stdout) as { alerts: { id: string }[] }).alerts.map((a) => a.id)).toEqual(['benteyn']);
  });

  it('consecutive runs are found in date order, at the start, the middle and the end', () => {
    expect(absenceRuns(['A', 'A', 'P', 'A', 'A', 'A'], 2)).toEqual([
      { start: 0, end: 1, length: 2 },
      { start: 3, end: 5, length: 3 },
    ]);
    expect(absenceRuns(['A', 'E', 'A', 'R', 'A'], 2)).toEqual([]);
    expect(absenceRuns(['P', 'A'], 1)).toEqual([{ start: 1, end: 1, length: 1 }]);
  });

  it('exit 2 with a clear message when the meetings do not share a composition', async () => {
    const r = await runCli(['roster', REFERENCE, CONSEIL]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('does not share the composition of');
    expect(r.stderr).toContain('"Conseil municipal" instead of "Comité Local des Usagers"');
    const fr = await runCli(['roster', REFERENCE, CONSEIL], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.stderr).toContain('n’a pas la même composition que');
  });

  it('inline compositions: same body and member ids match (by id, even when a name changes); other ids do not', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-roster-'));
    const meeting = (date: string, nomB: string, extra = '') => `composition:
  instance: { nom: Bureau }
  membres:
    alice: { civilite: Mme, prenom: Alice, nom: Martin }
    bruno: { civilite: M., prenom: Bruno, nom: ${nomB} }
${extra}document: { date: ${date} }
seance: { date: ${date}, debut: 18h, presidence: alice }
presences:
  presents: [alice]
  absents: [bruno]
`;
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    const c = path.join(dir, 'c.yaml');
    writeFileSync(a, meeting('2024-01-10', 'Durand'));
    writeFileSync(b, meeting('2024-02-10', 'Durand-Leroy'));
    writeFileSync(c, meeting('2024-03-10', 'Durand', '    chloe: { civilite: Mme, prenom: Chloé, nom: Petit }\n').replace('absents: [bruno]', 'absents: [bruno, chloe]'));
    const r = await runCli(['roster', '--format', 'json', a, b]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { members: { id: string; cells: string[] }[]; alerts: { id: string }[] };
    expect(json.members.map((m) => [m.id, m.cells])).toEqual([
      ['alice', ['P', 'P']],
      ['bruno', ['A', 'A']],
    ]);
    expect(json.alerts.map((x) => x.id)).toEqual(['bruno']);
    const mismatch = await runCli(['roster', a, c]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('extra members: chloe');
  });
});

describe('clu roster: errors and usage', () => {
  it('validates first: errors go to stderr as clu validate prints them, exit 1, nothing on stdout', async () => {
    const r = await runCli(['roster', path.join(root, 'test', 'fixtures', 'invalid', 'unknown-id.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[unknown-id]');
    expect(r.stderr).toContain('1 error');
  });

  it('a composition file without --sheet, and CSV options with another format, are usage errors (exit 2)', async () => {
    const composition = await runCli(['roster', example('clu-vienne.composition.yaml')]);
    expect(composition.code).toBe(2);
    expect(composition.stderr).toContain('is a composition file');
    expect((await runCli(['roster', '--format', 'json', '--excel', REFERENCE])).code).toBe(2);
    expect((await runCli(['roster', '--format', 'xml', REFERENCE])).code).toBe(2);
    expect((await runCli(['roster', '--consecutive', '0', ...CLU])).code).toBe(2);
    expect((await runCli(['roster', '--date', '2024-01-01', REFERENCE])).code).toBe(2);
  });

  it('a file given twice counts once', async () => {
    const r = await runCli(['roster', '--format', 'json', REFERENCE, REFERENCE]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { kind: string }).kind).toBe('roster');
  });
});
