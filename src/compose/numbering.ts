// The label of an agenda item, level by level, as the house style numbers it: "I –", "1.", "a)", "A -".
import type { NUMBERINGS } from '../model/schema.js';
import { letterNumeral, romanNumeral } from '../typography/numbering.js';

export type Numbering = (typeof NUMBERINGS)[number];

/** The compte rendu's numbering: I –, a), 1., i. — no two levels alike. */
export const DEFAULT_NUMBERING: Numbering[] = ['I –', 'a)', '1.', 'i.'];

/** "IV –" for the fourth item with "I –"; '' with "aucune". The last format holds for deeper levels. */
export function itemLabel(formats: readonly Numbering[], depth: number, rank: number): string {
  const format = formats[Math.min(depth, formats.length) - 1]!;
  if (format === 'aucune') return '';
  const kind = format.charAt(0);
  const numeral =
    kind === 'I' ? romanNumeral(rank) : kind === 'i' ? romanNumeral(rank).toLowerCase() : kind === 'A' ? letterNumeral(rank).toUpperCase() : kind === 'a' ? letterNumeral(rank) : String(rank);
  return `${numeral}${format.slice(1)}`;
}
