/**
 * Clock times ("10 p.m. Wednesday", "noon Thursday") and vague references to the present, past and
 * future ("now", "currently", "recently", "the future").
 */
import { formatPoint } from '../calendar.js';
import { MONTHS, MONTH_BEFORE_NUMBER, WEEKDAYS, WEEKDAY_NAME } from '../lexicon.js';
import { fixed, relativeToDct, resolveMonthDay, resolveWeekday, pad, type ResolveContext, type Resolved } from '../resolve.js';
import { type DateRule, draft, group, groupStart, pattern, startsSentence, textAfter } from './types.js';

const END = '(?![\\w])';
const DAY_WORD = `(?:${WEEKDAY_NAME}|today|yesterday|tomorrow|(?<md>${MONTH_BEFORE_NUMBER})\\s*(?<mdday>[12]\\d|3[01]|0?[1-9])(?!\\d))`;

const HOURS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const HOUR_WORDS = `(?:${Object.keys(HOURS).join('|')})`;

const CONVERSION_THEN_WEEKDAY = new RegExp(`^\\s+\\((?:[01]?\\d|2[0-3]):?[0-5]\\d\\s+(?:GMT|UTC)\\),?\\s+(${WEEKDAY_NAME})\\b`);

/** A bare clock time takes the day mentioned up to two sentences before; further back, the DCT. */
const MAX_SENTENCES_FOR_CLOCK = 2;

/** The date part of a time: a named day, a month-day, or the DCT. */
function dayOf(ctx: ResolveContext, day: string | undefined, month: string | undefined, monthDay: string | undefined, suffix: string): Resolved {
  const word = day?.toLowerCase();
  if (month && monthDay) {
    const m = MONTHS[month.toLowerCase().replace(/\.$/, '')] ?? 1;
    return resolveMonthDay(ctx, m, Number(monthDay), null, 'TIME', suffix) ?? fixed('TIME', `XXXX-${pad(m)}-${pad(Number(monthDay))}${suffix}`);
  }
  if (word && WEEKDAYS[word] !== undefined) return resolveWeekday(ctx, WEEKDAYS[word]!, null, 'TIME', null, suffix);
  const amount = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
  // A bare clock time belongs to the day the text is talking about: the last mentioned day, else the DCT.
  if (!word && ctx.config.anaphoricAnchor && ctx.previous?.granularity === 'day' && ctx.sentencesSincePrevious <= MAX_SENTENCES_FOR_CLOCK) {
    return { type: 'TIME', value: formatPoint(ctx.previous) + suffix, mod: null, anchor: 'previous', point: ctx.previous };
  }
  return relativeToDct(ctx, 'day', amount, 'TIME', null, suffix);
}

export const timeAndReferenceRules: readonly DateRule[] = [
  {
    id: 'time-clock',
    trigger: /\d\s*(?:a\.m|p\.m|am|pm|o'clock)/i,
    pattern: pattern(
      `\\b(?:(?<qmod>about|around|approximately|shortly\\s+before|shortly\\s+after|just\\s+before|just\\s+after)\\s+)?(?<h>[01]?\\d|2[0-3])(?:[:.](?<mi>[0-5]\\d))?\\s*(?<ampm>a\\.m\\.?|p\\.m\\.?|am|pm|o'clock)(?!\\w)` +
        `(?:\\s+(?<tz>[ECMP][SD]T|GMT|UTC))?(?:,?\\s+(?<day>${DAY_WORD}))?${END}`,
    ),
    build: (m, env) => {
      let hour = Number(group(m, 'h'));
      const ampm = group(m, 'ampm')!.toLowerCase();
      if (hour > 12 && !ampm.startsWith('o')) return 'hour-out-of-range';
      if (ampm.startsWith('p') && hour < 12) hour += 12;
      if (ampm.startsWith('a') && hour === 12) hour = 0;
      const minute = group(m, 'mi') ?? '00';
      const suffix = `T${pad(hour)}:${minute}`;
      const mod = group(m, 'qmod') ? 'APPROX' : null;
      const end = m.index + m[0].length;
      // Wire copy puts the universal time in parentheses before the day: in "10:35 a.m. (0735 GMT) Friday"
      // the time is on Friday, and the day stays a timex of its own.
      const day = group(m, 'day') ?? CONVERSION_THEN_WEEKDAY.exec(textAfter(env.text, end, 40))?.[1];
      return draft(m.index, end, (ctx) => ({ ...dayOf(ctx, day, group(m, 'md'), group(m, 'mdday'), suffix), mod }));
    },
  },
  {
    // "at 4 in the morning", "until 10 at night": an hour with its part of day is a clock time. The
    // preposition before the number is required ("killed two in the morning raid" is a count).
    id: 'time-hour-part-of-day',
    trigger: /in\s+the\s+(?:morning|afternoon|evening)|at\s+night/i,
    pattern: pattern(
      `\\b(?:at|until|till|by|around|about|before|after|from|to|since)\\s+(?<h>1[0-2]|[1-9]|${HOUR_WORDS})(?:[:.](?<mi>[0-5]\\d))?(?:\\s+o'clock)?\\s+(?:in\\s+the\\s+(?<part>morning|afternoon|evening)|at\\s+(?<night>night))${END}`,
    ),
    build: (m) => {
      const raw = group(m, 'h')!.toLowerCase();
      let hour = HOURS[raw] ?? Number(raw);
      const part = group(m, 'part')?.toLowerCase();
      if (part === 'morning' && hour === 12) hour = 0;
      if (group(m, 'night') && hour === 12) hour = 24;
      // "10 at night" is 22:00, "2 at night" 02:00; afternoon and evening hours are after noon.
      if ((part === 'afternoon' || part === 'evening' || (group(m, 'night') && hour >= 6)) && hour < 12) hour += 12;
      const suffix = `T${pad(hour)}:${group(m, 'mi') ?? '00'}`;
      const start = groupStart(m, 'h')!;
      return draft(start, m.index + m[0].length, (ctx) => dayOf(ctx, undefined, undefined, undefined, suffix));
    },
  },
  {
    id: 'time-24h-zone',
    trigger: /GMT|UTC|EST|EDT|local\s+time/i,
    pattern: pattern(`\\b(?<h>[01]\\d|2[0-3]):?(?<mi>[0-5]\\d)\\s+(?<tz>GMT|UTC|EST|EDT|local\\s+time)(?:,?\\s+(?<day>${DAY_WORD}))?${END}`),
    build: (m, env) => {
      // "10:35 a.m. (0735 GMT)": the conversion in parentheses repeats the time before it.
      if (/[ap]\.m\.\s*\($/i.test(env.text.slice(Math.max(0, m.index - 8), m.index))) return 'time-zone-repeat';
      // ISO 8601 marks universal time with Z; other zones are not converted.
      const utc = /^(?:GMT|UTC)$/i.test(group(m, 'tz')!);
      const suffix = `T${group(m, 'h')}:${group(m, 'mi')}${utc ? 'Z' : ''}`;
      return draft(m.index, m.index + m[0].length, (ctx) => dayOf(ctx, group(m, 'day'), group(m, 'md'), group(m, 'mdday'), suffix));
    },
  },
  {
    id: 'time-noon-midnight',
    trigger: /noon|midnight|midday/i,
    pattern: pattern(`\\b(?:(?<day1>${WEEKDAY_NAME}|today|yesterday|tomorrow)\\s+)?(?<word>noon|midnight|midday)(?:,?\\s+(?<day2>${WEEKDAY_NAME}|today|yesterday|tomorrow))?${END}`),
    build: (m, env) => {
      const word = group(m, 'word')!.toLowerCase();
      // "High Noon" (the film) and "high noon" (the showdown) name no time of day.
      if (word === 'noon' && !group(m, 'day1') && /\bhigh\s+$/i.test(env.text.slice(Math.max(0, m.index - 6), m.index))) return 'high-noon';
      // TIDES writes midnight as T24 of the day that ends.
      const suffix = word === 'midnight' ? 'T24' : 'T12:00';
      return draft(m.index, m.index + m[0].length, (ctx) => dayOf(ctx, group(m, 'day1') ?? group(m, 'day2'), undefined, undefined, suffix));
    },
  },
  {
    id: 'ref-vague',
    trigger: /now|current|present|these\s+days|recent|future|past/i,
    pattern: pattern(
      `\\b(?<w>right\\s+now|now|currently|at\\s+present|presently|these\\s+days|nowadays|more\\s+recently|recently|the\\s+near\\s+future|the\\s+distant\\s+future|the\\s+foreseeable\\s+future|the\\s+future|the\\s+past|then[-\\s]current|current)${END}`,
    ),
    build: (m, env) => {
      const w = group(m, 'w')!.toLowerCase().replace(/\s+/g, ' ');
      const after = textAfter(env.text, m.index + m[0].length, 30);
      if (w === 'current') {
        // Only "current" before a noun that is not a technical term ("current account", "current assets").
        if (!/^\s+[a-z]/.test(after) || /^\s+(?:account|accounts|assets|liabilities|events|affairs|year|quarter|month|week|period|fiscal|and|or|of|in|is|was|dollars|prices)\b/i.test(after)) return 'technical-current';
      }
      // A sentence-initial "Now," is a discourse marker ("Now, he says, ..."), not the present moment.
      if (w === 'now' && /^,/.test(after) && startsSentence(env.text, m.index)) return 'discourse-now';
      // "the then-current price": current at a past time the text speaks of.
      const value = /future/.test(w) ? 'FUTURE_REF' : /recent|past|then/.test(w) ? 'PAST_REF' : 'PRESENT_REF';
      return draft(m.index, m.index + m[0].length, (ctx) => (ctx.config.vagueReferences ? fixed('DATE', value) : null));
    },
  },
];
