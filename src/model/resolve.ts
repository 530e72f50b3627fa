// The resolved meeting: people by id (members and guests), each person's attendance state (with what
// happened during the meeting: arrival, departure, substitute), categories, labels and the house style.
// Validation, rendering and the roster all read this one model.
import type { LoadedMeeting } from '../load/load-meeting.js';
import type { AgendaItem, AttendanceStyle, HeadEntry, Labels, LIST_MARKS, Moment, NUMBERINGS, Person, Phrases, ProxyStyle, Style } from './schema.js';
import { DEFAULT_LABELS } from './labels.js';
import { houseStyle, type HouseStyleName } from './house-styles.js';
import { isBuiltinTemplate } from '../compose/builtin-templates.js';
import path from 'node:path';
import { DEFAULT_NAME_STYLE, type NameStyle } from './names.js';
import { momentOf, pointExists, type ResolvedMoment } from './moments.js';

export interface ResolvedPerson extends Person {
  id: string;
  /** Member of the body (declared in the composition), as opposed to a guest of this meeting. */
  member: boolean;
  /** Counts among voters when present or represented. */
  voting: boolean;
}

/** What the meeting file says of a person on this day only (never carried to other meetings). */
interface Noted {
  note?: string;
}

/** Arrival after the opening, departure before the end: who is counted at each point. */
export interface Presence extends Noted {
  arrival?: ResolvedMoment;
  departure?: ResolvedMoment;
  /** Proxy given on leaving, counted from the departure on. */
  proxyOnLeave?: string;
}

export type AttendanceState =
  | ({ kind: 'present'; substituteFor?: string } & Presence)
  | ({ kind: 'guest' } & Presence)
  | ({ kind: 'excused'; representedBy?: string; proxyTo?: string; substitutedBy?: string; listed: boolean } & Noted)
  /** `listed` is false for a member the meeting file does not mention at all. */
  | ({ kind: 'absent'; listed: boolean } & Noted);

export interface ResolvedStyle {
  /** The built-in house style the files name (the last one set: meeting, then composition, then organisation). */
  base?: HouseStyleName;
  /** The template: a built-in name, or an absolute folder path. undefined: compte-rendu. */
  modele?: string;
  personnes: NameStyle;
  /** undefined: the template decides (the procès-verbal lists the chair among those present). */
  presidence_parmi_presents?: boolean;
  regrouper: boolean;
  /** One person a line, or run-in ("A, B, C"), or run-in with collective civilities ("Mmes A, B, MM. C"). */
  listes: 'lignes' | 'en_ligne' | 'collectif';
  /** undefined: the template's order. */
  entete?: HeadEntry[];
  /** undefined: the template's numbering. */
  numerotation?: (typeof NUMBERINGS)[number][];
  phrases: Phrases;
  /** The body's votes give opinions (« Avis favorable ») rather than decisions (« Adoptée »). */
  avis: boolean;
  /** Each attendance list's own keys (forme, vide, regrouper…), merged list by list. */
  presences: AttendanceStyle;
  pouvoirs: ProxyStyle;
  /** undefined: check marks. */
  puces?: (typeof LIST_MARKS)[number];
  numerotation_continue: boolean;
}

export interface ResolvedMeeting extends LoadedMeeting {
  people: Map<string, ResolvedPerson>;
  /** State of every member, and of every guest. */
  attendance: Map<string, AttendanceState>;
  /** Ids in the order the meeting lists them, per state; `others` are the extra lists with their titles. */
  order: { present: string[]; excused: string[]; absent: string[]; guests: string[]; others: { title: string; ids: string[] }[] };
  /** Category id → label, in declaration order. */
  categories: [string, string][];
  labels: Required<Labels>;
  style: ResolvedStyle;
}

type Entry<T extends object> = string | ({ id: string } & T);
const idOf = (entry: Entry<object>): string => (typeof entry === 'string' ? entry : entry.id);

function presenceOf(entry: Entry<{ arrivee?: Moment; depart?: Moment; pouvoir_a?: string; note?: string }>, agenda: readonly AgendaItem[]): Presence {
  if (typeof entry === 'string') return {};
  // A point missing from the agenda is reported once (point-not-found), not counted against every vote.
  const placed = (moment: Moment) => {
    const m = momentOf(moment);
    return m.point && !pointExists(agenda, m.point) ? { ...(m.time ? { time: m.time } : {}) } : m;
  };
  return {
    ...(entry.arrivee !== undefined ? { arrival: placed(entry.arrivee) } : {}),
    ...(entry.depart !== undefined ? { departure: placed(entry.depart) } : {}),
    ...(entry.pouvoir_a ? { proxyOnLeave: entry.pouvoir_a } : {}),
    ...(entry.note ? { note: entry.note } : {}),
  };
}

export function resolveMeeting(loaded: LoadedMeeting): ResolvedMeeting {
  const { meeting, composition, organisation } = loaded;
  const people = new Map<string, ResolvedPerson>();
  for (const [id, person] of Object.entries(composition.membres)) {
    people.set(id, { ...person, id, member: true, voting: person.voix !== 'consultative' && !person.suppleant });
  }
  for (const [id, person] of Object.entries(meeting.personnes)) {
    if (!people.has(id)) people.set(id, { ...person, id, member: false, voting: false });
  }

  const attendance = new Map<string, AttendanceState>();
  const order: ResolvedMeeting['order'] = { present: [], excused: [], absent: [], guests: [], others: [] };
  const setOnce = (id: string, state: AttendanceState, list: string[]) => {
    if (attendance.has(id)) return; // conflicts are reported by the cross-checks
    attendance.set(id, state);
    list.push(id);
  };
  const { presences } = meeting;
  for (const entry of presences.presents) {
    const substituteFor = typeof entry === 'string' ? undefined : entry.remplace;
    setOnce(idOf(entry), { kind: 'present', ...presenceOf(entry, meeting.points), ...(substituteFor ? { substituteFor } : {}) }, order.present);
  }
  for (const entry of presences.invites) setOnce(idOf(entry), { kind: 'guest', ...presenceOf(entry, meeting.points) }, order.guests);
  for (const list of presences.autres_listes) {
    const ids: string[] = [];
    for (const entry of list.personnes) setOnce(idOf(entry), { kind: 'guest', ...presenceOf(entry, meeting.points) }, ids);
    order.others.push({ title: list.titre, ids });
  }
  for (const entry of presences.excuses) {
    if (typeof entry === 'string') setOnce(entry, { kind: 'excused', listed: true }, order.excused);
    else
      setOnce(
        entry.id,
        {
          kind: 'excused',
          listed: true,
          ...(entry.represente_par ? { representedBy: entry.represente_par } : {}),
          ...(entry.pouvoir_a ? { proxyTo: entry.pouvoir_a } : {}),
          ...(entry.note ? { note: entry.note } : {}),
        },
        order.excused,
      );
  }
  for (const entry of presences.absents) setOnce(idOf(entry), { kind: 'absent', listed: true, ...(typeof entry === 'string' || !entry.note ? {} : { note: entry.note }) }, order.absent);

  // A substitute sits for a titular member: the titular's seat is held, whether the file lists the
  // titular as excused or not at all.
  for (const [id, state] of attendance) {
    if (state.kind !== 'present' || !state.substituteFor) continue;
    const titular = attendance.get(state.substituteFor);
    if (titular === undefined && people.get(state.substituteFor)?.member) attendance.set(state.substituteFor, { kind: 'excused', listed: false, substitutedBy: id });
    else if (titular?.kind === 'excused' && !titular.substitutedBy) titular.substitutedBy = id;
  }
  for (const [id, person] of people) {
    if (person.member && !attendance.has(id)) {
      attendance.set(id, { kind: 'absent', listed: false });
      if (!person.suppleant) order.absent.push(id);
    }
  }

  const { sources } = loaded;
  const declared = [
    { style: organisation?.style, labels: organisation?.libelles, dir: sources.organisation && sourceDir(sources.organisation) },
    { style: composition.style, labels: composition.libelles, dir: sourceDir(sources.composition) },
    { style: meeting.style, labels: meeting.libelles, dir: sourceDir(sources.meeting) },
  ];
  const base = declared.reduce<HouseStyleName | undefined>((name, file) => file.style?.base ?? name, undefined);
  const house = base ? houseStyle(base) : undefined;
  const style = mergeStyles([{ style: house?.style }, ...declared]);
  if (base) style.base = base;
  return {
    ...loaded,
    people,
    attendance,
    order,
    categories: Object.entries(composition.categories),
    labels: { ...DEFAULT_LABELS, ...house?.libelles, ...organisation?.libelles, ...composition.libelles, ...meeting.libelles },
    style,
  };
}

/** The folder a file's relative paths start from: its own, or the working directory for standard input. */
export const sourceDir = (source: { file: string; baseDir?: string }): string => source.baseDir ?? path.dirname(path.resolve(source.file));

/** A template named by a file: a built-in name, or a folder relative to that file. */
function templateNamed(modele: string, dir: string | undefined): string {
  return isBuiltinTemplate(modele) || dir === undefined ? modele : path.resolve(dir, modele);
}

/** The house style, then organisation, composition and meeting: the later one wins, key by key. */
function mergeStyles(layers: { style?: Omit<Style, 'base'> | undefined; dir?: string | undefined }[]): ResolvedStyle {
  const merged: ResolvedStyle = { personnes: { ...DEFAULT_NAME_STYLE }, regrouper: true, listes: 'lignes', phrases: {}, avis: false, presences: {}, pouvoirs: {}, numerotation_continue: false };
  for (const { style, dir } of layers) {
    if (!style) continue;
    if (style.modele !== undefined) merged.modele = templateNamed(style.modele, dir);
    Object.assign(merged.personnes, style.personnes);
    if (style.presidence_parmi_presents !== undefined) merged.presidence_parmi_presents = style.presidence_parmi_presents;
    if (style.regrouper !== undefined) merged.regrouper = style.regrouper;
    if (style.entete !== undefined) merged.entete = style.entete;
    if (style.listes !== undefined) merged.listes = style.listes;
    if (style.avis !== undefined) merged.avis = style.avis;
    if (style.numerotation !== undefined) merged.numerotation = style.numerotation;
    Object.assign(merged.phrases, style.phrases);
    for (const [list, listStyle] of Object.entries(style.presences ?? {})) {
      const key = list as keyof AttendanceStyle;
      merged.presences[key] = { ...merged.presences[key], ...listStyle };
    }
    Object.assign(merged.pouvoirs, style.pouvoirs);
    if (style.puces !== undefined) merged.puces = style.puces;
    if (style.numerotation_continue !== undefined) merged.numerotation_continue = style.numerotation_continue;
  }
  return merged;
}

/** Present in the room at some time (members and guests): may speak, present, sign, represent or hold a proxy. */
export function isPresent(resolved: ResolvedMeeting, id: string): boolean {
  const state = resolved.attendance.get(id);
  return state?.kind === 'present' || state?.kind === 'guest';
}
