/**
 * Calendar points, arithmetic (through date-fns) and TimeML value formatting. Pure functions.
 *
 * Dates are local-time `Date`s at noon: every computation and every format reads local fields, so the
 * result does not depend on `TZ`, and noon keeps DST shifts from moving a day.
 */
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  format,
  getDay,
  getISOWeek,
  getISOWeekYear,
  getQuarter,
  lastDayOfMonth,
  setISOWeek,
  setISOWeekYear,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
  differenceInCalendarDays,
} from 'date-fns';

/** How precise a point is; it decides the value format (`2026`, `2026-01`, `2026-W03`, ...). */
export type Granularity = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade' | 'century';

export interface CalendarPoint {
  readonly date: Date;
  readonly granularity: Granularity;
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export const makeDate = (year: number, month: number, day: number): Date => new Date(year, month - 1, day, 12);

/** `YYYY-MM-DD` to a noon date; null when it is not a calendar date. */
export function parseIsoDate(iso: string | null): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const date = makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

export const isValidDay = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(makeDate(year, month, 1)).getDate();

export function shift(date: Date, granularity: Granularity, amount: number): Date {
  switch (granularity) {
    case 'day':
      return addDays(date, amount);
    case 'week':
    case 'weekend':
      return addWeeks(date, amount);
    case 'month':
      return addMonths(date, amount);
    case 'quarter':
      return addQuarters(date, amount);
    case 'half':
      return addMonths(date, 6 * amount);
    case 'season':
    case 'year':
      return addYears(date, amount);
    case 'decade':
      return addYears(date, 10 * amount);
    case 'century':
      return addYears(date, 100 * amount);
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * `yyyy-MM-dd` and `yyyy-MM` of a local date, as date-fns' `format` writes them, without its pattern
 * parser (it was the date stage's costliest call). Years before 1 keep date-fns' era reading.
 */
export function isoDay(d: Date): string {
  const y = d.getFullYear();
  return y < 1 ? format(d, 'yyyy-MM-dd') : `${pad(y, 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
export function isoMonth(d: Date): string {
  const y = d.getFullYear();
  return y < 1 ? format(d, 'yyyy-MM') : `${pad(y, 4)}-${pad(d.getMonth() + 1)}`;
}

export const seasonOf = (date: Date): Season => {
  const m = date.getMonth() + 1;
  return m >= 3 && m <= 5 ? 'SP' : m >= 6 && m <= 8 ? 'SU' : m >= 9 && m <= 11 ? 'FA' : 'WI';
};

/** First month of each season; winter is dated by the year in which its December falls. */
export const SEASON_START_MONTH: Readonly<Record<Season, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** TimeML value of a point at its granularity. */
export function formatPoint(point: CalendarPoint, season?: Season): string {
  const d = point.date;
  const y = d.getFullYear();
  switch (point.granularity) {
    case 'day':
      return isoDay(d);
    case 'week':
      return `${getISOWeekYear(d)}-W${pad(getISOWeek(d))}`;
    case 'weekend': {
      // A weekend belongs to the ISO week of its Saturday.
      const saturday = addDays(startOfISOWeek(d), 5);
      return `${getISOWeekYear(saturday)}-W${pad(getISOWeek(saturday))}-WE`;
    }
    case 'month':
      return isoMonth(d);
    case 'quarter':
      return `${y}-Q${getQuarter(d)}`;
    case 'half':
      return `${y}-H${d.getMonth() < 6 ? 1 : 2}`;
    case 'season':
      return `${y}-${season ?? seasonOf(d)}`;
    case 'year':
      return String(y);
    case 'decade':
      return String(Math.floor(y / 10));
    case 'century':
      return pad(Math.floor(y / 100));
  }
}

/** The value TimeML writes when the anchor is unknown: every unknown digit becomes X. */
export function underspecified(granularity: Granularity): string {
  switch (granularity) {
    case 'day':
      return 'XXXX-XX-XX';
    case 'week':
      return 'XXXX-WXX';
    case 'weekend':
      return 'XXXX-WXX-WE';
    case 'month':
      return 'XXXX-XX';
    case 'quarter':
      return 'XXXX-QX';
    case 'half':
      return 'XXXX-HX';
    case 'season':
      return 'XXXX';
    case 'year':
      return 'XXXX';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
  }
}

/** ISO weekday number TimeML uses in `XXXX-WXX-n` (Monday 1 ... Sunday 7). */
export const isoWeekday = (date: Date): number => ((getDay(date) + 6) % 7) + 1;

/**
 * The occurrence of weekday `target` (1 = Monday) relative to `from`: `past` = on or before,
 * `future` = on or after, `strict-past` / `strict-future` exclude `from` itself, `nearest` either side.
 */
export function weekdayFrom(from: Date, target: number, direction: 'past' | 'future' | 'strict-past' | 'strict-future' | 'nearest'): Date {
  const current = isoWeekday(from);
  const back = (current - target + 7) % 7;
  const forward = (target - current + 7) % 7;
  switch (direction) {
    case 'past':
      return addDays(from, -back);
    case 'strict-past':
      return addDays(from, -(back === 0 ? 7 : back));
    case 'future':
      return addDays(from, forward);
    case 'strict-future':
      return addDays(from, forward === 0 ? 7 : forward);
    case 'nearest':
      return back <= forward ? addDays(from, -back) : addDays(from, forward);
  }
}

/** Monday-based date of ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): Date {
  return startOfISOWeek(setISOWeek(setISOWeekYear(makeDate(year, 6, 15), year), week));
}

/** nth (1-based; -1 = last) `weekday` (1 = Monday) of a month, for holidays such as Thanksgiving. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): Date {
  if (nth > 0) {
    const first = weekdayFrom(makeDate(year, month, 1), weekday, 'future');
    return addWeeks(first, nth - 1);
  }
  return weekdayFrom(endOfMonth(makeDate(year, month, 1)), weekday, 'past');
}

/** Western Easter Sunday (anonymous Gregorian computus): no calendar library offers it. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDate(year, month, day);
}

/**
 * The days a DATE (or dated TIME) value denotes, as ISO dates, or null when it denotes no days
 * (durations, PRESENT_REF, values with unknown digits).
 *
 * Convention for mods, documented in the codebook: START = the first third of the period, MID = the
 * middle third, END = the last third; for a year the thirds are Jan-Apr, May-Aug, Sep-Dec ("late 2025"
 * = 2025-09-01..2025-12-31), for a month days 1-10, 11-20, 21-end. Seasons: SP Mar-May, SU Jun-Aug,
 * FA Sep-Nov, WI Dec of the year to the end of Feb of the next. Other mods leave the range as is.
 */
export function valueRange(value: string, mod: string | null): { start: string; end: string } | null {
  const range = rawRange(value);
  if (!range) return null;
  let [start, end] = range;
  if (mod === 'START' || mod === 'MID' || mod === 'END') {
    const third = mod === 'START' ? 0 : mod === 'MID' ? 1 : 2;
    if (/^\d{4}$/.test(value)) {
      start = makeDate(start.getFullYear(), 1 + 4 * third, 1);
      end = endOfMonth(makeDate(start.getFullYear(), 4 + 4 * third, 1));
    } else if (/^\d{4}-\d{2}$/.test(value)) {
      const first = 1 + 10 * third;
      start = makeDate(start.getFullYear(), start.getMonth() + 1, first);
      end = third === 2 ? endOfMonth(start) : makeDate(start.getFullYear(), start.getMonth() + 1, first + 9);
    } else {
      const days = differenceInCalendarDays(end, start) + 1;
      if (days >= 3) {
        const size = Math.floor(days / 3);
        const s = addDays(range[0], size * third);
        end = third === 2 ? range[1] : addDays(s, size - 1);
        start = s;
      }
    }
  }
  return { start: isoDay(start), end: isoDay(end) };
}

function rawRange(value: string): [Date, Date] | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value))) {
    const d = makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return [d, d];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const d = makeDate(Number(m[1]), Number(m[2]), 1);
    return [startOfMonth(d), endOfMonth(d)];
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    const d = makeDate(Number(m[1]), 1, 1);
    return [startOfYear(d), endOfYear(d)];
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const d = makeDate(Number(m[1]), 3 * Number(m[2]) - 2, 1);
    return [startOfQuarter(d), endOfQuarter(d)];
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const first = Number(m[2]) === 1 ? 1 : 7;
    return [makeDate(Number(m[1]), first, 1), endOfMonth(makeDate(Number(m[1]), first + 5, 1))];
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const year = Number(m[1]);
    const first = SEASON_START_MONTH[m[2] as Season];
    return [makeDate(year, first, 1), endOfMonth(addMonths(makeDate(year, first, 1), 2))];
  }
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    const monday = isoWeekStart(Number(m[1]), Number(m[2]));
    return m[3] ? [addDays(monday, 5), addDays(monday, 6)] : [monday, addDays(monday, 6)];
  }
  if ((m = /^(\d{3})$/.exec(value))) {
    const y = Number(m[1]) * 10;
    return [makeDate(y, 1, 1), makeDate(y + 9, 12, 31)];
  }
  if ((m = /^(\d{2})$/.exec(value))) {
    const y = Number(m[1]) * 100;
    return [makeDate(y, 1, 1), makeDate(y + 99, 12, 31)];
  }
  return null;
}
