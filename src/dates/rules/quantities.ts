/**
 * Durations ("over an hour", "the past two years", "a five-year plan") and sets ("daily", "each week",
 * "$15 a year"). Durations need no anchor: their values are lengths (`PT1H`, `P2Y`, `PXM`).
 */
import { MONTHS, MONTH_NAME, NUMBER_PATTERN, QUANTITY_MOD_PATTERN, SEASONS, UNIT_PATTERN, WEEKDAYS, WEEKDAY_NAME, parseNumber, quantityMod, unitOf, type TimeUnit } from '../lexicon.js';
import { fixed, pad } from '../resolve.js';
import { type DateRule, type RuleEnv, draft, group, groupStart, pattern, startsSentence, textAfter, tokenBefore } from './types.js';

const END = '(?![\\w])';

/** TimeML duration value for `n` units; halves go down a unit ("5 1/2 hours" = PT5H30M). */
export function durationValue(n: number | 'X', unit: TimeUnit): string {
  if (n === 'X') {
    const code: Record<TimeUnit, string> = {
      second: 'PTXS', minute: 'PTXM', hour: 'PTXH', day: 'PXD', week: 'PXW', fortnight: 'PXW', month: 'PXM', quarter: 'PXM',
      year: 'PXY', decade: 'PXY', century: 'PXC', millennium: 'PXL',
    };
    return code[unit];
  }
  const whole = Math.floor(n);
  const half = n - whole >= 0.5;
  switch (unit) {
    case 'second':
      return `PT${n}S`;
    case 'minute':
      return half ? `PT${whole ? `${whole}M` : ''}30S` : `PT${n}M`;
    case 'hour':
      return half ? `PT${whole ? `${whole}H` : ''}30M` : `PT${n}H`;
    case 'day':
      return half ? `P${whole ? `${whole}D` : ''}T12H` : `P${n}D`;
    case 'week':
      return `P${n}W`;
    case 'fortnight':
      return `P${n * 2}W`;
    case 'month':
      return `P${n}M`;
    // The gold writes quarters as months ("the next three quarters" = P9M).
    case 'quarter':
      return `P${n * 3}M`;
    case 'year':
      return half ? (whole ? `P${whole}Y6M` : 'P6M') : `P${n}Y`;
    case 'decade':
      return `P${n * 10}Y`;
    case 'century':
      return `P${n}C`;
    case 'millennium':
      return `P${n}L`;
  }
}

const MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'can', 'should', 'shall', "'ll"]);

const SET_CODES: Readonly<Record<string, string>> = {
  daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', nightly: 'P1D',
  biweekly: 'P2W', biannually: 'P6M', semiannually: 'P6M',
};

/**
 * A recurrence's period: TimeML writes sets duration-like, and a quarter stays a quarter ("every
 * quarter" = P1Q), where a length of quarters is written in months.
 */
const setPeriod = (n: number | 'X', unit: TimeUnit): string => (unit === 'quarter' && n !== 'X' ? `P${n}Q` : durationValue(n, unit));

/** "$15 a year", "twice a week": "a/per <unit>" right after an amount or a frequency word is a rate. */
function isRate(env: RuleEnv, start: number): boolean {
  const before = tokenBefore(env, start);
  if (!before) return false;
  if (['for', 'in', 'within', 'than', 'about', 'over', 'nearly', 'almost', 'after', 'of', 'by'].includes(before.normal)) return false;
  if (['once', 'twice', 'thrice', 'times', 'million', 'billion', 'trillion', 'percent', '%', 'dollars', 'cents', 'each'].includes(before.normal)) return true;
  if (before.pos === 'NUM' || before.pos === 'SYM' || /\d/.test(before.value)) return true;
  // "... 200,000 barrels a day": an amount two words back.
  const window = env.text.slice(Math.max(0, start - 40), start);
  return before.pos === 'NOUN' && /(?:\d|million|billion)\s+[A-Za-z-]+\s*$/.test(window);
}

export const quantityRules: readonly DateRule[] = [
  {
    id: 'duration-quantity',
    trigger: /second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni/i,
    pattern: pattern(
      `\\b(?<qmod>${QUANTITY_MOD_PATTERN}\\s+|some\\s+)?(?:(?<the>the)\\s+(?:(?<rel>past|last|next|first|coming|previous|following|final|remaining|latest|initial|prior|same|entire|full)\\s+)?)?` +
        `(?<num>${NUMBER_PATTERN})(?<sep>[-\\s]+)(?:(?<more>more|additional|other|straight|consecutive|full|long|trading|business|working|calendar)\\s+)?(?<unit>${UNIT_PATTERN})(?<half>\\s+and\\s+a\\s+half)?${END}`,
    ),
    build: (m, env) => {
      let start = m.index;
      const end = m.index + m[0].length;
      const after = textAfter(env.text, end, 12);
      // Ages are not timexes: "a 52-year-old", "five years old".
      if (/^(?:-|\s+)old\b/i.test(after)) return 'age';
      const numRaw = group(m, 'num')!;
      // "the 1988 quarter" names a year; "60 Minutes", "48 Hours" are programme titles.
      if (/^(?:1[6-9]|20)\d\d$/.test(numRaw) && !/s$/i.test(group(m, 'unit')!)) return 'year-not-length';
      if (/^[A-Z]/.test(group(m, 'unit')!)) return 'capitalized-title';
      const unitRaw = group(m, 'unit')!;
      const unit = unitOf(unitRaw);
      let n = parseNumber(numRaw);
      if (group(m, 'half') && n !== 'X') n += 0.5;
      const hyphenated = group(m, 'sep')!.includes('-');
      const singular = !/s$/i.test(unitRaw) || unit === 'century' && !/ies$/i.test(unitRaw);
      // "a year" / "an hour" take the singular; "a years" is no quantity.
      if ((numRaw.toLowerCase() === 'a' || numRaw.toLowerCase() === 'an') && !singular) return 'indefinite-plural';
      if (n === 'X' && singular && !hyphenated) return 'vague-singular';
      // "One day he...", "some day": idioms, not lengths; after a modal ("will one day be") a vague future;
      // a length only after a preposition or at the end of a clause ("followed by one day", "in the job one day.").
      if (/^(?:one|some)$/i.test(numRaw) && unit === 'day' && !hyphenated && !group(m, 'the') && !group(m, 'qmod')) {
        const before = tokenBefore(env, m.index)?.normal ?? '';
        if (MODALS.has(before)) return draft(m.index, end, () => fixed('DATE', 'FUTURE_REF'));
        const lengthSlot = ['by', 'for', 'in', 'within', 'after', 'than', 'about', 'only', 'just', 'last', 'lasted', 'took', 'spent'].includes(before) || (/^\s*[.,;:]/.test(after) && !startsSentence(env.text, m.index));
        if (numRaw.toLowerCase() === 'some' || !lengthSlot) return 'day-idiom';
      }
      // "a second term", "three-quarters of the shares": ordinals and fractions, not lengths.
      if (unit === 'second' && /^(?:a|one)$/i.test(numRaw) && /^\s+[a-z]/i.test(after)) return 'ordinal-second';
      if (unit === 'quarter' && (/^\s+of\b/i.test(after) || (hyphenated && /s$/i.test(unitRaw)))) return 'fraction-quarter';
      const qmodRaw = group(m, 'qmod')?.trim();
      let mod = quantityMod(qmodRaw);
      // "over the past two weeks": "over" is the preposition; "over an hour" means more than.
      if (qmodRaw && (group(m, 'the') || hyphenated)) {
        start = groupStart(m, group(m, 'the') ? 'the' : 'num')!;
        mod = null;
      }
      // Adjectival "a two-week visit", "the 30-day rate": only the time part is the timex.
      if (hyphenated && !/^(?:a|an)$/i.test(numRaw)) start = groupStart(m, 'num')!;
      if (/^(?:a|an)$/i.test(numRaw) && !group(m, 'the') && !qmodRaw && singular && isRate(env, m.index)) {
        return draft(m.index, end, () => fixed('SET', setPeriod(1, unit)));
      }
      const value = durationValue(n, unit);
      return draft(start, end, () => fixed('DURATION', value, mod));
    },
  },
  {
    // "two to six days", "within two to three weeks": TimeML splits a range into two timexes, so the
    // first number is a length of its own in the unit the second one names (the second is matched by
    // duration-quantity).
    id: 'duration-range-first',
    trigger: /to|or|and|-|–/i,
    pattern: pattern(`\\b(?<n1>${NUMBER_PATTERN})\\s*(?:to|or|and|-|–)\\s*(?<n2>${NUMBER_PATTERN})[-\\s]+(?<unit>${UNIT_PATTERN})${END}`),
    build: (m, env) => {
      const n1Raw = group(m, 'n1')!;
      const n1 = parseNumber(n1Raw);
      const n2 = parseNumber(group(m, 'n2')!);
      if (n1 === 'X' || n2 === 'X' || n1 >= n2) return 'range-not-a-length';
      if (/^(?:a|an)$/i.test(n1Raw)) return 'indefinite-plural';
      if (/^[A-Z]/.test(group(m, 'unit')!)) return 'capitalized-title';
      if (/^(?:-|\s+)old\b/i.test(textAfter(env.text, m.index + m[0].length, 8))) return 'age';
      const value = durationValue(n1, unitOf(group(m, 'unit')!));
      return draft(m.index, m.index + n1Raw.length, () => fixed('DURATION', value));
    },
  },
  {
    id: 'duration-half-unit',
    trigger: /half/i,
    pattern: pattern(`\\b(?<qmod>${QUANTITY_MOD_PATTERN}\\s+)?(?:a\\s+|one\\s+)?half[-\\s](?:an?\\s+)?(?<unit>hour|day|year|century|decade|minute|month)${END}`),
    build: (m) => {
      const unit = unitOf(group(m, 'unit')!);
      const values: Partial<Record<TimeUnit, string>> = { hour: 'PT30M', minute: 'PT30S', day: 'PT12H', month: 'P15D', year: 'P6M', decade: 'P5Y', century: 'P50Y' };
      const mod = quantityMod(group(m, 'qmod')?.trim());
      return draft(m.index, m.index + m[0].length, () => fixed('DURATION', values[unit] ?? 'PXX', mod));
    },
  },
  {
    id: 'duration-vague-plural',
    trigger: /years|months|decades|weeks|days|hours|minutes|centuries|quarters/i,
    pattern: pattern(
      `\\b(?:(?<recent>(?:the\\s+)?(?:recent|coming|past|next\\s+few|last\\s+few)\\s+)|(?<the>the\\s+))?(?<unit>years|months|decades|weeks|days|hours|minutes|centuries|quarters)(?<dash>-long)?(?<tail>\\s+ahead|\\s+ago)?${END}`,
    ),
    build: (m, env) => {
      const unit = unitOf(group(m, 'unit')!);
      const before = tokenBefore(env, m.index);
      const prev = before?.normal ?? '';
      const tail = group(m, 'tail')?.trim().toLowerCase();
      // "the weeks ahead" is a vague length; "months ago" a vague past point.
      // "over the years", "through the years": a vague stretch of time; "the years of war" is not.
      const afterPreposition = ['over', 'through', 'during', 'across', 'for', 'in', 'throughout'].includes(tokenBefore(env, m.index)?.normal ?? '');
      if (group(m, 'the') && tail !== 'ahead' && !(afterPreposition && /years|decades/i.test(group(m, 'unit')!) && !/^\s+(?:of|since|when|before|after)\b/i.test(textAfter(env.text, m.index + m[0].length)))) return 'definite-plural';
      if (tail === 'ago') return draft(m.index, m.index + m[0].length, () => fixed('DATE', 'PAST_REF'));
      if (!group(m, 'recent') && !tail) {
        // Bare plurals are durations after a preposition or a verb of lasting ("for years", "took months").
        const ok =
          unit === 'decade' || unit === 'century' || group(m, 'dash') !== undefined ||
          ['for', 'in', 'over', 'within', 'after', 'during', 'took', 'take', 'takes', 'lasted', 'last', 'lasts', 'spent', 'spend', 'than'].includes(prev);
        if (!ok) return 'bare-plural';
        // "in days of old", "years of age"
        if (/^\s+(?:of\s+age|old)\b/i.test(textAfter(env.text, m.index + m[0].length))) return 'age';
      }
      const end = group(m, 'dash') ? groupStart(m, 'dash')! : m.index + m[0].length;
      if (/past/i.test(group(m, 'recent') ?? '') && !/the/i.test(group(m, 'recent') ?? '')) return draft(m.index, end, () => fixed('DATE', 'PAST_REF'));
      return draft(m.index, end, () => fixed('DURATION', durationValue('X', unit)));
    },
  },
  {
    id: 'set-every',
    trigger: /every|each|per/i,
    pattern: pattern(
      `\\b(?<q>every|each|per)\\s+(?:(?<num>other|${NUMBER_PATTERN})\\s+)?(?<unit>${UNIT_PATTERN}|${WEEKDAY_NAME}|${MONTH_NAME}|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)${END}`,
    ),
    build: (m) => {
      const unitRaw = group(m, 'unit')!;
      const lower = unitRaw.toLowerCase().replace(/\.$/, '');
      const numRaw = group(m, 'num');
      if (numRaw && /^(?:a|an)$/i.test(numRaw)) return 'indefinite-plural';
      const n = numRaw === undefined ? 1 : numRaw.toLowerCase() === 'other' ? 2 : parseNumber(numRaw);
      let value: string;
      if (WEEKDAYS[lower] !== undefined) value = `XXXX-WXX-${WEEKDAYS[lower]}`;
      else if (MONTHS[lower] !== undefined) value = `XXXX-${pad(MONTHS[lower]!)}`;
      else if (lower === 'weekend') value = 'XXXX-WXX-WE';
      else if (SEASONS[lower] !== undefined) value = `XXXX-${SEASONS[lower]}`;
      else if (['morning', 'afternoon', 'evening', 'night'].includes(lower)) value = `XXXX-XX-XXT${{ morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' }[lower]}`;
      else value = setPeriod(n, unitOf(unitRaw));
      return draft(m.index, m.index + m[0].length, () => fixed('SET', value));
    },
  },
  {
    id: 'set-frequency-adverb',
    trigger: /daily|weekly|monthly|annually|yearly|hourly|nightly/i,
    pattern: pattern(`\\b(?<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually)${END}`),
    build: (m, env) => {
      const adv = group(m, 'adv')!.toLowerCase();
      // A title ("the Daily Telegraph", "Weekly Standard") is not a rate.
      if (/^[A-Z]/.test(group(m, 'adv')!) && /^\s+[A-Z]/.test(textAfter(env.text, m.index + m[0].length))) return 'capitalized-title';
      return draft(m.index, m.index + m[0].length, () => fixed('SET', SET_CODES[adv]!));
    },
  },
];
