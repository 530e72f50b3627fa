// How people are named in the minutes: "Mme Chantal CASTELNOT" in lists, "Mme SAUVAIRE" in prose,
// "Mmes BRIONNET et MASSÉ" for several presenters; and gender agreement driven by the civility.
import type { Person } from './schema.js';

type Named = Pick<Person, 'civilite' | 'prenom' | 'nom' | 'appellation'>;

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

/**
 * 'full': "Mme Chantal CASTELNOT" (attendance lists, signatures without civility use 'signature');
 * 'short': "Mme SAUVAIRE", or "Mme la Préfète" when the person has an appellation;
 * 'signature': "Chantal CASTELNOT".
 */
export function displayName(person: Named, style: 'full' | 'short' | 'signature'): string {
  switch (style) {
    case 'full':
      return `${person.civilite} ${person.prenom} ${surname(person.nom)}`;
    case 'short':
      return `${person.civilite} ${person.appellation ?? surname(person.nom)}`;
    case 'signature':
      return `${person.prenom} ${surname(person.nom)}`;
  }
}

export function isFeminine(person: Pick<Person, 'civilite'>): boolean {
  return person.civilite === 'Mme';
}

/** Gender agreement from the civility: agree(p, 'représenté', 'représentée'). */
export function agree(person: Pick<Person, 'civilite'>, masculine: string, feminine: string): string {
  return isFeminine(person) ? feminine : masculine;
}

const listFormat = new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' });

/** "Mme SAUVAIRE", "Mmes BRIONNET et MASSÉ", "M. PIERRE et Mme ROUX". */
export function groupNames(people: Named[]): string {
  if (people.length === 0) return '';
  if (people.length === 1) return displayName(people[0]!, 'short');
  const civility = people[0]!.civilite;
  const sameCivility = people.every((p) => p.civilite === civility) && people.every((p) => !p.appellation);
  if (sameCivility) {
    const plural = civility === 'Mme' ? 'Mmes' : 'MM.';
    return `${plural} ${listFormat.format(people.map((p) => surname(p.nom)))}`;
  }
  return listFormat.format(people.map((p) => displayName(p, 'short')));
}
