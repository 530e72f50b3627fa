// How people are named in the minutes: "Mme Chantal CASTELNOT" in lists, "Mme SAUVAIRE" in prose,
// "Mmes BRIONNET et MASSÉ" for several presenters, "Mmes DURAND, FERRY, MM. ALLAIN" for a run of names,
// "Mme la représentante de l’UDAF" for a seat without a name; and gender agreement. The file holds each
// name once, as written; civility form, name order and capitals are the house style's (PeopleStyle).
import type { PeopleStyle, Person } from './schema.js';

export type Named = Pick<Person, 'civilite' | 'genre' | 'prenom' | 'nom' | 'appellation' | 'representant_de'>;
export type NameStyle = Required<PeopleStyle>;

export const DEFAULT_NAME_STYLE: NameStyle = { civilite: 'abregee', ordre: 'prenom_nom', capitales: 'nom', prenom: 'complet' };

// Particles stay as typed (lower case in French: "de", "du", "d’"); the name after them goes to capitals.
const PARTICLES = new Set(['de', 'du', 'des', 'van', 'von', 'der', 'den', 'da', 'di', 'dos', 'das', 'del', 'della']);

/**
 * Surname in capitals, accents kept (MASSÉ), particles before the name as typed: "de La Tour" →
 * "de LA TOUR", "d'Arc" → "d’ARC", "de la Tour d'Auvergne" → "de LA TOUR D’AUVERGNE".
 */
export function surname(nom: string): string {
  const words = nom.trim().replace(/'/g, '’').split(/\s+/);
  let leading = true;
  return words
    .map((word, i) => {
      const elided = /^(d’|D’)(\p{L}.*)$/u.exec(word);
      if (leading && elided) {
        leading = false;
        return `d’${elided[2]!.toLocaleUpperCase('fr-FR')}`;
      }
      if (leading && i < words.length - 1 && PARTICLES.has(word.toLowerCase())) return word;
      leading = false;
      return word.toLocaleUpperCase('fr-FR');
    })
    .join(' ');
}

/** Each civility: its abbreviation, its full form, and both plurals (for "MM. ALLAIN, BRIARD"). */
const CIVILITY_FORMS: Record<string, { short: string; long: string; shortPlural: string; longPlural: string; genre?: 'f' | 'm' }> = {
  'M.': { short: 'M.', long: 'Monsieur', shortPlural: 'MM.', longPlural: 'Messieurs', genre: 'm' },
  Mme: { short: 'Mme', long: 'Madame', shortPlural: 'Mmes', longPlural: 'Mesdames', genre: 'f' },
  Dr: { short: 'Dr', long: 'Docteur', shortPlural: 'Drs', longPlural: 'Docteurs' },
  Me: { short: 'Me', long: 'Maître', shortPlural: 'Mes', longPlural: 'Maîtres' },
  Pr: { short: 'Pr', long: 'Professeur', shortPlural: 'Prs', longPlural: 'Professeurs' },
};
const FULL_TO_SHORT: Record<string, string> = { Monsieur: 'M.', Madame: 'Mme', Docteur: 'Dr', Maître: 'Me', Professeur: 'Pr' };

/** The civility as the file means it, whatever its spelling: "Madame" → "Mme". */
/** What agreement needs: the civility as written, and the gender when the file gives it. */
export type Gendered = { civilite?: string | undefined; genre?: 'f' | 'm' | undefined };

export function civilityKey(person: Gendered): string | undefined {
  return person.civilite === undefined ? undefined : (FULL_TO_SHORT[person.civilite] ?? person.civilite);
}

function civilityWord(person: Gendered, style: NameStyle, plural = false): string {
  const key = civilityKey(person);
  if (!key || style.civilite === 'aucune') return '';
  const forms = CIVILITY_FORMS[key]!;
  if (style.civilite === 'complete') return plural ? forms.longPlural : forms.long;
  return plural ? forms.shortPlural : forms.short;
}

/** Grammatical gender: `genre`, else from the civility (M. / Mme); undefined when nothing says. */
export function genderOf(person: Gendered): 'f' | 'm' | undefined {
  if (person.genre) return person.genre;
  const key = civilityKey(person);
  return key ? CIVILITY_FORMS[key]?.genre : undefined;
}

export function isFeminine(person: Gendered): boolean {
  return genderOf(person) === 'f';
}

/**
 * Gender agreement: agree(p, 'représenté', 'représentée'). When nothing gives the gender, the
 * inclusive form where the feminine only adds letters ("représenté(e)"), else the masculine.
 */
export function agree(person: Gendered, masculine: string, feminine: string): string {
  const gender = genderOf(person);
  if (gender === 'f') return feminine;
  if (gender === 'm' || !feminine.startsWith(masculine)) return masculine;
  return `${masculine}(${feminine.slice(masculine.length)})`;
}

/** "du Préfet", "de la Région", "de l’UDAF", "des Amis" after "représentant". */
export function withDe(complement: string): string {
  const text = complement.trim().replace(/'/g, '’');
  if (/^le\s/i.test(text)) return `du ${text.slice(3)}`;
  if (/^les\s/i.test(text)) return `des ${text.slice(4)}`;
  if (/^(de|du|des|d’)\s?/i.test(text)) return text;
  return `de ${text}`;
}

/** "la représentante de l’UDAF", "le représentant de l’UDAF" (gender unknown: masculine generic). */
function seatName(person: Named): string {
  const feminine = isFeminine(person);
  return `${feminine ? 'la représentante' : 'le représentant'} ${withDe(person.representant_de ?? '')}`;
}

/** "P.-Y." from "Pierre-Yves", "P. Y." kept as written. */
function initials(prenom: string): string {
  return prenom
    .split(/\s+/)
    .map((word) =>
      word
        .split('-')
        .map((part) => (/^\p{L}\.?$/u.test(part) ? `${part.charAt(0)}.` : `${part.charAt(0).toLocaleUpperCase('fr-FR')}.`))
        .join('-'),
    )
    .join(' ');
}

function familyName(nom: string, style: NameStyle): string {
  return style.capitales === 'aucune' ? nom.trim().replace(/'/g, '’') : surname(nom);
}

/** The name without civility, in the house order: "Anne DURAND", "DURAND Anne", "A. DURAND". */
function bareName(person: Named, style: NameStyle): string {
  if (person.nom === undefined) return seatName(person);
  const family = familyName(person.nom, style);
  const given = person.prenom === undefined || style.prenom === 'aucun' ? '' : style.prenom === 'initiale' ? initials(person.prenom) : person.prenom.trim();
  const name = [style.ordre === 'nom_prenom' ? [family, given] : [given, family]].flat().filter(Boolean).join(' ');
  return style.capitales === 'tout' ? name.toLocaleUpperCase('fr-FR') : name;
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

/**
 * 'full': "Mme Chantal CASTELNOT" (attendance lists);
 * 'short': "Mme SAUVAIRE", or "Mme la Préfète" when the person has an appellation (prose);
 * 'signature': "Chantal CASTELNOT" (under a signature).
 * A seat without a name is "Mme la représentante de l’UDAF" in every form.
 */
export function displayName(person: Named, form: 'full' | 'short' | 'signature', style: NameStyle = DEFAULT_NAME_STYLE): string {
  const civility = civilityWord(person, style);
  if (person.nom === undefined) return join(form === 'signature' ? '' : civility, seatName(person));
  switch (form) {
    case 'full':
      return join(civility, bareName(person, style));
    case 'short': {
      if (person.appellation) return join(civility, person.appellation);
      const family = familyName(person.nom, style);
      // Without any civility, a surname alone would be curt: keep the first name.
      return civility ? join(civility, style.capitales === 'tout' ? family.toLocaleUpperCase('fr-FR') : family) : bareName(person, style);
    }
    case 'signature':
      return bareName(person, style);
  }
}

// Made on first use: creating an Intl formatter loads locale data, which validating does not need.
let listFormatter: Intl.ListFormat | undefined;
const listFormat = { format: (items: string[]): string => (listFormatter ??= new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' })).format(items) };

/** "Mme SAUVAIRE", "Mmes BRIONNET et MASSÉ", "M. PIERRE et Mme ROUX". */
export function groupNames(people: Named[], style: NameStyle = DEFAULT_NAME_STYLE): string {
  if (people.length === 0) return '';
  if (people.length === 1) return displayName(people[0]!, 'short', style);
  const civility = civilityKey(people[0]!);
  const sameCivility = civility !== undefined && people.every((p) => civilityKey(p) === civility && !p.appellation && p.nom !== undefined);
  if (sameCivility && style.civilite !== 'aucune') {
    return `${civilityWord(people[0]!, style, true)} ${listFormat.format(people.map((p) => familyName(p.nom!, style)))}`;
  }
  return listFormat.format(people.map((p) => displayName(p, 'short', style)));
}

/** Whether a person can join a collective civility: a civility and a surname, nothing else printed. */
export function collectible(person: Named): boolean {
  return civilityKey(person) !== undefined && person.nom !== undefined && !person.appellation;
}

/**
 * Runs of consecutive people who share a civility, in the order given: [[DURAND, FERRY], [ALLAIN]].
 * `alone` keeps a person out of any run (one whose line says more than a name).
 */
export function civilityRuns<T extends Named>(people: T[], alone: (person: T) => boolean = () => false): T[][] {
  const runs: T[][] = [];
  for (const person of people) {
    const last = runs.at(-1);
    const joins = last !== undefined && !alone(person) && collectible(person) && !alone(last[0]!) && collectible(last[0]!) && civilityKey(last[0]!) === civilityKey(person);
    if (joins) last.push(person);
    else runs.push([person]);
  }
  return runs;
}

/** "Mmes DURAND, FERRY" for a run of two or more; the person's short name for a run of one. */
export function collectiveRun(run: Named[], style: NameStyle = DEFAULT_NAME_STYLE): string {
  if (run.length === 1 || style.civilite === 'aucune') return run.map((p) => displayName(p, 'short', style)).join(', ');
  const surnames = run.map((p) => familyName(p.nom!, style));
  return `${civilityWord(run[0]!, style, true)} ${(style.capitales === 'tout' ? surnames.map((n) => n.toLocaleUpperCase('fr-FR')) : surnames).join(', ')}`;
}

/**
 * Collective civilities over a run of surnames, in the order given: "Mmes DURAND, FERRY, MM. ALLAIN,
 * BRIARD, Mme LEJARD". People without civility or without a surname keep their own short name.
 */
export function collectiveNames(people: Named[], style: NameStyle = DEFAULT_NAME_STYLE): string {
  return civilityRuns(people)
    .map((run) => collectiveRun(run, style))
    .join(', ');
}
