/**
 * Turning what a rule read into a TimeML value: anchoring on the publication date (DCT) or on the last
 * date the text mentioned, and choosing the direction a bare weekday or month points in.
 */
import type { TimexType } from '../document/types.js';
import {
  type CalendarPoint,
  type Granularity,
  type Season,
  SEASON_START_MONTH,
  formatPoint,
  isValidDay,
  isoWeekday,
  makeDate,
  seasonOf,
  shift,
  underspecified,
  weekdayFrom,
} from './calendar.js';
import type { DatesConfig } from './config.js';
import type { Tense } from './tense.js';

export type AnchorKind = 'dct' | 'previous' | 'none';

export interface Resolved {
  readonly type: TimexType;
  readonly value: string;
  readonly mod: string | null;
  readonly anchor: AnchorKind;
  /** The calendar point the value names, remembered as the "previous" anchor for later expressions. */
  readonly point: CalendarPoint | null;
}

export interface ResolveContext {
  readonly dct: Date | null;
  /** Last date the text mentioned (absolute or resolved), for anaphoric expressions. */
  readonly previous: CalendarPoint | null;
  /** Sentences between the previous mention and this expression (0 = same sentence). */
  readonly sentencesSincePrevious: number;
  readonly tense: () => Tense;
  readonly config: Readonly<DatesConfig>;
}

export const fixed = (type: TimexType, value: string, mod: string | null = null, point: CalendarPoint | null = null): Resolved => ({
  type,
  value,
  mod,
  anchor: 'none',
  point,
});

export function pointValue(type: TimexType, point: CalendarPoint, anchor: AnchorKind, mod: string | null = null, suffix = ''): Resolved {
  return { type, value: formatPoint(point) + suffix, mod, anchor, point };
}

/** The anchor an anaphoric expression counts from: the previous mention, else the DCT. */
export function anaphoricBase(ctx: ResolveContext): { date: Date; granularity: Granularity | null; anchor: AnchorKind } | null {
  if (ctx.config.anaphoricAnchor && ctx.previous) return { date: ctx.previous.date, granularity: ctx.previous.granularity, anchor: 'previous' };
  if (ctx.dct) return { date: ctx.dct, granularity: null, anchor: 'dct' };
  return null;
}

/** `this/last/next <unit>` and friends: the DCT's period shifted by `amount`. */
export function relativeToDct(ctx: ResolveContext, granularity: Granularity, amount: number, type: TimexType = 'DATE', mod: string | null = null, suffix = ''): Resolved {
  if (!ctx.dct) return { type, value: underspecified(granularity) + suffix, mod, anchor: 'none', point: null };
  return pointValue(type, { date: shift(ctx.dct, granularity, amount), granularity }, 'dct', mod, suffix);
}

/** `the following day`, `that year`: the previous mention's date shifted, at the given granularity. */
export function relativeToPrevious(ctx: ResolveContext, granularity: Granularity, amount: number, type: TimexType = 'DATE', mod: string | null = null): Resolved {
  const base = anaphoricBase(ctx);
  if (!base) return { type, value: underspecified(granularity), mod, anchor: 'none', point: null };
  return pointValue(type, { date: shift(base.date, granularity, amount), granularity }, base.anchor, mod);
}

type Direction = 'past' | 'future' | 'present';

function direction(ctx: ResolveContext, hint: Direction | null): Direction {
  if (hint) return hint;
  if (ctx.config.direction === 'past') return 'past';
  if (ctx.config.direction === 'nearest') return 'present';
  const tense = ctx.tense();
  return tense === 'past' ? 'past' : tense === 'future' ? 'future' : 'present';
}

/** Weekday `target` (1 = Monday): on or before the DCT unless the sentence looks ahead. */
export function resolveWeekday(
  ctx: ResolveContext,
  target: number,
  relation: 'last' | 'next' | 'this' | null,
  type: TimexType = 'DATE',
  mod: string | null = null,
  suffix = '',
): Resolved {
  if (!ctx.dct) return { type, value: `XXXX-WXX-${target}${suffix}`, mod, anchor: 'none', point: null };
  let date: Date;
  if (relation === 'last') date = weekdayFrom(ctx.dct, target, 'strict-past');
  else if (relation === 'next') date = weekdayFrom(ctx.dct, target, 'strict-future');
  else if (relation === 'this') date = weekdayFrom(ctx.dct, target, target >= isoWeekday(ctx.dct) ? 'future' : 'past');
  else {
    const d = direction(ctx, null);
    if (ctx.config.direction === 'nearest') date = weekdayFrom(ctx.dct, target, 'nearest');
    else date = weekdayFrom(ctx.dct, target, d === 'future' ? 'future' : 'past');
  }
  return pointValue(type, { date, granularity: 'day' }, 'dct', mod, suffix);
}

/**
 * The year of a month-day or month the text gives without one. Of the candidates in the DCT's year and
 * the years either side: a past-tense sentence takes the latest that starts no later than
 * `FORWARD_WINDOW_DAYS` after the DCT ("was extended to Nov. 16" written Oct. 30 stays in this year;
 * "in December" written in February is last year's); a future-tense one takes the earliest that ends no
 * earlier than that window before it ("will be paid Jan. 2" written in November is next year's);
 * otherwise the nearest, future distance counting double. A plain "closest to the DCT" would misplace past reports of late months.
 */
const FORWARD_WINDOW_DAYS = 90;
/** A bare month is coarser: in a past-tense sentence one that starts over a month after the DCT is last year's. */
const MONTH_WINDOW = 30;

function chooseYear(ctx: ResolveContext, dct: Date, startOf: (year: number) => Date | null, hint: Direction | null, windowDays = FORWARD_WINDOW_DAYS): number {
  const d = direction(ctx, hint);
  const base = dct.getFullYear();
  const window = windowDays * 86_400_000;
  const candidates = [base - 1, base, base + 1]
    .map((year) => ({ year, start: startOf(year) }))
    .filter((c): c is { year: number; start: Date } => c.start !== null);
  if (candidates.length === 0) return base;
  if (d === 'past') {
    const fitting = candidates.filter((c) => c.start.getTime() <= dct.getTime() + window);
    return fitting.length > 0 ? fitting[fitting.length - 1]!.year : base;
  }
  if (d === 'future') {
    const fitting = candidates.filter((c) => c.start.getTime() >= dct.getTime() - window);
    return fitting.length > 0 ? fitting[0]!.year : base;
  }
  // No tense to go by: the nearest candidate, with days ahead counting double (news reports the past).
  const cost = (c: { start: Date }): number => {
    const diff = c.start.getTime() - dct.getTime();
    return diff > 0 ? diff * 2 : -diff;
  };
  let best = candidates[0]!;
  for (const c of candidates) if (cost(c) < cost(best)) best = c;
  return best.year;
}

/** A month-day without a year ("February 3"), placed by `chooseYear`. */
export function resolveMonthDay(ctx: ResolveContext, month: number, day: number, hint: Direction | null = null, type: TimexType = 'DATE', suffix = ''): Resolved | null {
  if (!ctx.dct) return { type, value: `XXXX-${pad(month)}-${pad(day)}${suffix}`, mod: null, anchor: 'none', point: null };
  if (!isValidDay(2000, month, day)) return null;
  const year = chooseYear(ctx, ctx.dct, (y) => (isValidDay(y, month, day) ? makeDate(y, month, day) : null), hint);
  if (!isValidDay(year, month, day)) return null;
  return pointValue(type, { date: makeDate(year, month, day), granularity: 'day' }, 'dct', null, suffix);
}

/** A bare month: placed by `chooseYear`; `last April` is the most recent past April. */
export function resolveMonth(ctx: ResolveContext, month: number, relation: 'last' | 'next' | 'this' | null, mod: string | null): Resolved {
  if (!ctx.dct) return { type: 'DATE', value: `XXXX-${pad(month)}`, mod, anchor: 'none', point: null };
  const dctMonth = ctx.dct.getMonth() + 1;
  let year = ctx.dct.getFullYear();
  if (relation === 'last') {
    if (month >= dctMonth) year--;
  } else if (relation === 'next') {
    if (month <= dctMonth) year++;
  } else if (relation !== 'this') {
    // A month is "at" the DCT while the DCT is inside it, so compare from the month's last day for the past.
    year = chooseYear(ctx, ctx.dct, (y) => makeDate(y, month, 1), null, MONTH_WINDOW);
  }
  return pointValue('DATE', { date: makeDate(year, month, 1), granularity: 'month' }, 'dct', mod);
}

/** A season with `last/next/this` or none, placed like a month by its first month. */
export function resolveSeason(ctx: ResolveContext, season: Season, relation: 'last' | 'next' | 'this' | null, mod: string | null): Resolved {
  if (!ctx.dct) return { type: 'DATE', value: `XXXX-${season}`, mod, anchor: 'none', point: null };
  const start = SEASON_START_MONTH[season];
  const dctMonth = ctx.dct.getMonth() + 1;
  let year = ctx.dct.getFullYear();
  // January and February belong to the winter dated by the previous December.
  const current = seasonOf(ctx.dct);
  if (current === 'WI' && dctMonth <= 2 && season === 'WI') year--;
  const isCurrent = season === current;
  if (relation === 'last') {
    if (isCurrent || start > dctMonth) year--;
  } else if (relation === 'next') {
    if (isCurrent || start <= dctMonth) year++;
  } else if (relation === null && !isCurrent) {
    const d = direction(ctx, null);
    if (d === 'past' && start > dctMonth) year--;
    if (d === 'future' && start < dctMonth) year++;
  }
  return { type: 'DATE', value: `${year}-${season}`, mod, anchor: 'dct', point: { date: makeDate(year, start, 1), granularity: 'year' } };
}

/**
 * A quarter named by its ordinal without a year. The gold (earnings stories) reads it as the latest
 * quarter of that number that has begun: "third-quarter" in November is this year's, "fourth quarter"
 * in November is the current one; a past-tense "fourth quarter" written in May is last year's.
 */
export function resolveQuarter(ctx: ResolveContext, quarter: number, mod: string | null): Resolved {
  if (!ctx.dct) return { type: 'DATE', value: `XXXX-Q${quarter}`, mod, anchor: 'none', point: null };
  let year = ctx.dct.getFullYear();
  const current = Math.floor(ctx.dct.getMonth() / 3) + 1;
  if (quarter > current && direction(ctx, null) === 'past') year--;
  return pointValue('DATE', { date: makeDate(year, quarter * 3 - 2, 1), granularity: 'quarter' }, 'dct', mod);
}

export const pad = (n: number): string => String(n).padStart(2, '0');
