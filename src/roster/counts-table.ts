// The counts of one meeting as rows of text (one per category, then the total), for the terminal table
// and the Markdown table. The figures are computeCounts' own; only their layout is decided here.
import type { Counts, MeetingCounts } from '../model/counts.js';
import type { Roster } from './model.js';
import type { Matrix } from './matrix.js';
import { percent } from './words.js';

export const countsColumns = ['En exercice', 'Présents', 'Excusés', 'dont représentés', 'Absents', 'Votants', 'Taux de présence'] as const;

export interface CountsRow {
  label: string;
  values: string[];
  total: boolean;
}

function values(counts: Counts, rate: number): string[] {
  return [counts.inOffice, counts.present, counts.excused, counts.represented, counts.absent, counts.voters].map(String).concat(percent(rate));
}

export function countsRows(roster: Roster): CountsRow[] {
  const { counts } = roster;
  const rows: CountsRow[] = [];
  for (const category of roster.categories) {
    const c = counts.byCategory.get(category.id);
    if (!c) continue;
    rows.push({ label: category.label, values: values(c, categoryRate(c)), total: false });
  }
  rows.push({ label: 'Total', values: values(counts.total, counts.attendanceRate), total: true });
  return rows;
}

/** present / inOffice for one category, as computeCounts defines attendanceRate for the whole body. */
export function categoryRate(c: Counts): number {
  return c.inOffice === 0 ? 0 : c.present / c.inOffice;
}

/** Per-meeting totals under the matrix: one row per figure, one value per meeting. */
export function matrixTotals(matrix: Matrix): { label: string; values: string[] }[] {
  const figures: [string, (c: MeetingCounts) => string][] = [
    ['En exercice', (c) => String(c.total.inOffice)],
    ['Présents', (c) => String(c.total.present)],
    ['Excusés', (c) => String(c.total.excused)],
    ['dont représentés', (c) => String(c.total.represented)],
    ['Absents', (c) => String(c.total.absent)],
    ['Votants', (c) => String(c.total.voters)],
    ['Taux de présence', (c) => percent(c.attendanceRate)],
  ];
  return figures.map(([label, value]) => ({ label, values: matrix.meetings.map((m) => value(m.counts)) }));
}
