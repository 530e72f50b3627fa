// French typography: text rules, ordinals, the pass over the document tree, dates and numbering.
export { frenchText, NBSP, NNBSP } from './french.js';
export { ordinalParts, type OrdinalPart } from './ordinals.js';
export { applyTypography } from './tree.js';
export { parseIsoDate, dateToUtc, frenchDate, frenchWeekday, frenchTime, type IsoDate } from './dates.js';
export { romanNumeral, parseRomanNumeral, letterNumeral } from './numbering.js';
