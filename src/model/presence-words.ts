// What happened to a person during the meeting, in the words of minutes: "(arrivée à 19h49, au
// point 2)", "(a quitté la séance au point 3 et a donné pouvoir à M. X)", then the meeting's own note.
// The document's attendance lists and the roster say it the same way.
import { frenchTime } from '../typography/dates.js';
import { pointLabel, type ResolvedMoment } from './moments.js';
import { agree } from './names.js';
import type { AttendanceState, ResolvedPerson } from './resolve.js';

/** "à 19h49", "au point 4", "à 19h49, au point 4"; "en cours de séance" when neither is known. */
export function momentWords(moment: ResolvedMoment): string {
  const words = [moment.time ? `à ${frenchTime(moment.time)}` : '', moment.point ? `au point ${pointLabel(moment.point)}` : ''].filter(Boolean).join(', ');
  return words || 'en cours de séance';
}

/** The arrival, the departure (and the proxy given on leaving) in parentheses, then the note; undefined when nothing happened. */
export function presenceDetails(
  person: ResolvedPerson,
  state: AttendanceState | undefined,
  nameOf: (id: string) => string,
  options: { arrival?: boolean; proxy?: boolean } = {},
): string | undefined {
  if (!state) return undefined;
  const moves: string[] = [];
  if ((state.kind === 'present' || state.kind === 'guest') && state.arrival && options.arrival !== false) moves.push(`${agree(person, 'arrivé', 'arrivée')} ${momentWords(state.arrival)}`);
  if ((state.kind === 'present' || state.kind === 'guest') && state.departure) {
    const when = momentWords(state.departure);
    // "… à 22h05, au point 3, et a donné pouvoir à …": the comma closes the moment's own.
    const proxy = state.kind === 'present' && state.proxyOnLeave && options.proxy !== false ? `${when.includes(',') ? ',' : ''} et a donné pouvoir à ${nameOf(state.proxyOnLeave)}` : '';
    moves.push(`a quitté la séance ${when}${proxy}`);
  }
  const parts = [...(moves.length > 0 ? [`(${moves.join(', ')})`] : []), ...(state.note ? [state.note] : [])];
  return parts.length > 0 ? parts.join(' ') : undefined;
}
