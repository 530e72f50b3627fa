// The roster as CSV (RFC 4180: fields quoted when they hold the separator, a quote or a line break,
// quotes doubled, CRLF between records). For a French spreadsheet: ';' between fields, a decimal comma
// and a UTF-8 byte order mark, without which Excel reads the accents as Latin-1. Cells that a spreadsheet
// would run as formulas are neutralised (src/text/csv-cell.ts, docs/roster.md).
import { CSV_BOM, csvRecord, type CsvCellOptions } from '../text/csv-cell.js';
import type { Roster } from './model.js';
import type { Matrix } from './matrix.js';
import { CELL_OF } from './matrix.js';
import { ROLE_WORDS, guestWord, percentNumber, stateWord } from './words.js';

export interface CsvOptions extends CsvCellOptions {
  /** Start with U+FEFF, so that Excel detects UTF-8. */
  bom: boolean;
}

export const BOM = CSV_BOM;

/** Numbers stay numbers (counts, rates); every text cell goes through csvTextCell (src/text/csv-cell.ts). */
export function toCsv(rows: (string | number)[][], options: CsvOptions): string {
  return (options.bom ? BOM : '') + rows.map((row) => csvRecord(row, options)).join('');
}

export const ROSTER_CSV_HEADER = [
  'Catégorie',
  'Identifiant',
  'Civilité',
  'Prénom',
  'Nom',
  'Fonction',
  'Voix',
  'Code',
  'État',
  'Représenté(e) par / pouvoir à',
  'Rôle',
];

/** The columns that identify a member, first in every CSV row: category, id, civility, first name, surname. */
function identityColumns(m: { category: string; id: string; civilite: string; prenom: string; nom: string }, labels: Map<string, string>): string[] {
  return [labels.get(m.category) ?? m.category, m.id, m.civilite, m.prenom, m.nom];
}

export function formatRosterCsv(roster: Roster, options: CsvOptions): string {
  const labels = new Map(roster.categories.map((c) => [c.id, c.label]));
  const rows: (string | number)[][] = [ROSTER_CSV_HEADER];
  for (const group of roster.groups) {
    for (const m of group.members) {
      rows.push([
        ...identityColumns(m, labels),
        m.fonction ?? '',
        m.voting ? 'délibérative' : 'consultative',
        CELL_OF[m.counted],
        stateWord(m),
        m.holder?.name ?? '',
        m.roles.map((r) => ROLE_WORDS[r]).join(', '),
      ]);
    }
  }
  for (const g of roster.guests) {
    rows.push(['Invités', g.id, g.civilite, g.prenom, g.nom, g.fonction ?? '', '', 'I', guestWord(g), '', g.roles.map((r) => ROLE_WORDS[r]).join(', ')]);
  }
  return toCsv(rows, options);
}

export function formatMatrixCsv(matrix: Matrix, options: CsvOptions): string {
  const labels = new Map(matrix.categories.map((c) => [c.id, c.label]));
  const rows: (string | number)[][] = [
    [
      'Catégorie',
      'Identifiant',
      'Civilité',
      'Prénom',
      'Nom',
      ...matrix.meetings.map((m) => m.date),
      'Présent(e)',
      'Représenté(e)',
      'Excusé(e)',
      'Absent(e)',
      'Taux de présence (%)',
      'Absences consécutives (max)',
      'Alerte',
    ],
  ];
  for (const row of matrix.rows) {
    const m = row.member;
    rows.push([
      ...identityColumns(m, labels),
      ...row.cells,
      row.tally.P,
      row.tally.R,
      row.tally.E,
      row.tally.A,
      percentNumber(row.attendanceRate),
      row.longestAbsenceRun,
      row.absenceRuns.length > 0 ? 'oui' : '',
    ]);
  }
  return toCsv(rows, options);
}
