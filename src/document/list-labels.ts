// The label of a numbered list's item, as every writer prints it: "1.", "1)", "a)", "i.".
import { letterNumeral, romanNumeral } from '../typography/numbering.js';
import type { ListMarker } from './tree.js';

export type NumberedMarker = Extract<ListMarker, 'number' | 'numberParen' | 'alpha' | 'roman'>;

export function isNumbered(marker: ListMarker): marker is NumberedMarker {
  return marker === 'number' || marker === 'numberParen' || marker === 'alpha' || marker === 'roman';
}

/** The label of the item at `index` (from 0). */
export function listLabel(marker: NumberedMarker, index: number): string {
  switch (marker) {
    case 'number':
      return `${index + 1}.`;
    case 'numberParen':
      return `${index + 1})`;
    case 'alpha':
      return `${letterNumeral(index + 1)})`;
    case 'roman':
      return `${romanNumeral(index + 1).toLowerCase()}.`;
  }
}
