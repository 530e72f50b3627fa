// Attendance counts and quorum, computed once from the resolved meeting. `clu validate` (vote checks),
// `clu render` (the counts line and quorum sentence) and `clu roster` all use these figures.
import { isPresent, type ResolvedMeeting } from './resolve.js';

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
  /** Members the fraction applies to: the voting members in office. */
  base: number;
  /** Smallest number of members that meets the rule. */
  required: number;
  /** Voting members counted under the rule (present, plus represented when proxies count). */
  counted: number;
  /** Whether represented members count (the rule's `pouvoirs`). */
  includesRepresented: boolean;
  reached: boolean;
  /** counted - required: how many above (≥ 0) or below (< 0) the threshold. */
  margin: number;
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
 * How one member counts: 'represented' is an excused member whose representative or proxy holder is
 * present; 'excused' is any other excused member; a member the meeting does not list is 'absent'.
 * computeCounts sums exactly these, and the roster shows them, so the two never disagree.
 */
export type CountedState = 'present' | 'represented' | 'excused' | 'absent';

export function countedState(resolved: ResolvedMeeting, id: string): CountedState {
  const state = resolved.attendance.get(id);
  if (state?.kind === 'present') return 'present';
  if (state?.kind === 'excused') {
    const holder = state.representedBy ?? state.proxyTo;
    return holder && isPresent(resolved, holder) ? 'represented' : 'excused';
  }
  return 'absent';
}

export function computeCounts(resolved: ResolvedMeeting): MeetingCounts {
  const total = empty();
  const byCategory = new Map<string, Counts>();
  for (const [id] of resolved.categories) byCategory.set(id, empty());
  let guests = 0;

  for (const [id, person] of resolved.people) {
    if (!person.member) {
      const state = resolved.attendance.get(id);
      if (state?.kind === 'guest' || state?.kind === 'present') guests++;
      continue;
    }
    const category = person.categorie ?? '';
    if (!byCategory.has(category)) byCategory.set(category, empty());
    const counted = countedState(resolved, id);
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

  const rule = resolved.composition.instance.quorum;
  let quorum: QuorumResult | undefined;
  if (rule) {
    // Members with a consultative voice are not counted for the quorum.
    const voting = [...resolved.people.values()].filter((p) => p.member && p.voting);
    const exact = rule.fraction * voting.length;
    const required = rule.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
    const counted = voting.filter((p) => {
      const state = countedState(resolved, p.id);
      return state === 'present' || (rule.pouvoirs && state === 'represented');
    }).length;
    quorum = { base: voting.length, required, counted, reached: counted >= required, margin: counted - required, includesRepresented: rule.pouvoirs };
  }

  return {
    total,
    byCategory,
    guests,
    attendanceRate: total.inOffice === 0 ? 0 : total.present / total.inOffice,
    ...(quorum ? { quorum } : {}),
  };
}
