// Who appears in which attendance list of the minutes, grouped how and in what order. The head's blocks
// (style.entete) and the house style (style.presences, presidence_parmi_presents) decide: the templates
// only print the lists (src/compose/context/attendance.ts words each line).
import type { HeadEntry } from './schema.js';
import type { ResolvedMeeting } from './resolve.js';

/** What the head lists apart, so that the other lists do not repeat it. */
export interface ListsApart {
  /** The head has a block procurations ("Procurations : X à Y"): the excused lines do not repeat the proxies. */
  proxies: boolean;
  /** The head has a block arrivees: the list of those present holds only those present from the start. */
  arrivals: boolean;
}

export function listsApart(entete: readonly HeadEntry[]): ListsApart {
  return { proxies: entete.includes('procurations'), arrivals: entete.includes('arrivees') };
}

/** The ids of each list, in the order the meeting gives them. */
export interface AttendanceMembers {
  presents: string[];
  arrivees: string[];
  presents_et_presidence: string[];
  excuses: string[];
  absents: string[];
  invites: string[];
  autres_listes: { title: string; ids: string[] }[];
}

/** Whether a member present arrived after the opening. */
export function arrivedLate(r: ResolvedMeeting, id: string): boolean {
  const state = r.attendance.get(id);
  return state?.kind === 'present' && state.arrival !== undefined;
}

export function attendanceMembers(r: ResolvedMeeting, apart: ListsApart, chairAmongPresent: boolean): AttendanceMembers {
  const chairId = r.meeting.seance.presidence;
  const excused = (id: string, test: (s: { proxyTo?: string; representedBy?: string }) => boolean) => {
    const state = r.attendance.get(id);
    return state?.kind === 'excused' && test(state);
  };
  // Excused members who gave a proxy or are represented, when the list of those present holds them too.
  const represented = (id: string) => excused(id, (s) => Boolean(s.proxyTo || s.representedBy));
  const gaveProxy = (id: string) => excused(id, (s) => Boolean(s.proxyTo));
  const withRepresented = r.style.presences.presents?.avec_representes === true;
  const withoutProxies = r.style.presences.excuses?.avec_pouvoirs === false;
  const late = (id: string) => arrivedLate(r, id);
  return {
    presents: [
      ...(chairAmongPresent ? r.order.present : r.order.present.filter((id) => id !== chairId)).filter((id) => !(apart.arrivals && late(id))),
      ...(withRepresented ? r.order.excused.filter(represented) : []),
    ],
    arrivees: r.order.present.filter(late),
    presents_et_presidence: r.style.presidence_parmi_presents === false ? r.order.present.filter((id) => id !== chairId) : r.order.present,
    excuses: r.order.excused.filter((id) => !(withRepresented && represented(id)) && !(withoutProxies && gaveProxy(id))),
    absents: r.order.absent,
    invites: r.order.guests,
    autres_listes: r.order.others,
  };
}

/**
 * The ids by category: members without a category (usually the chair) first, then the categories in
 * their declared order, then any other category met; empty categories left out.
 */
export function byCategory(r: ResolvedMeeting, ids: readonly string[]): [category: string, ids: string[]][] {
  const groups = new Map<string, string[]>();
  groups.set('', []);
  for (const [category] of r.categories) groups.set(category, []);
  for (const id of ids) {
    const category = r.people.get(id)?.categorie ?? '';
    if (!groups.has(category)) groups.set(category, []);
    groups.get(category)!.push(id);
  }
  return [...groups].filter(([, members]) => members.length > 0);
}
