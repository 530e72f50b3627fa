// Attendance counts and quorum, computed once from the resolved meeting. `clu validate` (vote checks),
// `clu render` (the counts line and quorum sentence) and `clu roster` all use these figures.
import type { ResolvedMeeting, ResolvedPerson } from './resolve.js';
import type { Instance, Quorum } from './schema.js';
import { atOrAfter, inRoomAt, OPENING, type PointPath } from './moments.js';

export interface Counts {
  /** Members in office (declared in the composition). */
  inOffice: number;
  present: number;
  /** Excused members whose vote or seat is carried by a present person (represented or proxy). */
  represented: number;
  /** All excused members, represented or not. */
  excused: number;
  absent: number;
  /** Voting members present plus voting members represented by someone present. */
  voters: number;
}

export interface QuorumResult {
  /** Members the fraction applies to: voting members in office (or up to date with their dues). */
  base: number;
  /** Smallest number of members that meets the rule (0 at a second convocation). */
  required: number;
  /** Voting members counted under the rule (present, plus represented when proxies count). */
  counted: number;
  /** Whether represented members count (the rule's `pouvoirs`). */
  includesRepresented: boolean;
  reached: boolean;
  /** counted - required: how many above (≥ 0) or below (< 0) the threshold. */
  margin: number;
  /** The rule applied, for messages: where it comes from and what it says. */
  rule: Quorum & { origin: 'composition' | 'type' };
  /** A meeting on second convocation deliberates whatever the number present. */
  secondConvocation: boolean;
}

export interface MeetingCounts {
  total: Counts;
  /** By category id; members without a category are under ''. */
  byCategory: Map<string, Counts>;
  guests: number;
  /** present / inOffice, between 0 and 1. */
  attendanceRate: number;
  quorum?: QuorumResult;
}

const empty = (): Counts => ({ inOffice: 0, present: 0, represented: 0, excused: 0, absent: 0, voters: 0 });

/**
 * The quorum rule of a body: its own, or the default of its kind — councils need a majority of the
 * members in office (CGCT L2121-17), a State commission half of its members present or represented
 * (décret 2006-672, art. 11 ; CRPA R133-10); other bodies have none unless their statutes say so.
 */
export function quorumRule(instance: Instance): (Quorum & { origin: 'composition' | 'type' }) | undefined {
  if (instance.quorum === false) return undefined;
  if (instance.quorum) return { ...instance.quorum, origin: 'composition' };
  switch (instance.type) {
    case 'conseil_municipal':
    case 'conseil_communautaire':
    case 'comite_syndical':
    case 'conseil_departemental':
      return { fraction: 0.5, strict: true, pouvoirs: false, base: 'en_exercice', origin: 'type' };
    case 'commission':
      return { fraction: 0.5, strict: false, pouvoirs: true, base: 'en_exercice', origin: 'type' };
    default:
      return undefined;
  }
}

/** How many proxies one member may hold: the composition's figure, else 1 (CGCT L2121-20). */
export function proxyLimit(instance: Instance): number {
  return instance.pouvoirs_max ?? 1;
}

/** Members in office: not substitutes, and with a consultative voice only when the body counts them. */
export function inOffice(person: ResolvedPerson, instance: Instance): boolean {
  return person.member && !person.suppleant && (person.voix !== 'consultative' || instance.consultatifs_en_exercice);
}

/** Members in office up to date with their dues (an association's base: « 10 présents sur 15 cotisants »). */
export function membersUpToDate(people: Iterable<ResolvedPerson>, instance: Instance): number {
  let count = 0;
  for (const person of people) if (inOffice(person, instance) && person.cotisation_a_jour !== false) count += 1;
  return count;
}

/**
 * How one member counts, at a point of the agenda or (`at` undefined) over the whole meeting:
 * 'present' is in the room, or holds the seat through a substitute; 'represented' is a member whose
 * representative or proxy holder is in the room (also one who left after giving a proxy); 'excused' is
 * any other excused member; anyone else is 'absent' (not listed, or not yet arrived / already left).
 * computeCounts sums exactly these, and the roster shows them, so the two never disagree.
 */
export type CountedState = 'present' | 'represented' | 'excused' | 'absent';

export function countedState(resolved: ResolvedMeeting, id: string, at?: PointPath): CountedState {
  const state = resolved.attendance.get(id);
  if (state?.kind === 'present') {
    if (inRoomAt(state, at)) return 'present';
    const leftWithProxy = state.proxyOnLeave !== undefined && state.departure?.point !== undefined && at !== undefined && atOrAfter(at, state.departure.point);
    return leftWithProxy && inRoom(resolved, state.proxyOnLeave!, at) ? 'represented' : 'absent';
  }
  if (state?.kind === 'excused') {
    if (state.substitutedBy && inRoom(resolved, state.substitutedBy, at)) return 'present';
    const holder = state.representedBy ?? state.proxyTo;
    if (holder && inRoom(resolved, holder, at)) return 'represented';
    return state.listed ? 'excused' : 'absent';
  }
  return 'absent';
}

/** In the room at `at` (members and guests), or at some time when `at` is undefined. */
export function inRoom(resolved: ResolvedMeeting, id: string, at?: PointPath): boolean {
  const state = resolved.attendance.get(id);
  return (state?.kind === 'present' || state?.kind === 'guest') && inRoomAt(state, at);
}

/** The counts over the whole meeting, or at one point of the agenda (a deliberation's). */
export function computeCounts(resolved: ResolvedMeeting, at?: PointPath): MeetingCounts {
  const total = empty();
  const byCategory = new Map<string, Counts>();
  for (const [id] of resolved.categories) byCategory.set(id, empty());
  let guests = 0;
  const instance = resolved.composition.instance;

  for (const [id, person] of resolved.people) {
    // Guests, and substitutes who sit without a vote of their own: in the room, not in office.
    if (!person.member || person.suppleant) {
      if (inRoom(resolved, id, at)) guests++;
      if (!person.member) continue;
    }
    if (!inOffice(person, instance)) continue;
    const category = person.categorie ?? '';
    if (!byCategory.has(category)) byCategory.set(category, empty());
    const counted = countedState(resolved, id, at);
    for (const counts of [total, byCategory.get(category)!]) {
      counts.inOffice++;
      switch (counted) {
        case 'present':
          counts.present++;
          if (person.voting) counts.voters++;
          break;
        case 'represented':
          counts.excused++;
          counts.represented++;
          if (person.voting) counts.voters++;
          break;
        case 'excused':
          counts.excused++;
          break;
        case 'absent':
          counts.absent++;
          break;
      }
    }
  }

  const rule = quorumRule(instance);
  let quorum: QuorumResult | undefined;
  if (rule) {
    // The base is the members in office (the same as the counts line), voting, and for an association
    // counted on dues, those up to date with them.
    const base = [...resolved.people.values()].filter(
      (p) => inOffice(p, instance) && (p.voting || instance.consultatifs_en_exercice) && (rule.base !== 'cotisants' || p.cotisation_a_jour !== false),
    );
    const exact = rule.fraction * base.length;
    const secondConvocation = resolved.meeting.seance.seconde_convocation;
    const required = secondConvocation ? 0 : rule.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
    const counted = base.filter((p) => {
      // The meeting's quorum is recorded at the opening; a deliberation's at its point.
      const state = countedState(resolved, p.id, at ?? OPENING);
      return state === 'present' || (rule.pouvoirs && state === 'represented');
    }).length;
    quorum = {
      base: base.length,
      required,
      counted,
      reached: counted >= required,
      margin: counted - required,
      includesRepresented: rule.pouvoirs,
      rule,
      secondConvocation,
    };
  }

  return {
    total,
    byCategory,
    guests,
    attendanceRate: total.inOffice === 0 ? 0 : total.present / total.inOffice,
    ...(quorum ? { quorum } : {}),
  };
}

