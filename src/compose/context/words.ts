// French words the context assembles: a body's name with its article or preposition, agreement with the
// body or with people, lists of names, durations, the contact block's lines.
import { agree, isFeminine } from '../../model/names.js';
import type { ResolvedPerson } from '../../model/resolve.js';
import type { Instance, Organisation } from '../../model/schema.js';
import { minutesOfDay } from '../../model/time.js';

/** "le Conseil municipal", "la Commission", "l’Assemblée générale". */
export function withArticle(article: string, name: string): string {
  return article === 'l’' || article === "l'" ? `l’${name}` : `${article} ${name}`;
}

/** "du Comité", "de la Commission", "de l’Assemblée", "des Assemblées". */
export function withPreposition(article: string, name: string): string {
  switch (article) {
    case 'la':
      return `de la ${name}`;
    case 'l’':
    case "l'":
      return `de l’${name}`;
    case 'les':
      return `des ${name}`;
    default:
      return `du ${name}`;
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}

/** A participle agreed with the body's name: "réuni" (le Conseil), "réunie" (la Commission), "réunis" (les). */
export function agreedWithBody(instance: Instance, participle: string): string {
  return instance.article === 'les' ? `${participle}s` : (instance.feminin ?? instance.article === 'la') ? `${participle}e` : participle;
}

/** "de M. DUPONT", "d’ARNAUD Jean-Louis": "de" elides before a vowel. */
export function elidedDe(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüœ]/iu.test(name) ? `d’${name}` : `de ${name}`;
}

const listFormat = new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' });

/** "A, B et C". */
export const listOf = (names: string[]): string => listFormat.format(names);

/** A value written as one line or several. */
export const lines = (value: string | string[]): string[] => (typeof value === 'string' ? [value] : value);

/** "Secrétaire de séance" → "Secrétaires de séance". */
export function pluralLabel(label: string): string {
  return label.replace(/^(\S+?)(s?)(\s|$)/u, (_, word: string, s: string, space: string) => `${word}${s || 's'}${space}`);
}

/** "est désignée secrétaire de séance", "sont désignés secrétaires de séance": agreed with the secretaries. */
export function designation(secretaries: ResolvedPerson[]): string {
  if (secretaries.length > 1) return `sont ${secretaries.every((p) => isFeminine(p)) ? 'désignées secrétaires' : 'désignés secrétaires'} de séance`;
  return `est ${agree(secretaries[0]!, 'désigné', 'désignée')} secrétaire de séance`;
}

const OFFICER_WORDS: Record<string, [masculine: string, feminine: string]> = {
  vice_presidence: ['Vice-président', 'Vice-présidente'],
  secretaire_adjoint: ['Secrétaire adjoint', 'Secrétaire adjointe'],
  secretaire_auxiliaire: ['Secrétaire auxiliaire', 'Secrétaire auxiliaire'],
  tresorier: ['Trésorier', 'Trésorière'],
  rapporteur: ['Rapporteur', 'Rapporteure'],
  autre: ['Fonction', 'Fonction'],
};

/** "Vice-présidente", "Vice-présidents", "Secrétaires adjointes": agreed with the holders. */
export function officerLabel(role: string, holders: { civilite?: string; genre?: 'f' | 'm' }[]): string {
  const [masculine, feminine] = OFFICER_WORDS[role] ?? [role, role];
  const allFeminine = holders.length > 0 && holders.every((p) => isFeminine(p));
  const word = allFeminine ? feminine : holders.length === 1 ? agree(holders[0]!, masculine, feminine) : masculine;
  if (holders.length <= 1) return word;
  // Both words of "Secrétaire adjoint" take the plural; "Vice-président" too.
  return word.split(' ').map((w) => (w.endsWith('s') ? w : `${w}s`)).join(' ');
}

/** "1 h 45", "2 h", "45 min": the time between the start and the end of the meeting ('' if it ends before it starts). */
export function durationWords(start: string, end: string): string {
  const minutes = minutesOfDay(end) - minutesOfDay(start);
  if (!(minutes > 0)) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** The lines of the contact block: "Affaire suivie par :", the name, function, phone, e-mail, then the free lines. */
export function contactLines(contact: NonNullable<Organisation['contact']>): string[] {
  return [
    ...(contact.nom ? [`${contact.libelle} :`, contact.nom] : []),
    ...(contact.fonction ? [contact.fonction] : []),
    ...(contact.telephone ? [`Tél : ${contact.telephone}`] : []),
    ...(contact.courriel ? [`Mél : ${contact.courriel}`] : []),
    ...contact.lignes.map((l) => `${l.libelle} : ${l.valeur}`),
  ];
}
