// The template context as a declared interface: everything a template may print, already computed. Plain
// JSON; prose stays as typed (rich text, rendered by {{rich}}). docs/templates.md describes it for users.
import type { ATTENDANCE_LISTS, HeadBlock, Labels, Organisation } from '../../model/schema.js';
import type { ContextList, ContextPicture, ContextTable } from '../content-context.js';

/** One attendance list's name: presents, excuses, procurations… */
export type AttendanceList = (typeof ATTENDANCE_LISTS)[number];

/** One person's line in an attendance list. */
export interface PersonLine {
  /** "M. Eric ROSE"; a seat named by its role opens with a capital ("Le représentant du …"). */
  nom: string;
  fonction?: string;
  /** "représentée par Mme Nathalie BRIONNET", "donne pouvoir à M. Paul DURAND", "représentant le Préfet". */
  suite?: string;
  /** The suite opens with a participle ("représentée par"), set off by a comma even without a function. */
  apposition?: boolean;
  /** What happened on the day, after the name: "(arrivée à 19h49)", a note of this meeting. */
  precisions?: string;
  /** The last line of its group (it ends with "." instead of " ;"). */
  last: boolean;
  /** The whole line as printed, punctuation included: "Mme X, maire, représentée par Y ;". */
  texte: string;
}

/** A group of an attendance list: one category, or the whole list when it is not grouped. */
export interface AttendanceGroup {
  categorie?: string;
  personnes: PersonLine[];
  /** The whole group in one paragraph, when the house style runs the names in ("A, B, MM. C, D."). */
  en_ligne?: string;
  /** The group as a two-column table (style.presences.<list>.forme: colonnes): name | organisation or function. */
  colonnes?: { nom: string; detail: string }[];
}

/** Counts as templates print them ("Présents : 19 – Votants : 25"). */
export interface ContextCounts {
  /** The counts line: the meeting's (block effectifs) or a deliberation's (phrase effectifs_point). */
  ligne?: string;
  en_exercice: number;
  presents: number;
  representes: number;
  excuses: number;
  absents: number;
  votants: number;
}

/** The quorum at the opening, when the body has a rule. */
export interface ContextQuorum {
  atteint: boolean;
  seconde_convocation: boolean;
  requis: number;
  compte: number;
  /** What was counted, in words: "membres présents" or "membres présents ou représentés". */
  comptes: string;
  /** The quorum sentence (block quorum): the house style's or the default one. */
  phrase: string;
}

/** A deliberation and its vote. */
export interface ContextDeliberation {
  numero?: string;
  titre: string;
  /** "Mme FONTAINE". */
  rapporteur?: string;
  texte: ContextBlock[];
  /** "Adoptée par 20 voix pour et 5 voix contre." */
  resultat?: string;
  /** The lines of a named vote: "Contre : M. LACROIX.", "Abstention : …". */
  votants: string[];
  /** The counts at this deliberation, when arrivals or departures make them differ from the meeting's. */
  effectifs?: ContextCounts;
}

/** One content item, recognised by its main key. */
export type ContextBlock =
  /** `garder`: keep with what follows (the last paragraph of a deliberation, before its result). */
  | { paragraphe: string; garder?: boolean }
  | { intertitre: string }
  /** `liste`: the items' texts; `elements`: the same with their sub-lists (content-context.ts). */
  | ({ liste: string[] } & ContextList)
  | { encadre: ContextBlock[]; titre?: string }
  | { filet: true }
  | { tableau: ContextTable }
  | { image: ContextPicture }
  | { echange: string; nature: 'question' | 'remarque' | 'reponse' }
  | { sans_question: string }
  | { engagement: string; responsable?: string; echeance?: string }
  | { deliberation: ContextDeliberation };

/** One agenda item and its sub-items. */
export interface ContextPoint {
  /** "I", "a", "1", "i" by depth (compte rendu numbering). */
  numero: string;
  /** The item's label in the house style's numbering: "I –", "1.", "a)", "A -"; '' when not numbered. */
  etiquette: string;
  /** Position among its siblings, from 1 (for templates that number 1, 2, 3 at every level). */
  rang: number;
  titre: string;
  /** 1 for "I –", 2 for "a)", 3 and 4 deeper. */
  niveau: number;
  presentation?: { par: string; diaporama?: string };
  /** "Mme DURAND", "MM. PIERRE et PAUL": who reports the item. */
  rapporteur?: string;
  contenu: ContextBlock[];
  points: ContextPoint[];
}

export interface ContextSignatory {
  /** "La présidente,"; '' for a signatory without a quality. */
  qualite: string;
  /** The quality on several lines ("Pour le préfet et par délégation,", "Le secrétaire général,"). */
  qualite_lignes: string[];
  nom: string;
}

export interface ContextOrganisation {
  marque?: { institution: string[]; devise: boolean; logo?: { fichier: string; largeur: number; alt: string } };
  services: string[];
  adresse: string[];
  contact?: NonNullable<Organisation['contact']>;
  /** The contact block's lines, ready to print ("Affaire suivie par :", the name, "Tél : …"). */
  contact_lignes?: string[];
}

export interface ContextInstance {
  nom: string;
  sigle?: string;
  /** "du Comité", "de la Commission". */
  du: string;
  /** "le Conseil municipal"; `Le` with a capital. */
  le: string;
  Le: string;
  /** Agreement of the body's name: "réuni" (le Conseil) or "réunie" (la Commission). */
  reuni: string;
  convoque: string;
}

export interface ContextDocument {
  /** The title's lines joined by a space, when the file or the house style gives one. */
  titre?: string;
  titre_lignes: string[];
  sous_titre?: string;
  lieu: string;
  date: string;
  reference?: string;
  /** "Poitiers, le 14 juin 2021", or "Le 14 juin 2021" when no place is known, or the body's own form. */
  ligne_date: string;
  /** "Validé en séance du 15 septembre 2008", when the minutes say which meeting approved them. */
  approbation?: string;
}

export interface ContextSecretariat {
  /** "Secrétaire de séance", "Secrétaires de séance". */
  libelle: string;
  noms: string;
  /** "est désignée secrétaire de séance". */
  phrase: string;
  /** The house style's sentence (phrases.secretariat), placeholders filled. */
  phrase_maison?: string;
  /** The sentence the block secretariat_phrase prints: the house style's, or the names and `phrase`. */
  texte: string;
}

export interface ContextSession {
  /** "jeudi 6 mai 2021", the first three words joined by no-break spaces. */
  date: string;
  debut: string;
  fin?: string;
  lieu?: string;
  modalite: string;
  convocation?: string;
  presidence: {
    nom: string;
    /** "de M. X", "d’ARNAUD Jean-Louis". */
    de: string;
    fonction?: string;
    /** The chair and function as the block presidence prints them: "M. X, maire". */
    ligne: string;
    /** The chair in a sentence (block presidence_phrase): "Sous la présidence de M. X, maire." */
    phrase: string;
  };
  /** The opening sentence of a procès-verbal (block formule): the house style's or the default one. */
  formule: string;
  affichage?: string;
  /** "1 h 45" and "Durée de la séance : 1 h 45" (block duree), when the end is known. */
  duree?: string;
  ligne_duree?: string;
  secretaires: { nom: string; designe: string }[];
  secretariat?: ContextSecretariat;
  officiers: { libelle: string; noms: string }[];
}

export interface ContextClosing {
  titre?: string;
  /** The closing formula, rich text, without its final full stop. */
  formule: string;
  contenu: ContextBlock[];
}

export interface ContextAnnex {
  entete: string[];
  titre: string;
  auteur?: string;
  contenu: ContextBlock[];
}

/** What a template sees. */
export interface TemplateContext {
  organisation: ContextOrganisation;
  instance: ContextInstance;
  document: ContextDocument;
  seance: ContextSession;
  libelles: Required<Labels>;
  /** The head's blocks in order: a block's name, or a free line with its placeholders filled. */
  entete: (HeadBlock | { texte: string })[];
  /** The body's own sentences, placeholders filled: formule, effectifs, quorum, quorum_non_atteint. */
  phrases: Partial<Record<'formule' | 'effectifs' | 'quorum' | 'quorum_non_atteint', string>>;
  presents: AttendanceGroup[];
  /** Those who arrived after the opening, when the head lists them apart (block arrivees). */
  arrivees: AttendanceGroup[];
  presents_et_presidence: AttendanceGroup[];
  procurations: AttendanceGroup[];
  excuses: AttendanceGroup[];
  absents: AttendanceGroup[];
  invites: AttendanceGroup[];
  autres_listes: { titre: string; groupes: AttendanceGroup[] }[];
  /** The text of each attendance list when it is empty (style.presences.<list>.vide); the presents' is the label neant. */
  vides: Partial<Record<AttendanceList, string>>;
  /** The agenda recap (block ordre_du_jour): the first-level items with their labels. */
  ordre_du_jour: { etiquette: string; titre: string }[];
  effectifs: ContextCounts & { quorum?: ContextQuorum };
  preambule: ContextBlock[];
  ouverture: ContextBlock[];
  points: ContextPoint[];
  cloture?: ContextClosing;
  /** The commitments of the whole meeting, in order (releve_engagements: true). */
  engagements?: { texte: string; responsable: string; echeance: string }[];
  signataires: ContextSignatory[];
  annexes: ContextAnnex[];
}
