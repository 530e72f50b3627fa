// How minutes word a proxy: "donne pouvoir à M. X", "(pouvoir à M. X)" or "à M. X"; "donnent pouvoir à"
// for several givers; the holder's and the giver's names as the house style writes them (style.pouvoirs).
import { displayName } from './names.js';
import type { ResolvedMeeting } from './resolve.js';

/** How a name is written in a proxy: as in the lists, civility and surname ("M. ROY"), or with initials. */
export type ProxyNameForm = 'complet' | 'court' | 'initiale' | undefined;

export interface ProxyWording {
  /** A name of a proxy in the given form. */
  name(id: string, form: ProxyNameForm): string;
  /** The words after the giver: "donne pouvoir à M. X"; `plural` for several givers to one holder. */
  words(holder: string, plural?: boolean): string;
}

export function proxyWording(r: ResolvedMeeting): ProxyWording {
  const style = r.style.pouvoirs;
  const nameStyle = r.style.personnes;
  const name = (id: string, form: ProxyNameForm): string => {
    const p = r.people.get(id);
    if (!p) return id;
    if (form === undefined || form === 'complet') return displayName(p, 'full', nameStyle);
    return form === 'court' ? displayName(p, 'short', nameStyle) : displayName(p, 'full', { ...nameStyle, prenom: 'initiale' });
  };
  const words = (holder: string, plural = false): string => {
    const holderName = name(holder, style.detenteur);
    if (style.forme === 'parentheses') return `(${r.labels.pouvoir_parentheses} ${holderName})`;
    if (style.forme === 'court') return `à ${holderName}`;
    return `${plural ? r.labels.pouvoir_pluriel || pluralProxyLabel(r.labels.pouvoir) : r.labels.pouvoir} ${holderName}`;
  };
  return { name, words };
}

/** "donne pouvoir à" → "donnent pouvoir à", "a donné procuration à" → "ont donné procuration à". */
export function pluralProxyLabel(label: string): string {
  return label.replace(/(^|\s)a donné(?=\s|$)/u, '$1ont donné').replace(/(^|\s)donne(?=\s|$)/u, '$1donnent');
}

/** Every proxy of the meeting, given before it or on leaving, in the order of the lists: [giver, holder]. */
export function proxyPairs(r: ResolvedMeeting): [giver: string, holder: string][] {
  const pairs: [string, string][] = [];
  for (const id of [...r.order.excused, ...r.order.present]) {
    const state = r.attendance.get(id);
    if (state?.kind === 'excused' && state.proxyTo) pairs.push([id, state.proxyTo]);
    if (state?.kind === 'present' && state.proxyOnLeave) pairs.push([id, state.proxyOnLeave]);
  }
  return pairs;
}
