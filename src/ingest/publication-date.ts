/**
 * Publication dates as exports, feeds and pages write them. Every accepted form gives the calendar day
 * as written, in the article's own time zone: `2026-01-14T23:30:00-05:00` and
 * `Wed, 14 Jan 2026 23:30:00 -0500` are January 14, although that instant is already January 15 in UTC.
 * Nothing is converted to UTC or to the machine's zone: the day the newsroom dated the story is the day
 * its "yesterday" and "on Tuesday" count from.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/u;
/** RFC 2822 / RSS: "Wed, 14 Jan 2026 10:00:00 GMT"; the weekday is optional, the time and zone required. */
const RFC_2822 = /^(?:([A-Za-z]{3}),\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+\d{2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|UT|GMT|Z|[ECMP][SD]T)$/u;
/** "January 14, 2026", "Jan. 14, 2026", "Sept 14 2026". */
const MONTH_DAY_YEAR = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u;
/** "14 January 2026", "14 Jan. 2026". */
const DAY_MONTH_YEAR = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/u;

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The forms accepted, for error messages. */
export const PUBLICATION_DATE_FORMS = 'ISO 8601 (2026-01-14, or a date-time with offset), RFC 2822 (Wed, 14 Jan 2026 10:00:00 GMT), "January 14, 2026" or "14 January 2026"';

/**
 * The publication day (YYYY-MM-DD) of a metadata value, or null when it is none of the accepted forms
 * or not a real calendar day (2026-02-30, a weekday that does not match its date).
 */
export function parsePublicationDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  let match: RegExpExecArray | null;
  if ((match = ISO_DATE.exec(trimmed) ?? ISO_DATE_TIME.exec(trimmed))) return calendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
  if ((match = RFC_2822.exec(trimmed))) {
    const day = calendarDay(Number(match[4]), MONTHS[match[3]!.toLowerCase()], Number(match[2]));
    if (day === null || match[1] === undefined) return day;
    return WEEKDAYS[weekdayOf(Number(match[4]), MONTHS[match[3]!.toLowerCase()]!, Number(match[2]))] === match[1].toLowerCase() ? day : null;
  }
  if ((match = MONTH_DAY_YEAR.exec(trimmed))) return calendarDay(Number(match[3]), MONTHS[match[1]!.toLowerCase()], Number(match[2]));
  if ((match = DAY_MONTH_YEAR.exec(trimmed))) return calendarDay(Number(match[3]), MONTHS[match[2]!.toLowerCase()], Number(match[1]));
  return null;
}

/** 0 (Sunday) to 6 of a real calendar day; `setUTCFullYear` reads years 0-99 as written, unlike `Date.UTC`. */
function weekdayOf(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}

function calendarDay(year: number, month: number | undefined, day: number): string | null {
  if (month === undefined || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one (UTC, so no zone can shift it).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
