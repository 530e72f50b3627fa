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
  /** Smallest number of members that meets the rule. */
  required: number;
  /** Members counted for the quorum under the rule (present, plus represented when proxies count). */
  counted: number;
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

export function computeCounts(resolved: ResolvedMeeting): MeetingCounts {
  const total = empty();
  const byCategory = new Map<string, Counts>();
  for (const [id] of resolved.categories) byCategory.set(id, empty());
  let guests = 0;

  for (const [id, person] of resolved.people) {
    const state = resolved.attendance.get(id);
    if (!person.member) {
      if (state?.kind === 'guest' || state?.kind === 'present') guests++;
      continue;
    }
    const category = person.categorie ?? '';
    if (!byCategory.has(category)) byCategory.set(category, empty());
    for (const counts of [total, byCategory.get(category)!]) {
      counts.inOffice++;
      if (state?.kind === 'present') {
        counts.present++;
        if (person.voting) counts.voters++;
      } else if (state?.kind === 'excused') {
        counts.excused++;
        const holder = state.representedBy ?? state.proxyTo;
        if (holder && isPresent(resolved, holder)) {
          counts.represented++;
          if (person.voting) counts.voters++;
        }
      } else {
        counts.absent++;
      }
    }
  }

  const rule = resolved.composition.instance.quorum;
  let quorum: QuorumResult | undefined;
  if (rule) {
    const exact = rule.fraction * total.inOffice;
    const required = rule.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
    const counted = total.present + (rule.pouvoirs ? total.represented : 0);
    quorum = { required, counted, reached: counted >= required, margin: counted - required };
  }

  return {
    total,
    byCategory,
    guests,
    attendanceRate: total.inOffice === 0 ? 0 : total.present / total.inOffice,
    ...(quorum ? { quorum } : {}),
  };
}
