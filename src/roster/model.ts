// The roster of one meeting: every member with their state, function and roles, grouped by category,
// the guests apart, and the counts. States and counts come from src/model/counts.ts (countedState and
// computeCounts), the model `clu validate` and `clu render` use, so the three never disagree.
import { computeCounts, countedState, quorumRule, type CountedState, type MeetingCounts } from '../model/counts.js';
import type { ResolvedMeeting, ResolvedPerson } from '../model/resolve.js';
import type { Person, Quorum } from '../model/schema.js';
import { displayName, genderOf, surname } from '../model/names.js';
import { presenceDetails } from '../model/presence-words.js';

/**
 * A member's state at the meeting. 'represented' (represente_par) and 'proxy' (pouvoir_a) are excused
 * members whose holder is present: both count as represented.
 */
export type MemberState = 'present' | 'represented' | 'proxy' | 'excused' | 'absent';
export type Role = 'chair' | 'secretary';

export interface PersonRef {
  id: string;
  /** "Mme Nathalie BRIONNET". */
  name: string;
}

export interface PersonInfo extends PersonRef {
  /** As written in the file ("M.", "Mme", "Dr"…); '' when the file gives none. */
  civilite: string;
  /** '' when the file gives none. */
  prenom: string;
  /** Surname as displayed: capitals, accents kept ("MASSÉ"); '' for a seat named by its role only. */
  nom: string;
  /** Grammatical gender for agreement ("présente"), from `genre` or the civility. */
  genre?: 'f' | 'm';
  fonction?: string;
}

export interface MemberRow extends PersonInfo {
  /** Category id; '' for a member without a category. */
  category: string;
  /** Deliberative vote (true) or consultative (false). */
  voting: boolean;
  state: MemberState;
  /** How computeCounts counts this member. */
  counted: CountedState;
  /** Who represents this member, or holds their proxy. */
  holder?: PersonRef;
  /** Whom this person represents, or whose proxy they hold. */
  holds: (PersonRef & { kind: 'represented' | 'proxy' })[];
  roles: Role[];
  /** Counted absent because the meeting file does not mention the member at all. */
  unlisted: boolean;
  /** The substitute who held this titular member's seat. */
  substitute?: PersonRef;
  /** Arrival, departure and the meeting's note: "(arrivée à 19h49, au point 2)". */
  day?: string;
}

export interface GuestRow extends PersonInfo {
  roles: Role[];
  holds: (PersonRef & { kind: 'represented' | 'proxy' })[];
  /** A substitute member sitting for this titular member. */
  sitsFor?: PersonRef;
  day?: string;
}

export interface Group<T> {
  /** 'category': voting members of one category; 'consultative': members with a consultative vote. */
  kind: 'category' | 'consultative';
  /** Category id ('' for members without a category); 'consultative' for the consultative group. */
  id: string;
  label: string;
  members: T[];
}

export type RosterGroup = Group<MemberRow>;

export interface CategoryInfo {
  id: string;
  label: string;
}

export interface MeetingInfo {
  file: string;
  instance: { nom: string; sigle?: string };
  /** ISO date of the meeting. */
  date: string;
  debut: string;
  fin?: string;
  lieu?: string;
  modalite: string;
}

export interface Roster {
  meeting: MeetingInfo;
  /** Every member, in the composition's order. */
  members: MemberRow[];
  /** Members by category ('' first, then the composition's categories), consultative members last. */
  groups: RosterGroup[];
  guests: GuestRow[];
  /** Categories that have members, in display order, with their labels. */
  categories: CategoryInfo[];
  counts: MeetingCounts;
  quorumRule?: Quorum;
}

export const NO_CATEGORY_LABEL = 'Sans catégorie';
export const CHAIR_LABEL = 'Présidence';
export const CONSULTATIVE_LABEL = 'Membres à voix consultative';

export function personInfo(person: Person & { id: string }): PersonInfo {
  return {
    id: person.id,
    name: displayName(person, 'full'),
    civilite: person.civilite ?? '',
    prenom: person.prenom ?? '',
    nom: person.nom === undefined ? '' : surname(person.nom),
    ...(genderOf(person) ? { genre: genderOf(person)! } : {}),
    ...(person.fonction ? { fonction: person.fonction } : {}),
  };
}

/** The chair, the secretary (or both). */
export function roles(resolved: ResolvedMeeting, id: string): Role[] {
  const { seance } = resolved.meeting;
  return [...(seance.presidence === id ? (['chair'] as const) : []), ...(seance.secretaires.includes(id) ? (['secretary'] as const) : [])];
}

export function buildRoster(resolved: ResolvedMeeting): Roster {
  const { meeting, composition } = resolved;
  const counts = computeCounts(resolved);
  const ref = (id: string): PersonRef => {
    const person = resolved.people.get(id);
    return { id, name: person ? displayName(person, 'full') : id };
  };
  // Who holds what: the holder's side of each representation or proxy.
  const holds = new Map<string, (PersonRef & { kind: 'represented' | 'proxy' })[]>();
  for (const id of resolved.order.excused) {
    const state = resolved.attendance.get(id);
    if (state?.kind !== 'excused') continue;
    const holder = state.representedBy ?? state.proxyTo;
    if (!holder) continue;
    if (!holds.has(holder)) holds.set(holder, []);
    holds.get(holder)!.push({ ...ref(id), kind: state.representedBy ? 'represented' : 'proxy' });
  }

  const dayOf = (id: string): { day?: string } => {
    const person = resolved.people.get(id);
    const day = person ? presenceDetails(person, resolved.attendance.get(id), (other) => ref(other).name) : undefined;
    return day ? { day } : {};
  };

  const members: MemberRow[] = [];
  for (const [id, person] of resolved.people) {
    // Substitutes are not in office: one who sat is listed with the guests, the others not at all.
    if (!person.member || person.suppleant) continue;
    const state = resolved.attendance.get(id);
    const counted = countedState(resolved, id);
    const holderId = state?.kind === 'excused' ? (state.representedBy ?? state.proxyTo) : undefined;
    const shown: MemberState =
      counted === 'represented' ? (state?.kind === 'excused' && state.representedBy ? 'represented' : 'proxy') : counted;
    members.push({
      ...personInfo(person),
      category: person.categorie ?? '',
      voting: person.voting,
      state: shown,
      counted,
      ...(holderId ? { holder: ref(holderId) } : {}),
      holds: holds.get(id) ?? [],
      roles: roles(resolved, id),
      unlisted: state?.kind === 'absent' && !state.listed,
      ...(state?.kind === 'excused' && state.substitutedBy ? { substitute: ref(state.substitutedBy) } : {}),
      ...dayOf(id),
    });
  }

  const sittingSubstitutes = resolved.order.present.filter((id) => resolved.people.get(id)?.suppleant);
  const guests: GuestRow[] = [...resolved.order.guests, ...resolved.order.others.flatMap((list) => list.ids), ...sittingSubstitutes]
    .map((id) => resolved.people.get(id))
    .filter((person): person is ResolvedPerson => person !== undefined && (!person.member || person.suppleant === true))
    .map((person) => {
      const state = resolved.attendance.get(person.id);
      return {
        ...personInfo(person),
        roles: roles(resolved, person.id),
        holds: holds.get(person.id) ?? [],
        ...(state?.kind === 'present' && state.substituteFor ? { sitsFor: ref(state.substituteFor) } : {}),
        ...dayOf(person.id),
      };
    });

  const categories = categoryOrder(resolved.categories, members);
  const groups = groupMembers(categories, members);

  return {
    meeting: {
      file: resolved.file,
      instance: { nom: composition.instance.nom, ...(composition.instance.sigle ? { sigle: composition.instance.sigle } : {}) },
      date: meeting.seance.date,
      debut: meeting.seance.debut,
      ...(meeting.seance.fin ? { fin: meeting.seance.fin } : {}),
      ...(meeting.seance.lieu ? { lieu: meeting.seance.lieu } : {}),
      modalite: meeting.seance.modalite,
    },
    members,
    groups,
    guests,
    categories,
    counts,
    ...(quorumRule(composition.instance) ? { quorumRule: quorumRule(composition.instance)! } : {}),
  };
}

/**
 * Display order of the categories that have members: members without a category first (the chair, in
 * the reference), then the composition's categories in declaration order, then undeclared ones. The
 * members without a category are headed "Présidence" when they are exactly the chair.
 */
export function categoryOrder(declared: [string, string][], members: { category: string; roles?: Role[] }[]): CategoryInfo[] {
  const labels = new Map(declared);
  const uncategorised = members.filter((m) => m.category === '');
  if (uncategorised.length > 0 && uncategorised.every((m) => m.roles?.includes('chair'))) labels.set('', CHAIR_LABEL);
  const ids = ['', ...labels.keys(), ...members.map((m) => m.category)];
  const used = new Set(members.map((m) => m.category));
  return [...new Set(ids)].filter((id) => used.has(id)).map((id) => ({ id, label: categoryLabel(labels, id) }));
}

export function categoryLabel(labels: Map<string, string>, id: string): string {
  return labels.get(id) ?? (id === '' ? NO_CATEGORY_LABEL : id);
}

/** Voting members by category (in `categories` order), then the members with a consultative vote. */
export function groupMembers<T extends { category: string; voting: boolean }>(categories: CategoryInfo[], members: T[]): Group<T>[] {
  const groups: Group<T>[] = categories
    .map((c): Group<T> => ({ kind: 'category', id: c.id, label: c.label, members: members.filter((m) => m.voting && m.category === c.id) }))
    .filter((g) => g.members.length > 0);
  const consultative = members.filter((m) => !m.voting);
  if (consultative.length > 0) groups.push({ kind: 'consultative', id: 'consultative', label: CONSULTATIVE_LABEL, members: consultative });
  return groups;
}
