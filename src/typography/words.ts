// Numbers, dates and hours in French words, as legal formulas write them: "deux mille vingt et un",
// "le vingt-six mars", "à dix-neuf heures trente". Rectified spelling (1990) joins every compound
// with hyphens only where the traditional spelling does: "vingt-deux", "cent trois", "deux mille".
// Intl has no spell-out; this is the one place that writes numbers in letters.

const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** 0 to 99: "vingt et un", "soixante-dix", "quatre-vingts", "quatre-vingt-onze". */
function belowHundred(n: number, final: boolean): string {
  if (n <= 16) return UNITS[n]!;
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  const ten = Math.floor(n / 10);
  const unit = n % 10;
  if (ten === 7 || ten === 9) {
    const base = ten === 7 ? 'soixante' : 'quatre-vingt';
    const rest = belowHundred(10 + unit, final);
    return ten === 7 && unit === 1 ? `${base} et ${rest}` : `${base}-${rest}`;
  }
  if (ten === 8) return unit === 0 ? (final ? 'quatre-vingts' : 'quatre-vingt') : `quatre-vingt-${UNITS[unit]}`;
  if (unit === 0) return TENS[ten]!;
  if (unit === 1) return `${TENS[ten]} et un`;
  return `${TENS[ten]}-${UNITS[unit]}`;
}

/** 0 to 999: "cent", "deux cents", "deux cent trois". */
function belowThousand(n: number, final: boolean): string {
  const hundred = Math.floor(n / 100);
  const rest = n % 100;
  if (hundred === 0) return belowHundred(rest, final);
  const head = hundred === 1 ? 'cent' : `${UNITS[hundred]} cent${rest === 0 && final ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${belowHundred(rest, final)}`;
}

/**
 * A whole number from 0 to 999 999 in French words: 21 → "vingt et un", 2021 → "deux mille vingt et
 * un", 80 → "quatre-vingts". `mil` writes "mil" for the thousand of a year ("deux mil trois"), as some
 * councils still do.
 */
export function numberInWords(n: number, options: { mil?: boolean } = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`numberInWords: ${n} is out of range (0 to 999 999)`);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return belowThousand(rest, true);
  const word = options.mil ? 'mil' : 'mille';
  const head = thousands === 1 ? word : `${belowThousand(thousands, false)} ${word}`;
  return rest === 0 ? head : `${head} ${belowThousand(rest, true)}`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2021-03-26" → { annee: "deux mille vingt et un", jour: "vingt-six", mois: "mars" }; the 1st is "premier". */
export function dateInWords(iso: string, options: { mil?: boolean } = {}): { annee: string; jour: string; mois: string } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { annee: numberInWords(y, options), jour: d === 1 ? 'premier' : numberInWords(d), mois: MONTHS[m - 1]! };
}

/** "19h30" → "dix-neuf heures trente"; "9h" → "neuf heures"; "12h15" → "douze heures quinze"; "1h" → "une heure". */
export function timeInWords(time: string): string {
  const match = /^(\d{1,2})[:h](\d{2})?$/.exec(time.trim());
  if (!match) throw new RangeError(`timeInWords: not a time: "${time}"`);
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  // "une heure", "vingt et une heures": the hour is feminine.
  const h = hours <= 1 ? `${hours === 1 ? 'une' : 'zéro'} heure` : `${numberInWords(hours).replace(/\bun$/, 'une')} heures`;
  // The minute is feminine too: "dix heures une", "vingt heures trente et une".
  return minutes === 0 ? h : `${h} ${numberInWords(minutes).replace(/\bun$/, 'une')}`;
}
