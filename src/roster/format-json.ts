// The roster as JSON: a stable, documented shape (docs/roster.md) with a `version` field. Every key is
// always present (null when there is no value), in a fixed order, so that outputs diff cleanly.
import type { Counts, MeetingCounts } from '../model/counts.js';
import type { Quorum } from '../model/schema.js';
import type { CategoryInfo, MeetingInfo, PersonInfo, PersonRef, Roster } from './model.js';
import { CELL_OF, type Cell, type Matrix } from './matrix.js';
import { CELL_LEGEND } from './words.js';

export const ROSTER_JSON_VERSION = 1;

type CountsJson = Counts;

interface CategoryCountsJson extends CountsJson {
  id: string;
  label: string;
}

interface MeetingCountsJson {
  total: CountsJson;
  byCategory: CategoryCountsJson[];
  guests: number;
  attendanceRate: number;
  quorum: null | {
    rule: { fraction: number; strict: boolean; pouvoirs: boolean };
    base: number;
    required: number;
    counted: number;
    reached: boolean;
    margin: number;
  };
}

function counts(c: Counts): CountsJson {
  return { inOffice: c.inOffice, present: c.present, represented: c.represented, excused: c.excused, absent: c.absent, voters: c.voters };
}

function meetingCounts(c: MeetingCounts, categories: CategoryInfo[], rule: Quorum | undefined): MeetingCountsJson {
  return {
    total: counts(c.total),
    byCategory: categories.flatMap((cat) => {
      const found = c.byCategory.get(cat.id);
      return found ? [{ id: cat.id, label: cat.label, ...counts(found) }] : [];
    }),
    guests: c.guests,
    attendanceRate: c.attendanceRate,
    quorum:
      c.quorum && rule
        ? {
            rule: { fraction: rule.fraction, strict: rule.strict, pouvoirs: rule.pouvoirs },
            base: c.quorum.base,
            required: c.quorum.required,
            counted: c.quorum.counted,
            reached: c.quorum.reached,
            margin: c.quorum.margin,
          }
        : null,
  };
}

function person(p: PersonInfo) {
  return { id: p.id, civilite: p.civilite, prenom: p.prenom, nom: p.nom, name: p.name, fonction: p.fonction ?? null };
}

const ref = (p: PersonRef) => ({ id: p.id, name: p.name });

function meetingInfo(m: MeetingInfo) {
  return { file: m.file, date: m.date, debut: m.debut, fin: m.fin ?? null, lieu: m.lieu ?? null, modalite: m.modalite };
}

function instance(i: MeetingInfo['instance']) {
  return { nom: i.nom, sigle: i.sigle ?? null };
}

export function rosterJson(roster: Roster) {
  return {
    version: ROSTER_JSON_VERSION,
    kind: 'roster' as const,
    instance: instance(roster.meeting.instance),
    meeting: meetingInfo(roster.meeting),
    categories: roster.categories.map((c) => ({ id: c.id, label: c.label })),
    members: roster.members.map((m) => ({
      ...person(m),
      category: m.category,
      voting: m.voting,
      state: m.state,
      code: CELL_OF[m.counted],
      holder: m.holder ? ref(m.holder) : null,
      holds: m.holds.map((h) => ({ ...ref(h), kind: h.kind })),
      roles: m.roles,
      listed: !m.unlisted,
    })),
    guests: roster.guests.map((g) => ({ ...person(g), roles: g.roles, holds: g.holds.map((h) => ({ ...ref(h), kind: h.kind })) })),
    counts: meetingCounts(roster.counts, roster.categories, roster.quorumRule),
  };
}

export function matrixJson(matrix: Matrix) {
  const dates = (run: { start: number; end: number; length: number }) => ({
    from: matrix.meetings[run.start]!.date,
    to: matrix.meetings[run.end]!.date,
    length: run.length,
  });
  return {
    version: ROSTER_JSON_VERSION,
    kind: 'matrix' as const,
    instance: instance(matrix.instance),
    legend: { ...CELL_LEGEND } as Record<Cell, string>,
    threshold: matrix.threshold,
    categories: matrix.categories.map((c) => ({ id: c.id, label: c.label })),
    meetings: matrix.meetings.map((m) => ({ ...meetingInfo(m), counts: meetingCounts(m.counts, matrix.categories, m.quorumRule) })),
    members: matrix.rows.map((row) => ({
      ...person(row.member),
      category: row.member.category,
      voting: row.member.voting,
      cells: row.cells,
      tally: { ...row.tally },
      attendanceRate: row.attendanceRate,
      longestAbsenceRun: row.longestAbsenceRun,
      absenceRuns: row.absenceRuns.map(dates),
    })),
    alerts: matrix.rows.flatMap((row) => row.absenceRuns.map((run) => ({ id: row.member.id, name: row.member.name, ...dates(run) }))),
  };
}

export function formatRosterJson(roster: Roster): string {
  return `${JSON.stringify(rosterJson(roster), null, 2)}\n`;
}

export function formatMatrixJson(matrix: Matrix): string {
  return `${JSON.stringify(matrixJson(matrix), null, 2)}\n`;
}
