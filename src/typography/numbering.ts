// Section numbering: Roman numerals ("I –", "II –") and letters ("a)", "b)", … "aa)").

const ROMAN_DIGITS: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** 1 → "I", 4 → "IV", 1994 → "MCMXCIV". Integers from 1 to 3999 only. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) {
    throw new RangeError(`romanNumeral: expected an integer from 1 to 3999, got ${n}`);
  }
  let rest = n;
  let out = '';
  for (const [value, digits] of ROMAN_DIGITS) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/**
 * "XIV" → 14; null unless the string is a canonical upper-case Roman numeral ("IIII", "VX" and "" are
 * rejected), so that it can tell a numeral from an ordinary word.
 */
export function parseRomanNumeral(s: string): number | null {
  if (!/^[IVXLCDM]{1,15}$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const value = ROMAN_VALUES[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN_VALUES[s[i + 1]!]! : 0;
    total += value < next ? -value : value;
  }
  // Round-trip: only the canonical spelling of a value is accepted.
  return total >= 1 && total <= 3999 && romanNumeral(total) === s ? total : null;
}

/** 1 → "a", 26 → "z", 27 → "aa", 28 → "ab" (bijective base 26, like spreadsheet columns). */
export function letterNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`letterNumeral: expected a positive integer, got ${n}`);
  }
  let rest = n;
  let out = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    out = String.fromCharCode(97 + digit) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}
