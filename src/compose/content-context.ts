// What a template sees of the content kinds of real minutes: nested lists, boxed notes, rules, simple
// tables and pictures (docs/templates.md). Plain JSON, prose left as typed (rendered by {{rich}}).
import type { ListItem } from '../model/schema.js';
import type { LIST_MARKS } from '../model/schema.js';

type Marks = (typeof LIST_MARKS)[number];

/** The markup class of each list mark of the format (src/compose/markup.ts). */
export const LIST_MARKERS = {
  coches: 'check',
  tirets: 'dash',
  puces: 'bullet',
  numeros: 'number',
  numeros_parenthese: 'numberParen',
  lettres: 'alpha',
  romains: 'roman',
} as const satisfies Record<Marks, string>;

export type ContextMarker = (typeof LIST_MARKERS)[Marks];

/** One list item: its text, and the list under it when there is one. */
export interface ContextListItem {
  texte: string;
  sous_liste?: ContextList;
}

export interface ContextList {
  puces: ContextMarker;
  elements: ContextListItem[];
}

const NUMBERED: ReadonlySet<Marks> = new Set(['numeros', 'numeros_parenthese', 'lettres', 'romains']);

/** A list and its sub-lists; a sub-list without marks of its own takes "a)" under a numbered list, dashes otherwise. */
export function contextList(items: ListItem[], marks: Marks): ContextList {
  return {
    puces: LIST_MARKERS[marks],
    elements: items.map((item) =>
      typeof item === 'string'
        ? { texte: item }
        : { texte: item.texte, sous_liste: contextList(item.liste, item.puces ?? (NUMBERED.has(marks) ? 'lettres' : 'tirets')) },
    ),
  };
}

/** The texts of a list's own items (the `liste` a template of an earlier version reads). */
export function itemTexts(items: ListItem[]): string[] {
  return items.map((item) => (typeof item === 'string' ? item : item.texte));
}

export interface ContextTable {
  /** The header cells, when the first row is a header. */
  entete?: string[];
  lignes: string[][];
  legende?: string;
  /** Relative widths as the markup takes them: "3,1". */
  largeurs?: string;
}

export function contextTable(t: { tableau: string[][]; entete: boolean; legende?: string | undefined; largeurs?: number[] | undefined }): ContextTable {
  const [first, ...rest] = t.tableau;
  return {
    ...(t.entete && first ? { entete: first } : {}),
    lignes: t.entete ? rest : t.tableau,
    ...(t.legende ? { legende: t.legende } : {}),
    ...(t.largeurs ? { largeurs: t.largeurs.join(',') } : {}),
  };
}

export interface ContextPicture {
  /** As written, relative to the meeting file. */
  fichier: string;
  largeur: number;
  /** The alternative text; '' when not given (the caption's text is then the alternative text). */
  alt: string;
  legende?: string;
}

export function contextPicture(p: { image: string; largeur: number; alt?: string | undefined; legende?: string | undefined }): ContextPicture {
  return { fichier: p.image, largeur: p.largeur, alt: p.alt ?? '', ...(p.legende ? { legende: p.legende } : {}) };
}
