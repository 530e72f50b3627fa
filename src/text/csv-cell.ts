// One CSV cell, for every CSV clu writes (rosters, matrices, and any later list): RFC 4180 quoting, and
// the protection against formula injection that OWASP recommends
// (https://owasp.org/www-community/attacks/CSV_Injection): a text cell that begins with "=", "+", "-",
// "@", a tab or a carriage return is prefixed with "'" and quoted, so that Excel and LibreOffice Calc
// show it as text instead of running it (=HYPERLINK(…), =cmd|…). Numbers are not text: a number column
// keeps -3 as -3, the spreadsheet reads it as a number.

export interface CsvCellOptions {
  separator: string;
  /** Write 55,3 rather than 55.3 (with ';' separators, as French spreadsheets expect). */
  decimalComma: boolean;
}

/** A UTF-8 byte order mark, without which Excel reads UTF-8 accents as Latin-1. */
export const CSV_BOM = '\uFEFF';

/** The first characters that make a spreadsheet read a cell as a formula (or skip to one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text cell would be read as a formula by a spreadsheet. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** RFC 4180: quoted when it holds the separator, a quote or a line break; quotes doubled. */
function quote(text: string, separator: string, always: boolean): string {
  return always || text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text cell: protected against formula injection, then quoted as RFC 4180 asks. */
export function csvTextCell(text: string, separator: string): string {
  return looksLikeFormula(text) ? quote(`'${text}`, separator, true) : quote(text, separator, false);
}

/** A number cell: written as a number (never prefixed), with a decimal comma when asked. */
export function csvNumberCell(value: number, options: CsvCellOptions): string {
  const text = String(value);
  return options.decimalComma ? text.replace('.', ',') : text;
}

/** A cell: numbers as numbers, anything else as protected text. */
export function csvCell(value: string | number, options: CsvCellOptions): string {
  return typeof value === 'number' ? csvNumberCell(value, options) : csvTextCell(value, options.separator);
}

/** One record: the cells joined by the separator, ended with CRLF (RFC 4180). */
export function csvRecord(cells: (string | number)[], options: CsvCellOptions): string {
  return `${cells.map((value) => csvCell(value, options)).join(options.separator)}\r\n`;
}
