// Dates and hours in French words. ISO dates are always formatted in UTC so that the machine's time
// zone can never shift a day ("2021-05-06" is "jeudi 6 mai 2021" everywhere).

import { NBSP } from './spaces.js';

export interface IsoDate {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31. */
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Strict "YYYY-MM-DD" with a day that exists (2021-02-30 is rejected); null otherwise. */
export function parseIsoDate(s: string): IsoDate | null {
  const match = ISO_DATE.exec(s);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireIsoDate(iso: string): IsoDate {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): "${iso}"`);
  return date;
}

/** Midnight UTC of an ISO date. Throws a RangeError on an invalid date. */
export function dateToUtc(iso: string): Date {
  const { year, month, day } = requireIsoDate(iso);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999.
  if (year < 100) date.setUTCFullYear(year);
  return date;
}

/** An Intl formatter made on first use (creating one loads locale data, which validating may not need). */
function lazyFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat('fr-FR', options));
}

const DATE_FORMAT = lazyFormat({
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const DATE_WITH_WEEKDAY_FORMAT = lazyFormat({
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const WEEKDAY_FORMAT = lazyFormat({ timeZone: 'UTC', weekday: 'long' });

/**
 * "6 mai 2021", or "jeudi 6 mai 2021" with `weekday`. The first of the month is "1er" (Intl says "1"),
 * which the typography pass later sets as "1" + superscript "er".
 */
export function frenchDate(iso: string, opts: { weekday?: boolean } = {}): string {
  const format = (opts.weekday ? DATE_WITH_WEEKDAY_FORMAT : DATE_FORMAT)();
  return format
    .formatToParts(dateToUtc(iso))
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

/** "jeudi" for "2021-05-06". */
export function frenchWeekday(iso: string): string {
  return WEEKDAY_FORMAT().format(dateToUtc(iso));
}

// "14:30", "14h30", "14h", "14 h 30", "9H00".
const TIME = /^(\d{1,2})(?:[ \u00A0\u202F]*:[ \u00A0\u202F]*(\d{2})|[ \u00A0\u202F]*[hH](?:[ \u00A0\u202F]*(\d{2}))?)$/;

/**
 * A time of day in French: "14h30" ('compact', the reference document's style) or "14 h 30" with
 * no-break spaces ('spaced', Imprimerie nationale). Minutes are kept as written ("15h00" stays
 * "15h00", "14h" stays "14h"); a leading zero on the hour is dropped ("09:00" → "9h00").
 */
export function frenchTime(hhmm: string, style: 'compact' | 'spaced' = 'compact'): string {
  const match = TIME.exec(hhmm.trim());
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? (match[2] ?? match[3]) : undefined;
  if (!match || hours > 23 || (minutes !== undefined && Number(minutes) > 59)) {
    throw new RangeError(`Not a valid time (expected "14:30", "14h30" or "14h"): "${hhmm}"`);
  }
  if (style === 'spaced') return minutes === undefined ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${minutes}`;
  return `${hours}h${minutes ?? ''}`;
}
