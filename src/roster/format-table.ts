// The roster for a terminal: aligned columns, colour when the caller's chalk instance has it (a TTY
// without NO_COLOR), plain text otherwise. Alignment is computed on the plain text, then painted. The
// files' text (names, functions, labels, the file's path) is shown with its control characters escaped
// (src/text/visible.ts), and the widths are measured on it as shown.
import { visible } from '../text/visible.js';
import type { ChalkInstance } from 'chalk';
import type { MemberRow, Roster } from './model.js';
import type { Cell, Matrix } from './matrix.js';
import {
  CELL_LEGEND,
  absenceRunText,
  detailsText,
  flagText,
  guestWord,
  instanceName,
  meetingLine,
  numericDate,
  percent,
  quorumText,
  stateWord,
} from './words.js';
import { countsColumns, countsRows, matrixTotals } from './counts-table.js';

export interface TableOptions {
  chalk: ChalkInstance;
  /** Terminal width: the last column is cut with "…" to fit. Undefined when piped: nothing is cut. */
  width?: number;
}

interface Field {
  text: string;
  paint?: (s: string) => string;
  align?: 'left' | 'right' | 'center';
}

/** A text line is escaped by layout() unless `escaped`: it was built from escaped data and clu's own colours. */
type Line = { kind: 'row'; fields: Field[]; indent: number } | { kind: 'text'; text: string; paint?: (s: string) => string; escaped?: true };

const GAP = '  ';

function visibleLength(s: string): number {
  return [...s.normalize('NFC')].length;
}

function pad(field: Field, width: number): string {
  const space = Math.max(0, width - visibleLength(field.text));
  const painted = field.paint ? field.paint(field.text) : field.text;
  switch (field.align ?? 'left') {
    case 'right':
      return ' '.repeat(space) + painted;
    case 'center': {
      const left = Math.floor(space / 2);
      return ' '.repeat(left) + painted + ' '.repeat(space - left);
    }
    default:
      return painted + ' '.repeat(space);
  }
}

function cut(text: string, room: number): string {
  const chars = [...text.normalize('NFC')];
  if (chars.length <= room) return text;
  return room <= 1 ? '…'.slice(0, Math.max(room, 0)) : chars.slice(0, room - 1).join('') + '…';
}

/** Lays out rows so that each column lines up across the whole table; text lines pass through. */
function layout(given: Line[], width: number | undefined): string {
  const lines = given.map((line): Line =>
    line.kind === 'row'
      ? { ...line, fields: line.fields.map((field) => ({ ...field, text: visible(field.text) })) }
      : line.escaped
        ? line
        : { ...line, text: visible(line.text) },
  );
  const rows = lines.filter((l): l is Extract<Line, { kind: 'row' }> => l.kind === 'row');
  // A row's last field, when left-aligned, is neither measured nor padded: it may be long (functions)
  // and is only cut to the terminal width.
  const free = (row: Extract<Line, { kind: 'row' }>, c: number) => c === row.fields.length - 1 && (row.fields[c]?.align ?? 'left') === 'left';
  const count = Math.max(0, ...rows.map((r) => r.fields.length));
  const widths = Array.from({ length: count }, (_, c) =>
    Math.max(0, ...rows.map((r) => (r.fields[c] && !free(r, c) ? visibleLength(r.fields[c]!.text) + (c === 0 ? r.indent : 0) : 0))),
  );
  const out = lines.map((line) => {
    if (line.kind === 'text') return line.paint ? line.paint(line.text) : line.text;
    let used = line.indent;
    const parts = line.fields.map((field, c) => {
      if (!free(line, c)) {
        const w = widths[c]! - (c === 0 ? line.indent : 0);
        used += w + GAP.length;
        return pad(field, w);
      }
      return pad({ ...field, text: width === undefined ? field.text : cut(field.text, width - used) }, 0);
    });
    return (' '.repeat(line.indent) + parts.join(GAP)).replace(/\s+$/, '');
  });
  return out.join('\n') + '\n';
}

function stateFields(row: MemberRow, c: ChalkInstance): Field {
  const paint = {
    present: c.green,
    represented: c.cyan,
    proxy: c.cyan,
    excused: c.yellow,
    absent: c.red,
  }[row.state];
  return { text: stateWord(row), paint };
}

export function formatRosterTable(roster: Roster, options: TableOptions): string {
  const c = options.chalk;
  const lines: Line[] = [];
  const text = (t: string, paint?: (s: string) => string): void => void lines.push({ kind: 'text', text: t, ...(paint ? { paint } : {}) });
  text(`${instanceName(roster.meeting.instance)} — ${meetingLine(roster.meeting)}`, c.bold);
  text(roster.meeting.file, c.dim);
  text('');
  lines.push({
    kind: 'row',
    indent: 0,
    fields: ['Nom', 'État', 'Précisions', 'Fonction'].map((t) => ({ text: t, paint: c.dim })),
  });
  for (const group of roster.groups) {
    text('');
    text(`${group.label} (${group.members.length})`, c.bold.underline);
    for (const row of group.members) {
      lines.push({
        kind: 'row',
        indent: 2,
        fields: [
          { text: row.name, ...(row.roles.length > 0 ? { paint: c.bold } : {}) },
          stateFields(row, c),
          { text: detailsText(row) },
          { text: row.fonction ?? '', paint: c.dim },
        ],
      });
    }
  }
  text('');
  text(`Invités (${roster.guests.length})`, c.bold.underline);
  if (roster.guests.length === 0) text('  Néant', c.dim);
  for (const guest of roster.guests) {
    lines.push({
      kind: 'row',
      indent: 2,
      fields: [{ text: guest.name }, { text: guestWord(guest), paint: c.magenta }, { text: detailsText(guest) }, { text: guest.fonction ?? '', paint: c.dim }],
    });
  }
  text('');
  const out = [layout(lines, options.width)];

  const counts: Line[] = [];
  counts.push({ kind: 'row', indent: 0, fields: [{ text: 'Effectifs', paint: c.bold }, ...countsColumns.map((h) => ({ text: h, paint: c.dim, align: 'right' as const }))] });
  for (const row of countsRows(roster)) {
    counts.push({
      kind: 'row',
      indent: 0,
      fields: [
        { text: row.label, ...(row.total ? { paint: c.bold } : {}) },
        ...row.values.map((v) => ({ text: v, align: 'right' as const, ...(row.total ? { paint: c.bold } : {}) })),
      ],
    });
  }
  out.push(layout(counts, undefined));
  const quorum = roster.counts.quorum;
  const quorumPaint = quorum ? (quorum.reached ? c.green : c.red) : c.dim;
  out.push(
    layout(
      [
        { kind: 'text', text: '' },
        { kind: 'text', text: `Votants = présents + représentés (voix délibérative). Invités : ${roster.counts.guests}.` },
        { kind: 'text', text: quorumText(roster), paint: quorumPaint },
      ],
      undefined,
    ),
  );
  return out.join('');
}

export function formatMatrixTable(matrix: Matrix, options: TableOptions): string {
  const c = options.chalk;
  const paintCell: Record<Cell, (s: string) => string> = { P: c.green, R: c.cyan, E: c.yellow, A: c.red.bold };
  const n = matrix.meetings.length;
  const lines: Line[] = [];
  const text = (t: string, paint?: (s: string) => string): void => void lines.push({ kind: 'text', text: t, ...(paint ? { paint } : {}) });
  text(`${instanceName(matrix.instance)} — présences sur ${n} séance${n > 1 ? 's' : ''}`, c.bold);
  text('');
  const header = (first: string): Field[] => [
    { text: first, paint: c.dim },
    ...matrix.meetings.map((m) => ({ text: numericDate(m.date), paint: c.dim, align: 'center' as const })),
    { text: 'Présences', paint: c.dim, align: 'right' },
    { text: 'Taux', paint: c.dim, align: 'right' },
    { text: '' },
  ];
  lines.push({ kind: 'row', indent: 0, fields: header('Membre') });
  for (const category of matrix.categories) {
    const rows = matrix.rows.filter((r) => r.member.category === category.id);
    if (rows.length === 0) continue;
    text('');
    text(category.label, c.bold.underline);
    for (const row of rows) {
      const flagged = row.absenceRuns.length > 0;
      lines.push({
        kind: 'row',
        indent: 2,
        fields: [
          { text: row.member.name, ...(flagged ? { paint: c.red } : {}) },
          ...row.cells.map((cell) => ({ text: cell, paint: paintCell[cell], align: 'center' as const })),
          { text: `${row.tally.P}/${n}`, align: 'right' },
          { text: percent(row.attendanceRate), align: 'right' },
          { text: flagText(row.absenceRuns), paint: c.red },
        ],
      });
    }
  }
  text('');
  for (const total of matrixTotals(matrix)) {
    lines.push({
      kind: 'row',
      indent: 0,
      fields: [{ text: total.label, paint: c.bold }, ...total.values.map((v) => ({ text: v, align: 'center' as const })), { text: '' }, { text: '' }, { text: '' }],
    });
  }
  text('');
  const painted = (t: string): void => void lines.push({ kind: 'text', text: t, escaped: true });
  painted(`Légende : ${(Object.keys(CELL_LEGEND) as Cell[]).map((cell) => `${paintCell[cell](cell)} ${CELL_LEGEND[cell]}`).join(' – ')}`);
  text('');
  const flagged = matrix.rows.filter((r) => r.absenceRuns.length > 0);
  text(`Absences sans excuse répétées (au moins ${matrix.threshold} séances consécutives) : ${flagged.length === 0 ? 'aucune' : flagged.length}`, c.bold);
  for (const row of flagged) {
    for (const run of row.absenceRuns) {
      const from = matrix.meetings[run.start]!.date;
      const to = matrix.meetings[run.end]!.date;
      painted(`  ${c.red('⚠')} ${visible(row.member.name)} : ${visible(absenceRunText(row.member, run.length, from, to))}`);
    }
  }
  return layout(lines, options.width);
}
