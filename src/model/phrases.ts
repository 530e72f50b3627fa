// A body's own sentences with {placeholders}: "L'an {annee_lettres}, le {jour_lettres} {mois}…". The
// names are fixed here (the validator checks them, docs/format.md lists them); the values are computed
// from the meeting by the compose stage.

export const PLACEHOLDERS = [
  'lieu',
  'date_document',
  'date',
  'date_courte',
  'jour_semaine',
  'annee',
  'annee_lettres',
  'annee_lettres_mil',
  'jour_lettres',
  'mois',
  'heure',
  'heure_lettres',
  'fin',
  'fin_lettres',
  'lieu_seance',
  'instance',
  'Instance',
  'du_instance',
  'reuni',
  'convoque',
  'presidence',
  'presidence_fonction',
  'convocation',
  'secretaires',
  'designation',
  'en_exercice',
  'en_exercice_lettres',
  'presents',
  'presents_lettres',
  'representes',
  'representes_lettres',
  'votants',
  'votants_lettres',
  'excuses',
  'excuses_lettres',
  'absents',
  'absents_lettres',
  'quorum_requis',
  'quorum_compte',
  'majorite_absolue',
  'date_approbation',
  'reference',
  'affichage',
  'de_presidence',
  'duree',
  'cotisants',
  'cotisants_lettres',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PATTERN = /\{([^{}\s]*)\}/g;

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/**
 * The placeholder a {name} stands for, and whether its value starts with a capital: {Presents_lettres}
 * is {presents_lettres} at the start of a sentence (« Huit membres sont présents »).
 */
export function placeholderOf(name: string): { placeholder: Placeholder; capital: boolean } | undefined {
  if (isPlaceholder(name)) return { placeholder: name, capital: false };
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  return lower !== name && isPlaceholder(lower) ? { placeholder: lower, capital: true } : undefined;
}

/** The {names} a sentence uses that are not placeholders, with their offsets in the sentence. */
export function unknownPlaceholders(sentence: string): { name: string; offset: number }[] {
  return [...sentence.matchAll(PATTERN)].filter((m) => placeholderOf(m[1]!) === undefined).map((m) => ({ name: m[1]!, offset: m.index }));
}

/** The sentence with each {placeholder} replaced by its value ('' when the meeting has none). */
export function fillPlaceholders(sentence: string, values: Partial<Record<Placeholder, string>>): string {
  return sentence.replace(PATTERN, (whole, name: string) => {
    const found = placeholderOf(name);
    if (!found) return whole;
    const value = values[found.placeholder] ?? '';
    return found.capital ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
}
