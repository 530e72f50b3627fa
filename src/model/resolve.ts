// The resolved meeting: people by id (members and guests), each person's attendance state, categories
// and labels. Validation, rendering and the roster all read this one model.
import type { LoadedMeeting } from '../load/load-meeting.js';
import type { Labels, Person } from './schema.js';
import { DEFAULT_LABELS } from './labels.js';

export interface ResolvedPerson extends Person {
  id: string;
  /** Member of the body (declared in the composition), as opposed to a guest of this meeting. */
  member: boolean;
  /** Counts among voters when present or represented. */
  voting: boolean;
}

export type AttendanceState =
  | { kind: 'present' }
  | { kind: 'guest' }
  | { kind: 'excused'; representedBy?: string; proxyTo?: string }
  /** `listed` is false for a member the meeting file does not mention at all. */
  | { kind: 'absent'; listed: boolean };

export interface ResolvedMeeting extends LoadedMeeting {
  people: Map<string, ResolvedPerson>;
  /** State of every member, and of every guest. */
  attendance: Map<string, AttendanceState>;
  /** Ids in the order the meeting lists them, per state. */
  order: { present: string[]; excused: string[]; absent: string[]; guests: string[] };
  /** Category id → label, in declaration order. */
  categories: [string, string][];
  labels: Required<Labels>;
}

export function resolveMeeting(loaded: LoadedMeeting): ResolvedMeeting {
  const { meeting, composition, organisation } = loaded;
  const people = new Map<string, ResolvedPerson>();
  for (const [id, person] of Object.entries(composition.membres)) {
    people.set(id, { ...person, id, member: true, voting: person.voix !== 'consultative' });
  }
  for (const [id, person] of Object.entries(meeting.personnes)) {
    if (!people.has(id)) people.set(id, { ...person, id, member: false, voting: false });
  }

  const attendance = new Map<string, AttendanceState>();
  const order = { present: [] as string[], excused: [] as string[], absent: [] as string[], guests: [] as string[] };
  const setOnce = (id: string, state: AttendanceState, list: string[]) => {
    if (attendance.has(id)) return; // conflicts are reported by the cross-checks
    attendance.set(id, state);
    list.push(id);
  };
  const { presences } = meeting;
  for (const id of presences.presents) setOnce(id, { kind: 'present' }, order.present);
  for (const id of presences.invites) setOnce(id, { kind: 'guest' }, order.guests);
  for (const entry of presences.excuses) {
    if (typeof entry === 'string') setOnce(entry, { kind: 'excused' }, order.excused);
    else
      setOnce(
        entry.id,
        { kind: 'excused', ...(entry.represente_par ? { representedBy: entry.represente_par } : {}), ...(entry.pouvoir_a ? { proxyTo: entry.pouvoir_a } : {}) },
        order.excused,
      );
  }
  for (const id of presences.absents) setOnce(id, { kind: 'absent', listed: true }, order.absent);
  for (const [id, person] of people) {
    if (person.member && !attendance.has(id)) {
      attendance.set(id, { kind: 'absent', listed: false });
      order.absent.push(id);
    }
  }

  return {
    ...loaded,
    people,
    attendance,
    order,
    categories: Object.entries(composition.categories),
    labels: { ...DEFAULT_LABELS, ...organisation?.libelles, ...composition.libelles, ...meeting.libelles },
  };
}

/** Present in the room (members and guests): may speak, present, sign, represent or hold a proxy. */
export function isPresent(resolved: ResolvedMeeting, id: string): boolean {
  const state = resolved.attendance.get(id);
  return state?.kind === 'present' || state?.kind === 'guest';
}
