// What an attendance line says after a person's name: whom the person sits for or through (relations:
// "représentant le Préfet", "représentée par …", "suppléant de …", "donne pouvoir à …") and what happened
// on the day (moments: "(arrivée à 19h49)", "(a quitté la séance au point 4)", then the note).
import type { ListsApart } from './attendance-lists.js';
import { agree, displayName } from './names.js';
import { presenceDetails } from './presence-words.js';
import type { ProxyWording } from './proxy-words.js';
import type { ResolvedMeeting } from './resolve.js';

export interface AttendeeWords {
  /** The relations, and whether they open with a participle (set off by a comma even without a function). */
  relations(id: string): { text: string; apposition: boolean } | undefined;
  /** What happened on the day, in parentheses, then the meeting's note. */
  details(id: string): string | undefined;
}

export function attendeeWords(r: ResolvedMeeting, proxy: ProxyWording, apart: ListsApart): AttendeeWords {
  const full = (id: string) => {
    const p = r.people.get(id);
    return p ? displayName(p, 'full', r.style.personnes) : id;
  };
  // In parentheses, the proxy goes with the precisions, after the name and function.
  const proxyInParentheses = r.style.pouvoirs.forme === 'parentheses';
  const relations = (id: string) => {
    const state = r.attendance.get(id);
    const p = r.people.get(id);
    if (!p) return undefined;
    const parts: string[] = [];
    let verb = false;
    // "représentant" here is a present participle: it does not agree ("Mme X, représentant le Préfet").
    if (p.represente) parts.push(`représentant ${p.represente}`);
    if (state?.kind === 'present' && state.substituteFor) parts.push(`${agree(p, 'suppléant', 'suppléante')} de ${full(state.substituteFor)}`);
    if (state?.kind === 'excused') {
      if (state.representedBy) parts.push(`${agree(p, 'représenté', 'représentée')} par ${full(state.representedBy)}`);
      if (state.proxyTo && !apart.proxies && !proxyInParentheses) {
        verb ||= parts.length === 0;
        parts.push(proxy.words(state.proxyTo));
      }
      if (state.substitutedBy) parts.push(`${agree(p, 'suppléé', 'suppléée')} par ${full(state.substitutedBy)}`);
    }
    return parts.length > 0 ? { text: parts.join(', '), apposition: !verb } : undefined;
  };
  const details = (id: string) => {
    const p = r.people.get(id);
    const state = r.attendance.get(id);
    // Listed apart, an arrival keeps its moment when one is known; a proxy listed apart is not repeated.
    const unknownArrival = state?.kind === 'present' && state.arrival !== undefined && !state.arrival.time && !state.arrival.point;
    const listedApart = apart.arrivals && state?.kind === 'present' && state.arrival !== undefined;
    const moves = p ? presenceDetails(p, state, full, { arrival: !(listedApart && unknownArrival), proxy: !apart.proxies }) : undefined;
    const given = state?.kind === 'excused' && state.proxyTo && !apart.proxies && proxyInParentheses ? proxy.words(state.proxyTo) : undefined;
    return [given, moves].filter(Boolean).join(' ') || undefined;
  };
  return { relations, details };
}
