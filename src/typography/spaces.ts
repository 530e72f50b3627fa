// The no-break spaces of French typography, in a module of their own: importing them does not build the
// typography rules' regular expressions (src/typography/french.ts), which validating never needs.
export const NBSP = '\u00A0';
export const NNBSP = '\u202F';
