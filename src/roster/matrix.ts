// Attendance across meetings of one body: the member × meeting matrix, each member's attendance rate,
// and runs of consecutive unexcused absences. Built from the per-meeting rosters, so every cell is the
// state computeCounts counted for that meeting. Members are matched by id, never by name.
import path from 'node:path';
import type { ResolvedMeeting } from '../model/resolve.js';
import type { CountedState, MeetingCounts } from '../model/counts.js';
import type { Quorum } from '../model/schema.js';
import { minutesOfDay } from '../model/time.js';
import type { CategoryInfo, MeetingInfo, PersonInfo, Roster } from './model.js';

/** P présent, R représenté (ou pouvoir donné), E excusé, A absent sans excuse. */
export type Cell = 'P' | 'R' | 'E' | 'A';

export const CELL_OF: Record<CountedState, Cell> = { present: 'P', represented: 'R', excused: 'E', absent: 'A' };

export interface MatrixMeeting extends MeetingInfo {
  counts: MeetingCounts;
  quorumRule?: Quorum;
}

/** A run of consecutive unexcused absences, as indices into `meetings` (inclusive). */
export interface AbsenceRun {
  start: number;
  end: number;
  length: number;
}

export interface MatrixRow {
  member: PersonInfo & { category: string; voting: boolean };
  /** One cell per meeting, in `meetings` order. */
  cells: Cell[];
  tally: Record<Cell, number>;
  /** Meetings attended in person / meetings. */
  attendanceRate: number;
  /** Runs of at least `threshold` consecutive unexcused absences (flagged). */
  absenceRuns: AbsenceRun[];
  /** Length of the longest run of consecutive unexcused absences, flagged or not. */
  longestAbsenceRun: number;
}

export interface Matrix {
  instance: MeetingInfo['instance'];
  /** In date order (then start time, then file name). */
  meetings: MatrixMeeting[];
  categories: CategoryInfo[];
  /** By category (in `categories` order), then in the composition's order. */
  rows: MatrixRow[];
  /** Least number of consecutive unexcused absences that is flagged. */
  threshold: number;
}

export type CompositionMismatch =
  | { kind: 'instance'; first: string; other: string }
  | { kind: 'members'; missing: string[]; extra: string[] };

/**
 * Why two meetings do not share a composition, or undefined when they do: the same composition file, or
 * the same instance name with the same member ids. `missing` are ids of `a` that `b` lacks.
 */
export function compositionMismatch(a: ResolvedMeeting, b: ResolvedMeeting): CompositionMismatch | undefined {
  const fileOf = (r: ResolvedMeeting) =>
    r.sources.composition.file === r.sources.meeting.file ? undefined : path.resolve(r.sources.composition.file);
  const file = fileOf(a);
  if (file !== undefined && file === fileOf(b)) return undefined;
  const first = a.composition.instance.nom;
  const other = b.composition.instance.nom;
  if (first !== other) return { kind: 'instance', first, other };
  const ia = new Set(Object.keys(a.composition.membres));
  const ib = new Set(Object.keys(b.composition.membres));
  const missing = [...ia].filter((id) => !ib.has(id));
  const extra = [...ib].filter((id) => !ia.has(id));
  return missing.length === 0 && extra.length === 0 ? undefined : { kind: 'members', missing, extra };
}

export function buildMatrix(rosters: Roster[], threshold: number): Matrix {
  const sorted = [...rosters].sort(
    (a, b) =>
      a.meeting.date.localeCompare(b.meeting.date) ||
      minutesOfDay(a.meeting.debut) - minutesOfDay(b.meeting.debut) ||
      a.meeting.file.localeCompare(b.meeting.file),
  );
  const first = sorted[0];
  if (!first) throw new Error('buildMatrix needs at least one meeting');
  const byId = sorted.map((roster) => new Map(roster.members.map((m) => [m.id, m])));
  // Grouped by category in display order; the composition's order within a category.
  const rank = new Map(first.categories.map((c, i) => [c.id, i]));
  const members = [...first.members].sort((a, b) => (rank.get(a.category) ?? 0) - (rank.get(b.category) ?? 0));
  const rows = members.map((member): MatrixRow => {
    const cells = byId.map((members) => CELL_OF[members.get(member.id)?.counted ?? 'absent']);
    const tally: Record<Cell, number> = { P: 0, R: 0, E: 0, A: 0 };
    for (const cell of cells) tally[cell]++;
    const { id, name, civilite, prenom, nom, fonction, category, voting } = member;
    return {
      member: { id, name, civilite, prenom, nom, ...(fonction ? { fonction } : {}), category, voting },
      cells,
      tally,
      attendanceRate: cells.length === 0 ? 0 : tally.P / cells.length,
      absenceRuns: absenceRuns(cells, threshold),
      longestAbsenceRun: Math.max(0, ...absenceRuns(cells, 1).map((run) => run.length)),
    };
  });
  return {
    instance: first.meeting.instance,
    meetings: sorted.map((roster) => ({
      ...roster.meeting,
      counts: roster.counts,
      ...(roster.quorumRule ? { quorumRule: roster.quorumRule } : {}),
    })),
    categories: first.categories,
    rows,
    threshold,
  };
}

/** Runs of at least `threshold` consecutive 'A' cells. */
export function absenceRuns(cells: Cell[], threshold: number): AbsenceRun[] {
  const runs: AbsenceRun[] = [];
  let start = -1;
  cells.forEach((cell, i) => {
    if (cell === 'A' && start < 0) start = i;
    const last = i === cells.length - 1;
    if (start >= 0 && (cell !== 'A' || last)) {
      const end = cell === 'A' ? i : i - 1;
      if (end - start + 1 >= threshold) runs.push({ start, end, length: end - start + 1 });
      start = -1;
    }
  });
  return runs;
}
