// Words for the schema's own checks (keys such as "@date-format" in src/model/schema.ts), in English and
// French. Zod's built-in messages come from its locales (en, fr).
import en from 'zod/v4/locales/en.js';
import fr from 'zod/v4/locales/fr.js';
import type { Locale } from './messages.js';

const SCHEMA_MESSAGES: Record<string, Record<Locale, string>> = {
  '@id-format': {
    en: 'id expected: lower-case letters without accents, digits, "_" or "-" (e.g. dupont_m)',
    fr: 'identifiant attendu : minuscules sans accents, chiffres, « _ » ou « - » (ex. : dupont_m)',
  },
  '@date-format': { en: 'date expected as YYYY-MM-DD (e.g. 2021-05-06)', fr: 'date attendue au format AAAA-MM-JJ (ex. : 2021-05-06)' },
  '@date-invalid': { en: 'this date does not exist in the calendar', fr: 'cette date n’existe pas dans le calendrier' },
  '@time-format': { en: 'time expected, e.g. 14h30, 14:30 or 9h', fr: 'heure attendue, par exemple 14h30, 14:30 ou 9h' },
  '@text-empty': { en: 'empty text', fr: 'texte vide' },
  '@slides-format': { en: 'page range expected, e.g. "8-10"', fr: 'plage de pages attendue, par ex. "8-10"' },
  '@point-format': { en: 'point of the agenda expected, e.g. 4 or "4.2"', fr: 'point de l’ordre du jour attendu, par ex. 4 ou "4.2"' },
  '@person-name-missing': {
    en: 'a person needs a surname (nom), or a seat named by its role (representant_de)',
    fr: 'une personne a besoin d’un nom (nom), ou d’un siège désigné par son rôle (representant_de)',
  },
  '@officer-label-missing': { en: 'a role “autre” needs its label (libelle)', fr: 'un rôle « autre » a besoin de son libellé (libelle)' },
  '@picture-alt-missing': {
    en: 'a picture needs an alternative text (alt) or a caption (legende): what it shows, for readers who cannot see it',
    fr: 'une image a besoin d’un texte alternatif (alt) ou d’une légende (legende) : ce qu’elle montre, pour qui ne la voit pas',
  },
  '@table-ragged': { en: 'every row of the table needs as many cells as the first', fr: 'chaque ligne du tableau doit avoir autant de cellules que la première' },
  '@deadline-format': { en: 'deadline expected: YYYY-MM-DD, YYYY-MM or YYYY', fr: 'échéance attendue : AAAA-MM-JJ, AAAA-MM ou AAAA' },
};

export function schemaMessage(message: string, locale: Locale): string {
  return SCHEMA_MESSAGES[message]?.[locale] ?? message;
}

/**
 * Zod's own messages in the user's language, for `schema.safeParse(data, parseOptions(locale))`. Jitless:
 * each object schema is parsed once or twice per run, and compiling a fast path for it (`new Function`)
 * costs more than it saves.
 */
export function parseOptions(locale: Locale) {
  return { error: (locale === 'fr' ? fr() : en()).localeError, reportInput: true, jitless: true } as const;
}
