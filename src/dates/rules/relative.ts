/**
 * Deictic and anaphoric expressions: weekdays, today/yesterday/tomorrow, parts of the day,
 * "this/last/next <unit>", "the following day", "two years ago", "a year earlier".
 */
import { type Granularity, shift, underspecified, weekdayFrom } from '../calendar.js';
import { NUMBER_PATTERN, ORDINALS, PART_OF_DAY, POINT_MOD_PATTERN, QUANTITY_MOD_PATTERN, UNIT_PATTERN, WEEKDAYS, WEEKDAY_NAME, parseNumber, pointMod, quantityMod, unitOf, type TimeUnit } from '../lexicon.js';
import { anaphoricBase, fixed, pointValue, relativeToDct, relativeToPrevious, resolveWeekday, type ResolveContext, type Resolved } from '../resolve.js';
import { yearAgo } from './calendar-dates.js';
import { type DateRule, draft, group, groupStart, isCapitalized, pattern, startsSentence, textAfter, wordBefore } from './types.js';

const END = '(?![\\w])';

const podSuffix = (raw: string | undefined): string => (raw ? `T${PART_OF_DAY[raw.toLowerCase().replace(/s$/, '')] ?? ''}` : '');

const unitGranularity: Readonly<Partial<Record<TimeUnit, Granularity>>> = {
  day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year', decade: 'decade', century: 'century',
};

/** A clause boundary right after a span: "the day before." versus "the day before the vote". */
const endsClause = (text: string, end: number): boolean => /^\s*(?:[.,;:!?)"]|--|$|\n)/.test(textAfter(text, end, 6));

export const relativeRules: readonly DateRule[] = [
  {
    id: 'date-weekday',
    trigger: /(?:mon|tues|wednes|thurs|fri|satur|sun)day/i,
    pattern: pattern(
      `\\b(?:(?<rel>this\\s+coming|this\\s+past|last|next|this|early|late|earlier|later|the\\s+following|the\\s+previous|the\\s+next|the\\s+preceding)\\s+)?(?<wd>${WEEKDAY_NAME})(?<plural>s)?(?:\\s+(?<pod>mornings?|afternoons?|evenings?|nights?))?${END}`,
    ),
    build: (m) => {
      if (!isCapitalized(group(m, 'wd'))) return 'weekday-lowercase';
      const weekday = WEEKDAYS[group(m, 'wd')!.toLowerCase()]!;
      const rel = (group(m, 'rel') ?? '').toLowerCase().replace(/\s+/g, ' ');
      const pod = group(m, 'pod');
      const suffix = podSuffix(pod);
      const end = m.index + m[0].length;
      if (group(m, 'plural') || (pod && /s$/i.test(pod))) {
        return draft(m.index, end, () => fixed('SET', `XXXX-WXX-${weekday}${suffix}`));
      }
      // "Friday's ruling": the possessive stays outside (the pattern stops before "'s"); still a date.
      const type = pod ? 'TIME' : 'DATE';
      const mod = rel === 'early' || rel === 'earlier' ? 'START' : rel === 'late' || rel === 'later' ? 'END' : null;
      return draft(m.index, end, (ctx): Resolved => {
        if (rel === 'the following' || rel === 'the next' || rel === 'the previous' || rel === 'the preceding') {
          const base = anaphoricBase(ctx);
          if (!base) return fixed(type, `XXXX-WXX-${weekday}${suffix}`);
          const date = weekdayFrom(base.date, weekday, rel === 'the previous' || rel === 'the preceding' ? 'strict-past' : 'strict-future');
          return pointValue(type, { date, granularity: 'day' }, base.anchor, mod, suffix);
        }
        const relation = rel === 'last' || rel === 'this past' ? 'last' : rel === 'next' || rel === 'this coming' ? 'next' : rel === 'this' ? 'this' : null;
        return resolveWeekday(ctx, weekday, relation, type, mod, suffix);
      });
    },
  },
  {
    // "Today is the eighth day of Desert Shield", "It's the second day of an offensive": a present-tense
    // count of days names the day of the report. (A past "was the third day" has no anchor to trust.)
    id: 'date-nth-day-present',
    trigger: /day/i,
    pattern: pattern(
      `\\b(?:is|'s)\\s+(?<span>the\\s+(?:${Object.keys(ORDINALS).filter((o) => /^[a-z-]+$/.test(o)).join('|')}|\\d{1,3}(?:st|nd|rd|th))\\s+(?:(?:straight|consecutive|full)\\s+)?day)${END}`,
    ),
    build: (m) => {
      const start = groupStart(m, 'span')!;
      return draft(start, m.index + m[0].length, (ctx) => relativeToDct(ctx, 'day', 0));
    },
  },
  {
    id: 'date-deictic-day',
    trigger: /today|yesterday|tomorrow|tonight/i,
    pattern: pattern(
      `\\b(?:(?<pmod>early|late|earlier|later)\\s+)?(?:(?<podmod>mid-?)?(?<pod1>morning|afternoon|evening|night)\\s+)?(?<word>today|yesterday|tomorrow|tonight)(?:\\s+(?<pod2>morning|afternoon|evening|night))?${END}`,
    ),
    build: (m, env) => {
      const word = group(m, 'word')!.toLowerCase();
      const end = m.index + m[0].length;
      // A capitalized "Today" inside a sentence names a programme ("This is VOA Today", NBC's "Today").
      if (/^[A-Z]/.test(group(m, 'word')!) && m.index === groupStart(m, 'word') && !startsSentence(env.text, m.index)) return 'capitalized-title';
      // Generic "today's world", "today's youth", "many of today's computers": no particular day.
      if (word === 'today' && /^'s\s+(?:world|society|youth|young|generation|standards|economy|children|kids|environment|culture|technology)\b/i.test(textAfter(env.text, end)))
        return 'generic-today';
      if (word === 'today' && /^'s/.test(textAfter(env.text, end, 2)) && /\b(?:many|most|some|all|few)\s+of\s+$/i.test(env.text.slice(Math.max(0, m.index - 16), m.index))) return 'generic-today';
      const pod = group(m, 'pod1') ?? group(m, 'pod2') ?? (word === 'tonight' ? 'tonight' : undefined);
      const suffix = podSuffix(pod);
      const mod = group(m, 'podmod') ? 'MID' : pointMod(group(m, 'pmod'));
      const amount = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      return draft(m.index, end, (ctx) => relativeToDct(ctx, 'day', amount, suffix ? 'TIME' : 'DATE', mod, suffix));
    },
  },
  {
    id: 'time-part-of-day',
    trigger: /morning|afternoon|evening|night/i,
    pattern: pattern(
      `\\b(?:(?<rel>this|last|that|the\\s+next|the\\s+following|the\\s+previous|early\\s+this|late\\s+this|later\\s+this|earlier\\s+this|the)\\s+(?<pod>morning|afternoon|evening|night)|(?<mid>mid)[-\\s]?(?<pod2>morning|afternoon))${END}`,
    ),
    build: (m, env) => {
      const rel = (group(m, 'rel') ?? 'this').toLowerCase().replace(/\s+/g, ' ');
      const pod = group(m, 'pod') ?? group(m, 'pod2')!;
      // "(early) in the morning" is a part of the day the text is talking about; "the night of Oct. 23"
      // or "the night the plane went down" is left to the date it names.
      if (rel === 'the' && (wordBefore(env.text, m.index) !== 'in' || /^night$/i.test(pod) || /^\s+of\b/.test(textAfter(env.text, m.index + m[0].length)))) return 'generic-part-of-day';
      const suffix = podSuffix(pod);
      const mod = group(m, 'mid') ? 'MID' : pointMod(rel);
      return draft(m.index, m.index + m[0].length, (ctx) => {
        const onPreviousDay = (amount: number): Resolved => {
          const day = relativeToPrevious(ctx, 'day', amount, 'TIME', mod);
          return { ...day, value: day.value + suffix };
        };
        if (rel === 'last') return relativeToDct(ctx, 'day', -1, 'TIME', mod, suffix);
        if (rel === 'that') return onPreviousDay(0);
        if (rel === 'the next' || rel === 'the following') return onPreviousDay(1);
        if (rel === 'the previous') return onPreviousDay(-1);
        if (rel === 'the' && ctx.previous?.granularity === 'day' && ctx.sentencesSincePrevious <= 2) return onPreviousDay(0);
        return relativeToDct(ctx, 'day', 0, 'TIME', mod, suffix);
      });
    },
  },
  {
    id: 'date-relative-unit',
    trigger: /week|month|year|decade|century|day/i,
    pattern: pattern(
      `\\b(?<pmod>${POINT_MOD_PATTERN}[-\\s]+)?(?<rel>this\\s+past|this\\s+coming|this\\s+current|this|last|next|the\\s+past|the\\s+last|the\\s+previous|the\\s+next|the\\s+coming|the\\s+following|the\\s+current|the\\s+full|the\\s+entire|the\\s+whole|the\\s+same|the\\s+preceding|the\\s+prior|the\\s+present|the\\s+latest|the\\s+most\\s+recent|that|the)` +
        `\\s+(?:(?<fiscal>fiscal|calendar)\\s+)?(?<unit>week|month|year|weekend|decade|century|day)(?<full>\\s+or\\s+so)?(?<tail>\\s+(?:before|after|earlier|later|previous|prior))?(?<ago>\\s+(?:a\\s+year\\s+(?:ago|earlier|before)|last\\s+year))?${END}`,
    ),
    build: (m, env) => {
      const rel = group(m, 'rel')!.toLowerCase().replace(/\s+/g, ' ');
      const unit = group(m, 'unit')!.toLowerCase();
      const pmodRaw = group(m, 'pmod');
      // A capitalized "This Week" inside a sentence, quoted or not, is a title (ABC's "This Week"), not a date.
      if (/^[A-Z]/.test(group(m, 'unit')!) && !startsSentence(env.text, m.index)) return 'capitalized-title';
      let end = m.index + m[0].length;
      let tail = group(m, 'tail')?.trim().toLowerCase();
      if (tail === 'previous' || tail === 'prior') tail = 'before';
      const yearBack = group(m, 'ago') !== undefined;
      if (tail && !endsClause(env.text, end)) {
        end = groupStart(m, 'tail')!;
        tail = undefined;
      }
      // "the same month a year ago": the period just mentioned (else the DCT's), one year back.
      if (yearBack && (rel === 'the same' || rel === 'that') && unitGranularity[unit as TimeUnit]) {
        const granularity = unitGranularity[unit as TimeUnit]!;
        return draft(m.index, end, (ctx) => {
          const base = anaphoricBase(ctx);
          if (!base) return fixed('DATE', underspecified(granularity));
          return { ...pointValue('DATE', { date: shift(base.date, 'year', -1), granularity }, base.anchor), point: null };
        });
      }
      if (yearBack) end = groupStart(m, 'ago')!;
      const after = textAfter(env.text, end, 40);
      const mod = pointMod(pmodRaw) ?? (group(m, 'full') ? 'APPROX' : null);
      // "the year ended June 30" is the twelve months to that date: a duration.
      if (unit === 'year' && (rel === 'the' || rel === 'the fiscal') && /^\s+(?:ended|ending|through|to\s+date)\b/i.test(after)) {
        return draft(m.index, end, () => fixed('DURATION', 'P1Y'));
      }
      if (unit === 'day') {
        if (tail) return draft(m.index, end, (ctx) => relativeToPrevious(ctx, 'day', tail === 'before' || tail === 'earlier' ? -1 : 1));
        if (rel === 'the next' || rel === 'the following') return draft(m.index, end, (ctx) => relativeToPrevious(ctx, 'day', 1));
        if (rel === 'the previous' || rel === 'the preceding' || rel === 'the prior') return draft(m.index, end, (ctx) => relativeToPrevious(ctx, 'day', -1));
        // "that day" points at a day the text named; after a coarser mention ("in 1987 ... trades made
        // that day") no day was named and the phrase is generic.
        if (rel === 'the same' || rel === 'that')
          return draft(m.index, end, (ctx) => (ctx.config.anaphoricAnchor && ctx.previous && ctx.previous.granularity !== 'day' ? null : relativeToPrevious(ctx, 'day', 0)));
        return 'generic-day';
      }
      // "The last week of March", "the first day of": an ordinal position inside another period.
      // "a high for the year of $42.875": an amount after "of" is no enclosing period.
      if (/^\s+of\b/i.test(after) && !/^\s+of\s+(?:[A-Z]{0,2}\$|#|£|€)/.test(after) && (rel === 'the last' || rel === 'the' || rel === 'the same' || rel === 'the next' || rel === 'the past')) return 'ordinal-position';
      if (rel === 'the' && !pmodRaw && !['year', 'week', 'weekend'].includes(unit)) return 'generic-unit';
      if (rel === 'the' && /^\s+(?:following|before|after|ended|ending|that|when|in\s+which)\b/i.test(after)) return 'relative-clause-unit';
      if (unit === 'weekend') return draft(m.index, end, (ctx) => weekend(ctx, rel));
      const granularity = unitGranularity[unit as TimeUnit]!;
      if (tail) {
        const amount = tail === 'before' || tail === 'earlier' ? -1 : 1;
        return draft(m.index, end, (ctx) => relativeToPrevious(ctx, granularity, amount, 'DATE', mod));
      }
      if ((rel === 'the past' || rel === 'the last') && (unit === 'decade' || unit === 'century')) {
        return draft(m.index, end, () => fixed('DURATION', unit === 'decade' ? 'P10Y' : 'P100Y', mod));
      }
      if (rel === 'the following' || rel === 'the previous' || rel === 'the preceding' || rel === 'the prior' || rel === 'the same' || rel === 'that') {
        const amount = rel === 'the following' ? 1 : rel === 'the same' || rel === 'that' ? 0 : -1;
        return draft(m.index, end, (ctx) => relativeToPrevious(ctx, granularity, amount, 'DATE', mod));
      }
      // "a loss in the fourth quarter of 2005 and for the entire year": the year of the period just
      // reported (a recent part of a year, in the same or the previous sentence), else the DCT's.
      if (unit === 'year' && (rel === 'the full' || rel === 'the entire' || rel === 'the whole')) {
        return draft(m.index, end, (ctx) => {
          const previous = ctx.config.anaphoricAnchor && ctx.sentencesSincePrevious <= 1 ? ctx.previous : null;
          const reported =
            previous && ctx.dct && ['month', 'quarter', 'half', 'season'].includes(previous.granularity) && ctx.dct.getFullYear() - previous.date.getFullYear() <= 1 && previous.date <= ctx.dct;
          return reported ? { ...pointValue('DATE', { date: previous.date, granularity: 'year' }, 'previous', mod), point: null } : relativeToDct(ctx, 'year', 0, 'DATE', mod);
        });
      }
      // "the latest fiscal year" is the last one completed, like "the latest quarter".
      const amount = ['last', 'the past', 'the last', 'this past', 'the latest', 'the most recent'].includes(rel) ? -1 : ['next', 'the next', 'the coming', 'this coming'].includes(rel) ? 1 : 0;
      return draft(m.index, end, (ctx) => relativeToDct(ctx, granularity, amount, 'DATE', mod));
    },
  },
  {
    id: 'date-the-day',
    trigger: /the\s+day/i,
    pattern: pattern(
      `\\b(?:ending|ended|ends|end|finishing|finished|finish|closing|closed|start\\s+of|beginning\\s+of|end\\s+of|late\\s+in|later\\s+in|earlier\\s+in|early\\s+in)\\s+(?<day>the\\s+day)${END}`,
    ),
    build: (m) => {
      // Market reports: "ending the day at 8,017", "late in the day": the day being reported.
      const start = groupStart(m, 'day')!;
      return draft(start, start + group(m, 'day')!.length, (ctx) =>
        ctx.previous?.granularity === 'day' && ctx.sentencesSincePrevious <= 2 ? relativeToPrevious(ctx, 'day', 0) : relativeToDct(ctx, 'day', 0),
      );
    },
  },
  {
    id: 'date-units-ago',
    trigger: /ago|earlier|later|before|after|now|hence|previously|back/i,
    pattern: pattern(
      `\\b(?<qmod>${QUANTITY_MOD_PATTERN}\\s+)?(?<num>${NUMBER_PATTERN})[-\\s]+(?<unit>${UNIT_PATTERN})(?<orso>\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|before|after|from\\s+now|hence|previously|back)${END}`,
    ),
    build: (m, env) => {
      const end = m.index + m[0].length;
      const dir = group(m, 'dir')!.toLowerCase().replace(/\s+/g, ' ');
      const n = parseNumber(group(m, 'num')!);
      const unit = unitOf(group(m, 'unit')!);
      // "five days after he came back", "three days later": TimeML tags the length alone (the duration
      // rule takes it); only "a year earlier" is read as a date, the year-ago comparison.
      const yearEarlier = unit === 'year' && n === 1 && dir === 'earlier';
      if (dir === 'back' && !endsClause(env.text, end)) return 'back-not-at-clause-end';
      if (['earlier', 'later', 'before', 'after', 'previously'].includes(dir) && !yearEarlier) return 'length-before-later';
      const q = quantityMod(group(m, 'qmod')?.trim());
      const mod = group(m, 'orso') ? 'APPROX' : q === 'MORE_THAN' ? 'BEFORE' : q === 'LESS_THAN' && /^(?:less|fewer)/i.test(group(m, 'qmod')!) ? 'AFTER' : q ? 'APPROX' : null;
      const sign = dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'previously' || dir === 'back' ? -1 : 1;
      const anaphoric = dir === 'earlier' || dir === 'later' || dir === 'before' || dir === 'after' || dir === 'previously';
      return draft(m.index, end, (ctx) => unitsAgo(ctx, n, unit, sign, anaphoric, mod));
    },
  },
];

function unitsAgo(ctx: ResolveContext, n: number | 'X', unit: TimeUnit, sign: number, anaphoric: boolean, mod: string | null): Resolved {
  if (n === 'X') return fixed('DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', mod);
  // "a year ago/earlier" compares with the period just mentioned (the year-ago quarter).
  if (unit === 'year' && n === 1 && sign < 0) return { ...yearAgo(ctx, false, !anaphoric), mod };
  let granularity: Granularity = unitGranularity[unit] ?? 'day';
  let amount = n * sign;
  if (unit === 'fortnight') {
    granularity = 'week';
    amount *= 2;
  }
  if (unit === 'decade' || unit === 'century') {
    amount *= unit === 'decade' ? 10 : 100;
    granularity = 'year';
  }
  if (!Number.isInteger(amount)) return fixed('DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', mod);
  const resolved = anaphoric ? relativeToPrevious(ctx, granularity, amount, 'DATE', mod) : relativeToDct(ctx, granularity, amount, 'DATE', mod);
  return anaphoric ? { ...resolved, point: null } : resolved;
}

/** A weekend is named by the ISO week of its Saturday; "the weekend" in a Monday story is the one just past. */
function weekend(ctx: ResolveContext, rel: string): Resolved {
  if (!ctx.dct) return fixed('DATE', 'XXXX-WXX-WE');
  const day = ctx.dct.getDay(); // 0 Sunday ... 6 Saturday
  let amount = 0;
  if (rel === 'last' || rel === 'the past' || rel === 'the last' || rel === 'this past') amount = -1;
  else if (rel === 'next' || rel === 'the next' || rel === 'the coming' || rel === 'this coming') amount = day === 0 || day === 6 ? 1 : 0;
  else if (rel === 'the following') return relativeToPrevious(ctx, 'weekend', 1);
  else if (rel === 'this' || rel === 'this current') amount = 0;
  // Monday to Wednesday stories mostly report the weekend just past (Sunday belongs to the ISO week ending).
  else amount = day >= 1 && day <= 3 ? -1 : 0;
  return pointValue('DATE', { date: shift(ctx.dct, 'week', amount), granularity: 'weekend' }, 'dct');
}
