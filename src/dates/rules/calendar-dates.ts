/**
 * Expressions that name calendar units: full dates, month-days, months, years, quarters, halves,
 * seasons, decades, centuries and holidays. Missing parts (the year of "February 3") come from the DCT
 * and the sentence's tense (see resolve.ts).
 */
import { addDays } from 'date-fns';
import { easterSunday, isValidDay, isoWeekday, makeDate, nthWeekdayOfMonth, shift, type Season } from '../calendar.js';
import {
  MONTHS,
  MONTH_BEFORE_NUMBER,
  MONTH_NAME,
  POINT_MOD_PATTERN,
  SEASONS,
  WEEKDAYS,
  WEEKDAY_NAME,
  parseNumber,
  parseOrdinal,
  pointMod,
} from '../lexicon.js';
import {
  fixed,
  pad,
  pointValue,
  relativeToDct,
  resolveMonth,
  resolveMonthDay,
  resolveQuarter,
  resolveSeason,
  type ResolveContext,
  type Resolved,
} from '../resolve.js';
import {
  type DateRule,
  type RuleEnv,
  draft,
  group,
  groupStart,
  isCapitalized,
  pattern,
  casedPattern,
  textAfter,
  tokenAt,
  tokenBefore,
  wordBefore,
} from './types.js';

/** A four-digit year that is not part of a larger number, an amount or a percentage. */
export const yearPattern = (name: string): string =>
  `(?<![\\d$£€.,/#])(?<${name}>1[6-9]\\d\\d|20\\d\\d)(?![\\d%]|,\\d|\\.\\d|/\\d|-(?:year|old|odd|strong|member|page|point|mile|acre))`;
const DAY = '(?<day>[12]\\d|3[01]|0?[1-9])(?!\\d)(?:st|nd|rd|th)?';
const END = '(?![\\w])';


const SPOKEN_UNITS = 'one|two|three|four|five|six|seven|eight|nine';
/** Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand and one". */
const SPOKEN_YEAR =
  `nineteen[-\\s](?:hundred|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:${SPOKEN_UNITS}))?)` +
  `|two\\s+thousand(?:\\s+(?:and\\s+)?(?:${SPOKEN_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?`;

function parseSpokenYear(raw: string): number | null {
  const words = raw.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((w) => w !== 'and');
  const base = words[0] === 'nineteen' ? 1900 : words[0] === 'two' && words[1] === 'thousand' ? 2000 : null;
  if (base === null) return null;
  const rest = words.slice(base === 1900 ? 1 : 2).join(' ');
  if (rest === '' || rest === 'hundred') return base;
  const n = parseNumber(rest);
  return n === 'X' ? null : base + n;
}

const monthNumber = (raw: string | undefined): number => MONTHS[(raw ?? '').toLowerCase().replace(/\.$/, '')] ?? 0;

const relationOf = (raw: string | undefined): 'last' | 'next' | 'this' | null => {
  const r = (raw ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (r === 'last' || r === 'this past' || r === 'past') return 'last';
  if (r === 'next' || r === 'this coming' || r === 'coming' || r === 'upcoming' || r === 'the coming') return 'next';
  if (r === 'this') return 'this';
  return null;
};

/** Words before a bare "May" or "March" that make it the month rather than the verb or modal. */
const MONTH_CONTEXT = new Set([
  'in', 'of', 'since', 'until', 'till', 'by', 'during', 'through', 'from', 'to', 'and', 'or', 'before', 'after',
  'between', 'early', 'late', 'last', 'this', 'next', 'mid', 'for', 'around', 'as', 'end', 'beginning', 'middle',
]);

const fullDate = (ctxYear: number, month: number, day: number, type: 'DATE' = 'DATE'): Resolved | null =>
  isValidDay(ctxYear, month, day)
    ? fixed(type, `${ctxYear}-${pad(month)}-${pad(day)}`, null, { date: makeDate(ctxYear, month, day), granularity: 'day' })
    : null;

const twoDigitYear = (raw: string): number => {
  const n = Number(raw);
  return raw.length === 4 ? n : n >= 30 ? 1900 + n : 2000 + n;
};

/** Plural nouns without an -s: "two thousand people". */
const COLLECTIVE_NOUNS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'cattle', 'feet', 'teeth']);

/** Nouns that make any number before them a count ("of 2000 dollars"), whatever precedes it. */
const COUNTED_NOUNS = new Set(
  ('dollars yen euros pounds francs marks shares people persons troops soldiers miles kilometers kilometres feet meters ' +
    'metres tons tonnes barrels acres jobs workers employees cars vehicles units points votes copies members students ' +
    'residents deaths cases homes houses refugees protesters rounds calories pages words').split(' '),
);

/** Words before a year that show it names a time ("in 1990", "the 1990 budget", "fiscal 1989"). */
const YEAR_CONTEXT = new Set([
  'in', 'of', 'since', 'fiscal', 'the', 'by', 'until', 'till', 'from', 'through', 'to', 'before', 'after', 'during', 'for',
  'its', 'their', 'his', 'her', 'our', 'and', 'or', 'early', 'late', 'mid', 'calendar', 'year', 'between', 'than', 'as',
]);

/**
 * A number before a plural noun counts things rather than naming a year ("about 2000 soldiers"),
 * unless a dating word precedes it ("the 1989 sales", "in 1990 prices").
 */
function countsThings(env: RuleEnv, start: number, end: number): boolean {
  const next = tokenAt(env, end);
  if (!next || next.start > end + 2) return false;
  if (next.value === '%' || next.normal === 'percent') return true;
  if (COUNTED_NOUNS.has(next.normal)) return true;
  const before = tokenBefore(env, start);
  const dated = before !== undefined && (YEAR_CONTEXT.has(before.normal) || before.normal === "'s" || before.value === ',');
  if (!dated && next.pos === 'NOUN' && next.normal.endsWith('s') && next.lemma !== next.normal) return true;
  return ['to', 'of', 'and', 'or'].includes(next.normal) && /^\s+(?:to|of|and|or)\s+\$?\d{3,}/.test(textAfter(env.text, end, 20))
    ? !/^\s+(?:to|and|or)\s+(?:1[6-9]|20)\d\d\b/.test(textAfter(env.text, end, 20))
    : false;
}

export const calendarDateRules: readonly DateRule[] = [
  {
    // "April 24 and 25", "March 2-5": TimeML splits a conjunction or range, and the second day number
    // is a date of its own in the same month (the first is matched by the month-day rules).
    id: 'date-month-day-second',
    trigger: /\d\s*(?:and|or|to|through|-|–)\s*\d/i,
    pattern: pattern(
      `\\b(?<month>${MONTH_BEFORE_NUMBER})\\s*(?<d1>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\s*(?:and|or|to|through|-|–)\\s*(?<d2>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d)(?!\\s*(?:percent|%|[ap]\\.?m\\b|o'clock))(?:,?\\s+${yearPattern('year')})?${END}`,
    ),
    build: (m) => {
      if (!isCapitalized(group(m, 'month'))) return 'month-lowercase';
      const month = monthNumber(group(m, 'month'));
      const d1 = Number(group(m, 'd1'));
      const d2 = Number(group(m, 'd2'));
      if (d2 <= d1) return 'range-not-ascending';
      const start = groupStart(m, 'd2')!;
      const end = start + group(m, 'd2')!.length + (/^(?:st|nd|rd|th)/.exec(m[0].slice(start - m.index + group(m, 'd2')!.length))?.[0].length ?? 0);
      const year = group(m, 'year') ? Number(group(m, 'year')) : null;
      return draft(start, end, (ctx) => {
        if (year !== null) return isValidDay(year, month, d2) ? pointValue('DATE', { date: makeDate(year, month, d2), granularity: 'day' }, 'none') : null;
        return resolveMonthDay(ctx, month, d2);
      });
    },
  },
  {
    // "the week of March 6" is the ISO week of that day; "the last week of March", "the first week of
    // June" count the weeks whose Thursday falls in the month (ISO 8601's rule for a week's year).
    id: 'date-week-of',
    trigger: /week\s+of/i,
    pattern: pattern(
      `\\b(?:the\\s+)?(?:(?<ord>first|second|third|fourth|last|final)\\s+)?week\\s+of\\s+(?<month>${MONTH_BEFORE_NUMBER})(?:\\s*${DAY})?(?:,?\\s+${yearPattern('year')})?${END}`,
    ),
    build: (m) => {
      const month = monthNumber(group(m, 'month'));
      const day = group(m, 'day') ? Number(group(m, 'day')) : null;
      const ordRaw = group(m, 'ord')?.toLowerCase();
      if (!isCapitalized(group(m, 'month'))) return 'month-lowercase';
      if ((day === null) === (ordRaw === undefined)) return 'week-of-needs-day-or-ordinal';
      const nth = ordRaw === 'last' || ordRaw === 'final' ? -1 : ordRaw ? parseOrdinal(ordRaw)! : 0;
      const explicitYear = group(m, 'year') ? Number(group(m, 'year')) : null;
      return draft(m.index, m.index + m[0].length, (ctx) => {
        let date: Date | null;
        if (day !== null) {
          if (explicitYear !== null) date = isValidDay(explicitYear, month, day) ? makeDate(explicitYear, month, day) : null;
          else date = resolveMonthDay(ctx, month, day)?.point?.date ?? null;
        } else {
          const year = explicitYear ?? resolveMonth(ctx, month, null, null).point?.date.getFullYear() ?? null;
          date = year === null ? null : nthWeekdayOfMonth(year, month, 4, nth);
        }
        return date ? pointValue('DATE', { date, granularity: 'week' }, explicitYear === null ? 'dct' : 'none') : fixed('DATE', 'XXXX-WXX');
      });
    },
  },
  {
    id: 'date-month-day-year',
    trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
    pattern: pattern(
      `\\b(?:(?<wd>${WEEKDAY_NAME}),?\\s+)?(?<month>${MONTH_BEFORE_NUMBER})\\s*${DAY},?\\s+(?:of\\s+)?${yearPattern('year')}${END}`,
    ),
    build: (m) => {
      if (!isCapitalized(group(m, 'month'))) return 'month-lowercase';
      const value = fullDate(Number(group(m, 'year')), monthNumber(group(m, 'month')), Number(group(m, 'day')));
      return value ? draft(m.index, m.index + m[0].length, () => value) : 'invalid-calendar-day';
    },
  },
  {
    id: 'date-day-month-year',
    trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
    pattern: pattern(`\\b(?:the\\s+)?${DAY}\\s+(?:of\\s+)?(?<month>${MONTH_BEFORE_NUMBER}),?\\s+${yearPattern('year')}${END}`),
    build: (m) => {
      if (!isCapitalized(group(m, 'month'))) return 'month-lowercase';
      const value = fullDate(Number(group(m, 'year')), monthNumber(group(m, 'month')), Number(group(m, 'day')));
      return value ? draft(m.index, m.index + m[0].length, () => value) : 'invalid-calendar-day';
    },
  },
  {
    id: 'date-day-month',
    trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
    pattern: pattern(`\\b(?:the\\s+)?${DAY}\\s+(?:of\\s+)?(?<month>${MONTH_BEFORE_NUMBER})${END}`),
    build: (m, env) => {
      if (!isCapitalized(group(m, 'month'))) return 'month-lowercase';
      const month = monthNumber(group(m, 'month'));
      const day = Number(group(m, 'day'));
      if (!isValidDay(2000, month, day)) return 'invalid-calendar-day';
      // "5 May" is British order; "about 5 May delegates" is not a date, "May" needs a day-like context.
      if (/^(?:may|march)$/i.test(group(m, 'month')!) && /^\s+[a-z]/.test(textAfter(env.text, m.index + m[0].length))) return 'may-march-not-month';
      const start = /^the\s/i.test(m[0]) && !/\bof\b/i.test(m[0]) ? groupStart(m, 'day')! : m.index;
      return draft(start, m.index + m[0].length, (ctx) => resolveMonthDay(ctx, month, day));
    },
  },
  {
    id: 'date-iso',
    trigger: /\d-[01]\d-[0-3]\d/,
    pattern: pattern('(?<![\\d-])(?<year>(?:1[6-9]|20)\\d\\d)-(?<month>[01]\\d)-(?<day>[0-3]\\d)(?![\\d])'),
    build: (m) => {
      const value = fullDate(Number(group(m, 'year')), Number(group(m, 'month')), Number(group(m, 'day')));
      return value ? draft(m.index, m.index + m[0].length, () => value) : 'invalid-calendar-day';
    },
  },
  {
    id: 'date-numeric-us',
    trigger: /\d\/\d/,
    pattern: pattern('(?<![\\d/.])(?<month>1[0-2]|0?[1-9])/(?<day>3[01]|[12]\\d|0?[1-9])/(?<year>\\d{4}|\\d{2})(?![\\d/])'),
    build: (m) => {
      const value = fullDate(twoDigitYear(group(m, 'year')!), Number(group(m, 'month')), Number(group(m, 'day')));
      return value ? draft(m.index, m.index + m[0].length, () => value) : 'invalid-calendar-day';
    },
  },
  {
    id: 'date-month-day',
    trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
    pattern: pattern(
      `\\b(?:(?<approx>around|about|approximately|roughly)\\s+)?(?:(?<wd>${WEEKDAY_NAME}),?\\s+)?(?:(?<rel>this\\s+coming|this\\s+past|last|next|upcoming|coming)\\s+)?(?<month>${MONTH_BEFORE_NUMBER})\\s*${DAY}${END}`,
    ),
    build: (m, env) => {
      if (!isCapitalized(group(m, 'month'))) return 'month-lowercase';
      const month = monthNumber(group(m, 'month'));
      const day = Number(group(m, 'day'));
      if (!isValidDay(2000, month, day)) return 'invalid-calendar-day';
      const end = m.index + m[0].length;
      if (/^\s*(?:%|percent\b)/.test(textAfter(env.text, end))) return 'percentage';
      const rel = relationOf(group(m, 'rel'));
      const hint = rel === 'last' ? 'past' : rel === 'next' ? 'future' : null;
      const weekday = group(m, 'wd') ? WEEKDAYS[group(m, 'wd')!.toLowerCase()] : undefined;
      const mod = group(m, 'approx') ? 'APPROX' : null;
      return draft(m.index, end, (ctx) => {
        // "Saturday, April 25": the weekday picks the year when the DCT's neighbours disagree.
        if (weekday !== undefined && ctx.dct) {
          const base = ctx.dct.getFullYear();
          const fits = [base, base - 1, base + 1].filter((y) => isValidDay(y, month, day) && isoWeekday(makeDate(y, month, day)) === weekday);
          if (fits.length > 0) return { ...pointValue('DATE', { date: makeDate(fits[0]!, month, day), granularity: 'day' }, 'dct'), mod };
        }
        const resolved = resolveMonthDay(ctx, month, day, hint);
        return resolved && { ...resolved, mod };
      });
    },
  },
  {
    id: 'date-month-year',
    trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
    pattern: pattern(`\\b(?<pmod>${POINT_MOD_PATTERN}[-\\s]+)?(?<month>${MONTH_NAME})(?:,?\\s+|\\s+of\\s+)${yearPattern('year')}${END}`),
    build: (m) => {
      if (!isCapitalized(group(m, 'month'))) return 'month-lowercase';
      const year = Number(group(m, 'year'));
      const month = monthNumber(group(m, 'month'));
      const mod = pointMod(group(m, 'pmod'));
      return draft(m.index, m.index + m[0].length, () =>
        fixed('DATE', `${year}-${pad(month)}`, mod, { date: makeDate(year, month, 1), granularity: 'month' }),
      );
    },
  },
  {
    id: 'date-month-relative-year',
    trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
    pattern: pattern(`\\b(?<pmod>${POINT_MOD_PATTERN}[-\\s]+)?(?<month>${MONTH_NAME})\\s+(?:of\\s+)?(?<rel>last|this|next)\\s+year${END}`),
    build: (m) => {
      if (!isCapitalized(group(m, 'month'))) return 'month-lowercase';
      const month = monthNumber(group(m, 'month'));
      const amount = { last: -1, this: 0, next: 1 }[group(m, 'rel')!.toLowerCase() as 'last' | 'this' | 'next'];
      const mod = pointMod(group(m, 'pmod'));
      return draft(m.index, m.index + m[0].length, (ctx) => {
        if (!ctx.dct) return fixed('DATE', `XXXX-${pad(month)}`, mod);
        const year = shift(ctx.dct, 'year', amount).getFullYear();
        return pointValue('DATE', { date: makeDate(year, month, 1), granularity: 'month' }, 'dct', mod);
      });
    },
  },
  {
    id: 'date-month',
    trigger: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
    pattern: pattern(
      `\\b(?:(?<rel>this\\s+coming|this\\s+past|this|last|next|upcoming|coming)\\s+)?(?<pmod>${POINT_MOD_PATTERN}[-\\s]+)?(?<month>${MONTH_NAME})(?![\\w-])`,
    ),
    build: (m, env) => {
      const name = group(m, 'month')!;
      if (!isCapitalized(name)) return 'month-lowercase';
      const month = monthNumber(name);
      const rel = group(m, 'rel');
      const pmod = group(m, 'pmod');
      // "May" and "March" are also a modal and a verb: take them only with a dating word around.
      // "The March accession": after "the" and before a common noun it is the month (not the verb, the modal or "the March for Life").
      const endOfName = m.index + m[0].length;
      const attributive = /^the$/i.test(wordBefore(env.text, m.index)) && /^\s+[a-z]/.test(textAfter(env.text, endOfName, 3)) && tokenAt(env, endOfName + 1)?.pos === 'NOUN';
      if (/^(?:may|march|mar\.)$/i.test(name) && !rel && !pmod && !MONTH_CONTEXT.has(wordBefore(env.text, m.index)) && !attributive) return 'may-march-not-month';
      // A month name before a capitalized word is usually part of a name ("August Wilson").
      if (!rel && !pmod && /^\s+[A-Z][a-z]/.test(textAfter(env.text, m.index + m[0].length)) && !/^\s+(?:The|In|On|A)\b/.test(textAfter(env.text, m.index + m[0].length)))
        return 'part-of-name';
      const mod = pointMod(pmod);
      const relation = relationOf(rel);
      return draft(m.index, m.index + m[0].length, (ctx) => resolveMonth(ctx, month, relation, mod));
    },
  },
  {
    id: 'date-year-half',
    trigger: /half/i,
    pattern: pattern(
      `\\b(?:the\\s+)?(?<ord>first|second|1st|2nd|latter|last)\\s+half\\s+of\\s+(?:(?:the\\s+)?(?:fiscal|calendar)\\s+)?(?:${yearPattern('year')}|(?<rel>this|last|next)\\s+year|the\\s+year)${END}`,
    ),
    build: (m) => {
      const half = /^(?:first|1st)$/i.test(group(m, 'ord')!) ? 1 : 2;
      const explicit = group(m, 'year');
      const rel = (group(m, 'rel') ?? 'this').toLowerCase();
      return draft(m.index, m.index + m[0].length, (ctx) => {
        if (explicit) return fixed('DATE', `${explicit}-H${half}`, null, { date: makeDate(Number(explicit), half * 6 - 5, 1), granularity: 'half' });
        if (!ctx.dct) return fixed('DATE', `XXXX-H${half}`);
        const year = ctx.dct.getFullYear() + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
        return pointValue('DATE', { date: makeDate(year, half * 6 - 5, 1), granularity: 'half' }, 'dct');
      });
    },
  },
  {
    id: 'date-quarter-ordinal',
    trigger: /quarter/i,
    pattern: pattern(
      `\\b(?:(?<det>the\\s+(?:year-ago|year-earlier|comparable|corresponding|prior-year)|the|this|last|next|a|its|their|this\\s+year's|last\\s+year's|next\\s+year's|${yearPattern('ownyear')}'s)\\s+)?` +
        `(?:${yearPattern('year1')}\\s+)?(?:(?:fiscal|calendar)\\s+)?(?<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)(?<sep>[-\\s]+)(?:(?:fiscal|calendar)\\s+)?quarter` +
        `(?:\\s+of\\s+(?:the\\s+)?(?:(?:fiscal|calendar)\\s+)?(?:${yearPattern('year2')}|(?<rel2>this|last|next)\\s+year|the\\s+year))?${END}`,
    ),
    build: (m) => {
      const quarter = group(m, 'ord')!.toLowerCase() === 'final' ? 4 : parseOrdinal(group(m, 'ord')!)!;
      const det = (group(m, 'det') ?? '').toLowerCase();
      let start = m.index;
      // A hyphenated "third-quarter" premodifies a noun, and the determiner belongs to that noun.
      const yearBack = /year-ago|year-earlier|comparable|corresponding|prior-year/.test(det);
      const keepDeterminer = det === 'the' || det === 'this' || det === 'last' || det === 'next' || det.endsWith("'s") || yearBack;
      if (det && (!keepDeterminer || (group(m, 'sep')!.includes('-') && ['the', 'this'].includes(det)))) {
        start = groupStart(m, 'year1') ?? groupStart(m, 'ord')!;
        const fiscalStart = m[0].slice(0, m[0].length).search(/\b(?:fiscal|calendar)\b/i);
        if (fiscalStart >= 0 && m.index + fiscalStart < start) start = m.index + fiscalStart;
      }
      const explicit = group(m, 'year1') ?? group(m, 'year2') ?? group(m, 'ownyear');
      const rel = det.startsWith('last') ? -1 : det.startsWith('next') ? 1 : det.startsWith('this year') ? 0 : null;
      const rel2 = group(m, 'rel2')?.toLowerCase();
      const relYear = rel2 === 'last' ? -1 : rel2 === 'next' ? 1 : rel2 === 'this' ? 0 : rel !== null && det.endsWith("'s") ? rel : null;
      return draft(start, m.index + m[0].length, (ctx) => {
        if (explicit) return fixed('DATE', `${explicit}-Q${quarter}`, null, { date: makeDate(Number(explicit), quarter * 3 - 2, 1), granularity: 'quarter' });
        if (yearBack) {
          const current = resolveQuarter(ctx, quarter, null);
          if (!current.point) return current;
          return { ...pointValue('DATE', { date: shift(current.point.date, 'year', -1), granularity: 'quarter' }, 'dct'), point: null };
        }
        if (relYear !== null) {
          if (!ctx.dct) return fixed('DATE', `XXXX-Q${quarter}`);
          const year = ctx.dct.getFullYear() + relYear;
          return pointValue('DATE', { date: makeDate(year, quarter * 3 - 2, 1), granularity: 'quarter' }, 'dct');
        }
        return resolveQuarter(ctx, quarter, null);
      });
    },
  },
  {
    id: 'date-quarter-abbreviated',
    trigger: /Q[1-4]|[1-4]Q|H[12]|[12]H/,
    pattern: casedPattern(
      `\\b(?:Q(?<q>[1-4])|(?<q2>[1-4])Q|H(?<h>[12])|(?<h2>[12])H)(?:[\\s-]*(?:FY|CY)?\\s*(?:${yearPattern('year')}|'(?<yy>\\d\\d)))?${END}`,
    ),
    build: (m) => {
      const quarter = Number(group(m, 'q') ?? group(m, 'q2') ?? 0);
      const half = Number(group(m, 'h') ?? group(m, 'h2') ?? 0);
      const explicit = group(m, 'year') ?? (group(m, 'yy') ? String(twoDigitYear(group(m, 'yy')!)) : undefined);
      // A bare "H1" or "2H" is too often a code ("H2 receptor"); halves need their year.
      if (!quarter && !explicit) return 'half-without-year';
      return draft(m.index, m.index + m[0].length, (ctx) => {
        if (explicit) {
          const year = Number(explicit);
          return quarter
            ? fixed('DATE', `${year}-Q${quarter}`, null, { date: makeDate(year, quarter * 3 - 2, 1), granularity: 'quarter' })
            : fixed('DATE', `${year}-H${half}`, null, { date: makeDate(year, half * 6 - 5, 1), granularity: 'half' });
        }
        return resolveQuarter(ctx, quarter, null);
      });
    },
  },
  {
    id: 'date-quarter-relative',
    trigger: /quarter|period/i,
    pattern: pattern(
      `\\b(?<det>the\\s+(?:latest|most\\s+recent|current|previous|past|same|preceding|prior|comparable|corresponding|last|next|coming|recent|just-ended|just\\s+ended)|this|last|next|that|the)` +
        `\\s+(?:(?:fiscal|calendar)\\s+)?(?<unit>quarter|period)(?<tail>\\s+(?:a\\s+year\\s+(?:ago|earlier|before)|last\\s+year|of\\s+last\\s+year|the\\s+year\\s+before))?${END}`,
    ),
    build: (m) => {
      const det = group(m, 'det')!.toLowerCase().replace(/\s+/g, ' ');
      const unit = group(m, 'unit')!.toLowerCase();
      const tail = group(m, 'tail');
      const comparative = /same|comparable|corresponding/.test(det) || tail !== undefined;
      // "the period" alone is generic; only a dating word makes it a quarter.
      if (unit === 'period' && !/latest|most recent|comparable|corresponding|same|just|recent/.test(det) && !tail) return 'generic-period';
      return draft(m.index, m.index + m[0].length, (ctx) => quarterRelative(ctx, det, comparative, tail !== undefined));
    },
  },
  {
    id: 'date-year-period',
    trigger: /quarter|period/i,
    pattern: pattern(`\\b(?:the\\s+)?${yearPattern('year')}\\s+(?:(?:fiscal|calendar)\\s+)?(?<unit>quarter|period)${END}`),
    build: (m) => {
      const year = Number(group(m, 'year'));
      const unit = group(m, 'unit')!.toLowerCase();
      // "the 1988 quarter" in an earnings story is that year's instance of the quarter being reported.
      return draft(m.index, m.index + m[0].length, (ctx) => {
        const quarterPoint = ctx.previous?.granularity === 'quarter' ? ctx.previous : ctx.dct && unit === 'quarter' ? { date: shift(ctx.dct, 'quarter', -1), granularity: 'quarter' as const } : null;
        if (!quarterPoint) return fixed('DATE', unit === 'quarter' ? `${year}-QX` : String(year), null, unit === 'quarter' ? null : { date: makeDate(year, 1, 1), granularity: 'year' });
        const quarter = Math.floor(quarterPoint.date.getMonth() / 3) + 1;
        return { ...fixed('DATE', `${year}-Q${quarter}`), anchor: ctx.previous === quarterPoint ? 'previous' : 'dct' };
      });
    },
  },
  {
    id: 'date-year-ago-modifier',
    trigger: /year/i,
    pattern: pattern(`\\b(?:(?<the>the)\\s+)?(?<adj>year-(?:ago|earlier|before)|prior-year|year\\s+earlier|year\\s+ago)(?:\\s+(?<noun>quarter|period|month|year|week|levels?|results?))?${END}`),
    build: (m) => {
      const noun = group(m, 'noun')?.toLowerCase();
      const headed = noun === 'quarter' || noun === 'period';
      if (!headed && /\s/.test(group(m, 'adj')!)) return 'unheaded-year-ago-phrase';
      const start = headed ? m.index : groupStart(m, 'adj')!;
      const end = headed ? m.index + m[0].length : groupStart(m, 'adj')! + group(m, 'adj')!.length;
      return draft(start, end, (ctx) => yearAgo(ctx, headed));
    },
  },
  {
    id: 'date-year',
    trigger: /1[6-9]\d\d|20\d\d/,
    pattern: pattern(
      `(?:\\b(?<pmod>${POINT_MOD_PATTERN})[-\\s]+)?(?:\\b(?<fiscal>fiscal\\s+year|calendar\\s+year|fiscal|calendar|FY|the\\s+year)[-\\s]*)?${yearPattern('year')}(?![\\w'])(?<after>\\s+(?:or\\s+(?:later|earlier|sooner|before)|and\\s+(?:beyond|later|after)))?`,
    ),
    build: (m, env) => {
      const end = m.index + m[0].length;
      if (countsThings(env, groupStart(m, 'year')!, groupStart(m, 'year')! + 4)) return 'counts-things';
      // "October 1984 and later": the month-year rule owns the year.
      if (group(m, 'after') && MONTHS[wordBefore(env.text, groupStart(m, 'year')!)] !== undefined) return 'month-year-owns-year';
      const before = tokenBefore(env, groupStart(m, 'year')!);
      if (before && ['no', 'no.', 'number', '#', 'page', 'flight', 'route', 'model', 'channel', 'room', 'box', 'suite', 'interstate'].includes(before.normal))
        return 'number-label';
      // A capitalized word right after ("1600 Pennsylvania Avenue") makes an address or a name,
      // unless a preposition shows a date ("in 1990 Bush said").
      const pmod = group(m, 'pmod');
      if (!pmod && !group(m, 'fiscal') && /^\s[A-Z][a-z]+\s+(?:Avenue|Street|Road|Boulevard|Drive|St\.|Ave\.)/.test(textAfter(env.text, end, 40))) return 'street-address';
      const year = Number(group(m, 'year'));
      const after = group(m, 'after');
      const mod = after ? (/earlier|before/i.test(after) ? 'ON_OR_BEFORE' : 'ON_OR_AFTER') : pointMod(pmod);
      return draft(m.index, end, () => fixed('DATE', String(year), mod, { date: makeDate(year, 1, 1), granularity: 'year' }));
    },
  },
  {
    id: 'date-spoken-year',
    trigger: /nineteen|thousand/i,
    pattern: pattern(
      `\\b(?:(?<pmod>${POINT_MOD_PATTERN})[-\\s]+)?(?:(?<month>${MONTH_NAME})\\s+(?:of\\s+)?)?(?:the\\s+year\\s+)?(?<spoken>${SPOKEN_YEAR})${END}`,
    ),
    build: (m, env) => {
      const month = group(m, 'month');
      if (month && !isCapitalized(month)) return 'month-lowercase';
      const year = parseSpokenYear(group(m, 'spoken')!);
      if (year === null) return 'not-a-spoken-year';
      // "more than two thousand years", "two thousand people": a count, not a year.
      const next = tokenAt(env, m.index + m[0].length);
      if (next && next.pos === 'NOUN' && ((next.normal.endsWith('s') && next.lemma !== next.normal) || COLLECTIVE_NOUNS.has(next.normal))) return 'counts-things';
      const mod = pointMod(group(m, 'pmod'));
      const monthNo = month ? monthNumber(month) : 0;
      return draft(m.index, m.index + m[0].length, () =>
        monthNo
          ? fixed('DATE', `${year}-${pad(monthNo)}`, mod, { date: makeDate(year, monthNo, 1), granularity: 'month' })
          : fixed('DATE', String(year), mod, { date: makeDate(year, 1, 1), granularity: 'year' }),
      );
    },
  },
  {
    id: 'date-year-end',
    trigger: /year/i,
    pattern: pattern(`\\b(?<w>year-end|year\\s+end|year's\\s+end)${END}`),
    build: (m, env) => {
      const hyphen = /-/.test(group(m, 'w')!);
      const since = wordBefore(env.text, m.index) === 'since';
      return draft(m.index, m.index + m[0].length, (ctx) => {
        if (!ctx.dct) return fixed('DATE', hyphen ? 'XXXX-12-31' : 'XXXX', hyphen ? null : 'END');
        // Early in a year, a past-tense "year-end" is the one just closed; "since year-end" always is.
        const closed = since || (ctx.dct.getMonth() < 3 && ctx.tense() === 'past');
        const year = ctx.dct.getFullYear() - (closed && !(ctx.dct.getMonth() === 11 && ctx.dct.getDate() === 31) ? 1 : 0);
        return hyphen
          ? pointValue('DATE', { date: makeDate(year, 12, 31), granularity: 'day' }, 'dct')
          : pointValue('DATE', { date: makeDate(year, 1, 1), granularity: 'year' }, 'dct', 'END');
      });
    },
  },
  {
    id: 'date-season',
    trigger: /spring|summer|fall|autumn|winter/i,
    pattern: pattern(
      `\\b(?:(?<rel>this\\s+past|this\\s+coming|the\\s+coming|the\\s+past|this|last|next|the)\\s+)?(?<pmod>(?:early|late|mid)[-\\s]+)?(?<season>spring|summer|fall|autumn|winter)(?:,?\\s+(?:of\\s+)?(?:${yearPattern('year')}|(?<spoken>${SPOKEN_YEAR})))?${END}`,
    ),
    build: (m, env) => {
      const rel = group(m, 'rel')?.toLowerCase().replace(/\s+/g, ' ');
      // Broadcast transcripts spell the year out: "the winter of nineteen ninety-four".
      const spoken = group(m, 'spoken') ? parseSpokenYear(group(m, 'spoken')!) : null;
      const year = group(m, 'year') ?? (spoken === null ? undefined : String(spoken));
      const pmod = group(m, 'pmod');
      const end = m.index + m[0].length;
      if (!rel && !year && !pmod && !['in', 'during', 'by', 'until', 'since', 'before', 'after', 'through', 'till', 'this', 'last', 'next'].includes(wordBefore(env.text, m.index)))
        return 'season-without-dating-word';
      // "the fall of the Berlin Wall": an event noun, not the season.
      if (!year && /^\s+of\s+(?!(?:1[6-9]|20)\d\d)/i.test(textAfter(env.text, end))) return 'event-noun';
      if (group(m, 'season')!.toLowerCase() === 'fall' && !year && !rel && !pmod) return 'bare-fall';
      const season = SEASONS[group(m, 'season')!.toLowerCase()]!;
      const mod = pointMod(pmod);
      const relation = rel === 'this past' || rel === 'last' || rel === 'the past' ? 'last' : rel === 'next' || rel === 'this coming' || rel === 'the coming' ? 'next' : rel === 'this' ? 'this' : null;
      return draft(m.index, end, (ctx) => (year ? fixed('DATE', `${year}-${season}`, mod, { date: makeDate(Number(year), 6, 1), granularity: 'year' }) : resolveSeason(ctx, season as Season, relation, mod)));
    },
  },
  {
    id: 'date-decade',
    trigger: /0'?s|ties/i,
    pattern: pattern(`\\b(?:(?:the|mid)[-\\s]+)?(?:(?<pmod>early|late|mid)[-\\s]+)?(?:(?<decade>1[0-9]{2}0|20[0-9]0)'?s|'(?<short>[0-9]0)s|(?<short2>[2-9]0)s|(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))${END}`),
    build: (m, env) => {
      const words: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
      const full = group(m, 'decade');
      // "the 70s" is a decade, "in his 70s" an age: a bare "70s" needs the article, or a decade it is
      // coordinated with ("the 70s and 80s", "the 1960s and 70s").
      if (group(m, 'short2') && !/^the\b/i.test(m[0]) && !/\b(?:the\s+|')(?:1[0-9])?[0-9]0'?s\s+(?:and|or|to|through|into)\s+$/i.test(env.text.slice(Math.max(0, m.index - 20), m.index))) return 'age';
      const short = group(m, 'short') ?? group(m, 'short2');
      const word = group(m, 'word')?.toLowerCase();
      const decade = full ? Number(full) / 10 : short ? 190 + Number(short) / 10 : 190 + (words[word ?? ''] ?? 0);
      const mod = pointMod(group(m, 'pmod') ?? (/^mid/i.test(m[0]) ? 'mid' : undefined));
      return draft(m.index, m.index + m[0].length, (ctx) =>
        fixed('DATE', ctx.config.decadeStyle === 'timeml' ? String(decade) : `${decade}X`, mod, { date: makeDate(decade * 10, 1, 1), granularity: 'decade' }),
      );
    },
  },
  {
    id: 'date-century',
    trigger: /century/i,
    pattern: pattern(
      `\\b(?:the\\s+)?(?:(?<pmod>early|late|mid)[-\\s]+)?(?<ord>\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[-\\s]+century${END}`,
    ),
    build: (m) => {
      const n = parseOrdinal(group(m, 'ord')!);
      if (!n || n > 22) return 'century-out-of-range';
      const mod = pointMod(group(m, 'pmod'));
      return draft(m.index, m.index + m[0].length, () => fixed('DATE', pad(n - 1), mod, { date: makeDate((n - 1) * 100 + 50, 1, 1), granularity: 'century' }));
    },
  },
  {
    id: 'date-holiday',
    trigger: /Christmas|Year's|Thanksgiving|Easter|Independence|Fourth|Labor|Memorial|Veterans|Halloween|Valentine's|lection|Good/,
    pattern: casedPattern(
      `\\b(?<name>Christmas\\s+Eve|Christmas\\s+Day|Christmas|New\\s+Year's\\s+Eve|New\\s+Year's\\s+Day|New\\s+Year's|Thanksgiving\\s+Day|Thanksgiving|Easter\\s+Sunday|Easter|Independence\\s+Day|the\\s+Fourth\\s+of\\s+July|July\\s+Fourth|Labor\\s+Day|Memorial\\s+Day|Veterans\\s+Day|Halloween|Valentine's\\s+Day|Election\\s+Day|election\\s+day|Good\\s+Friday)(?<week>\\s+week)?(?:,?\\s+${yearPattern('year')})?${END}`,
    ),
    build: (m) => {
      const name = group(m, 'name')!.replace(/\s+/g, ' ').toLowerCase();
      const explicit = group(m, 'year');
      // "Easter week", "Christmas week": the ISO week of the holiday.
      const asWeek = (r: Resolved | null): Resolved | null =>
        r?.point && group(m, 'week') ? pointValue('DATE', { date: r.point.date, granularity: 'week' }, r.anchor) : r;
      const resolveHoliday = (ctx: ResolveContext): Resolved | null => {
        if (explicit) return holiday(name, Number(explicit), 'none');
        if (!ctx.dct) return fixed('DATE', 'XXXX-XX-XX');
        const year = ctx.dct.getFullYear();
        const thisYear = holiday(name, year, 'dct');
        const tense = ctx.config.direction === 'tense' ? ctx.tense() : 'present';
        // A holiday week has begun by its Monday.
        const begins = (d: Date): Date => (group(m, 'week') ? addDays(d, 1 - isoWeekday(d)) : d);
        if (thisYear?.point && tense === 'past' && begins(thisYear.point.date) > ctx.dct) return holiday(name, year - 1, 'dct');
        if (thisYear?.point && tense === 'future' && thisYear.point.date < ctx.dct) return holiday(name, year + 1, 'dct');
        return thisYear;
      };
      return draft(m.index, m.index + m[0].length, (ctx) => asWeek(resolveHoliday(ctx)));
    },
  },
];

function holiday(name: string, year: number, anchor: 'dct' | 'none'): Resolved | null {
  let date: Date | null = null;
  if (name.startsWith('christmas eve')) date = makeDate(year, 12, 24);
  else if (name.startsWith('christmas')) date = makeDate(year, 12, 25);
  else if (name === "new year's eve") date = makeDate(year, 12, 31);
  else if (name.startsWith("new year's")) date = makeDate(year, 1, 1);
  else if (name.startsWith('thanksgiving')) date = nthWeekdayOfMonth(year, 11, 4, 4);
  else if (name.startsWith('easter')) date = easterSunday(year);
  else if (name === 'good friday') date = addDays(easterSunday(year), -2);
  else if (name.includes('independence') || name.includes('fourth')) date = makeDate(year, 7, 4);
  else if (name === 'labor day') date = nthWeekdayOfMonth(year, 9, 1, 1);
  else if (name === 'memorial day') date = nthWeekdayOfMonth(year, 5, 1, -1);
  else if (name === 'veterans day') date = makeDate(year, 11, 11);
  else if (name === 'halloween') date = makeDate(year, 10, 31);
  else if (name === "valentine's day") date = makeDate(year, 2, 14);
  else if (name === 'election day') date = addDays(nthWeekdayOfMonth(year, 11, 1, 1), 1);
  if (!date) return null;
  return pointValue('DATE', { date, granularity: 'day' }, anchor);
}

/** "the latest quarter", "the year-ago period", "this quarter": quarters counted from the DCT or the previous mention. */
function quarterRelative(ctx: ResolveContext, det: string, comparative: boolean, yearBack: boolean): Resolved {
  if (!ctx.dct) return fixed('DATE', 'XXXX-QX');
  const previousQuarter = ctx.config.anaphoricAnchor && ctx.previous?.granularity === 'quarter' ? ctx.previous : null;
  const latest = { date: shift(ctx.dct, 'quarter', -1), granularity: 'quarter' as const };
  if (yearBack || /year-ago|year-earlier/.test(det)) {
    const base = previousQuarter ?? latest;
    return { ...pointValue('DATE', { date: shift(base.date, 'year', -1), granularity: 'quarter' }, previousQuarter ? 'previous' : 'dct'), point: null };
  }
  if (comparative || det === 'that') {
    const base = previousQuarter ?? latest;
    return pointValue('DATE', base, previousQuarter ? 'previous' : 'dct');
  }
  if (det === 'this' || det === 'the current') return relativeToDct(ctx, 'quarter', 0);
  if (det === 'next' || det === 'the next' || det === 'the coming') return relativeToDct(ctx, 'quarter', 1);
  return relativeToDct(ctx, 'quarter', -1);
}

/**
 * "year-ago", "year-earlier", "the year-ago quarter": the previous mention shifted back one year with
 * its granularity kept (the gold's reading in earnings stories). The result does not become the new
 * previous mention, or a second "a year earlier" would count back two years.
 */
export function yearAgo(ctx: ResolveContext, quarterHeaded: boolean, deictic = false): Resolved {
  if (!ctx.dct && !ctx.previous) return fixed('DATE', quarterHeaded ? 'XXXX-QX' : 'XXXX');
  let previous = ctx.config.anaphoricAnchor ? ctx.previous : null;
  // The comparison is with the period being reported: a recent period (within a year of the DCT) at
  // month-to-year granularity. "a year ago" after an old date or a bare weekday counts from the DCT.
  if (previous && ctx.dct) {
    const recent = ctx.dct.getTime() - previous.date.getTime() < 366 * 86_400_000 && previous.date.getTime() <= ctx.dct.getTime() + 31 * 86_400_000;
    const coarse = ['month', 'quarter', 'half', 'year'].includes(previous.granularity);
    if (!recent || (deictic && !coarse) || previous.granularity === 'week' || previous.granularity === 'weekend') previous = null;
  }
  if (quarterHeaded) {
    const base = previous?.granularity === 'quarter' ? previous : ctx.dct ? { date: shift(ctx.dct, 'quarter', -1), granularity: 'quarter' as const } : previous!;
    return { ...pointValue('DATE', { date: shift(base.date, 'year', -1), granularity: 'quarter' }, base === previous ? 'previous' : 'dct'), point: null };
  }
  if (previous && previous.granularity !== 'decade' && previous.granularity !== 'century') {
    return { ...pointValue('DATE', { date: shift(previous.date, 'year', -1), granularity: previous.granularity }, 'previous'), point: null };
  }
  return { ...relativeToDct(ctx, 'year', -1), point: null };
}

