// Ordinals with their suffix set apart, so writers can raise it: "1er", "1re", "2e", "XXe", "1ers".
// Wrong spellings are corrected on the way: "1ère" → "1re", "2ème" → "2e" (Imprimerie nationale).

import { parseRomanNumeral } from './numbering.js';

export interface OrdinalPart {
  text: string;
  superscript: boolean;
}

const SUFFIX = 'ères|ère|ers|er|res|re|èmes|ème|es|e';

// A number (not a decimal part) then a suffix, bare or written "^{er}", then no letter or digit.
const ORDINAL = new RegExp(
  `(?<![\\p{L}\\p{N}]|\\p{N}[.,])(?:(\\d+)|([IVXLCDM]+))(?:\\^\\{(${SUFFIX})\\}|(${SUFFIX}))(?![\\p{L}\\p{N}\\p{M}])`,
  'gu',
);

/** What every ordinal holds: a digit or roman numeral, then (maybe after "^{") its suffix's first letter. */
const MAY_HOLD_ORDINAL = /[\dIVXLCDM](?:\^\{)?[eèr]/;

const CANONICAL_SUFFIX: Readonly<Record<string, string>> = { ère: 're', ères: 'res', ème: 'e', èmes: 'es' };

/** The suffixes that fit a value: premier/première for 1, "e" for the others. */
function validSuffixes(value: number, roman: boolean): readonly string[] {
  if (value === 1) return roman ? ['er'] : ['er', 're', 'ers', 'res'];
  return value > 1 ? ['e', 'es'] : [];
}

/** The number and its canonical suffix, or null when the match is not an ordinal. */
function ordinal(arabic: string | undefined, roman: string | undefined, rawSuffix: string) {
  const suffix = CANONICAL_SUFFIX[rawSuffix] ?? rawSuffix;
  // A lone L, C, D or M plus "e"/"es" is a word ("Le", "Ce", "De", "Me", "Les", "Des"…), not an ordinal.
  if (roman !== undefined && roman.length === 1 && 'LCDM'.includes(roman)) return null;
  const value = arabic !== undefined ? Number(arabic) : parseRomanNumeral(roman ?? '');
  if (value === null || !validSuffixes(value, roman !== undefined).includes(suffix)) return null;
  return { number: arabic ?? roman ?? '', suffix };
}

/**
 * Splits text around ordinals: "le 1er janvier" →
 * [{ text: 'le 1', superscript: false }, { text: 'er', superscript: true }, { text: ' janvier', superscript: false }].
 * Adjacent plain segments are merged; an empty string gives [].
 */
export function ordinalParts(text: string): OrdinalPart[] {
  if (!MAY_HOLD_ORDINAL.test(text)) return text === '' ? [] : [{ text, superscript: false }];
  const parts: OrdinalPart[] = [];
  const pushPlain = (plain: string): void => {
    if (plain === '') return;
    const last = parts[parts.length - 1];
    if (last && !last.superscript) last.text += plain;
    else parts.push({ text: plain, superscript: false });
  };
  let cursor = 0;
  for (const match of text.matchAll(ORDINAL)) {
    const found = ordinal(match[1], match[2], match[3] ?? match[4] ?? '');
    if (!found) continue;
    pushPlain(text.slice(cursor, match.index) + found.number);
    parts.push({ text: found.suffix, superscript: true });
    cursor = match.index + match[0].length;
  }
  pushPlain(text.slice(cursor));
  return parts;
}
