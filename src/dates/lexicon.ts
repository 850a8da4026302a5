/**
 * Words as data: month and weekday names, units, number words, and the modifier words that map to
 * TimeML `mod` values. The rule patterns are built from these lists (chrono's constants.ts habit).
 */
import type { Season } from './calendar.js';

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Month names; abbreviations only with their period, so "Mar" or "Dec" in other senses stay out. */
export const MONTH_NAME =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)';
/** Before a day number the period may be missing ("Sept 30"). */
export const MONTH_BEFORE_NUMBER = `(?:${MONTH_NAME}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`;

export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
export const WEEKDAY_NAME = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

export const SEASONS: Readonly<Record<string, Season>> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

export const PART_OF_DAY: Readonly<Record<string, string>> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI', overnight: 'NI', midday: 'MI', daytime: 'DT',
};

export type TimeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year' | 'decade' | 'century' | 'millennium';

export const UNIT_PATTERN =
  '(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millenni(?:um|a))';

export function unitOf(word: string): TimeUnit {
  const w = word.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  if (w.startsWith('millenni')) return 'millennium';
  return w.replace(/s$/, '') as TimeUnit;
}

const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Words that stand for an unknown number: the value gets X ("several years" = PXY). */
const VAGUE_NUMBERS = ['several', 'a few', 'few', 'many', 'some', 'a number of', 'numerous', 'a couple of'];

const small = Object.keys(SMALL_NUMBERS).join('|');
const tens = Object.keys(TENS).join('|');
/** A cardinal: digits, number words (incl. "twenty four", "twenty-four"), "a", "an", vague words. */
export const NUMBER_PATTERN =
  `(?:\\d+(?:\\.\\d+)?(?:\\s+1/2)?|(?:${tens})(?:[-\\s](?:${small.split('|').slice(0, 9).join('|')}))?|${small}|` +
  `a\\s+hundred|one\\s+hundred|a\\s+dozen|a\\s+couple\\s+of|couple\\s+of|a\\s+couple|a\\s+few|a\\s+number\\s+of|several|few|many|some|numerous|a|an)`;

/** Parses NUMBER_PATTERN text; 'X' for vague quantities, 2 for "a couple". */
export function parseNumber(raw: string): number | 'X' {
  const text = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (text === 'a couple of' || text === 'a couple' || text === 'couple of') return 2;
  if (VAGUE_NUMBERS.includes(text)) return 'X';
  if (text === 'a' || text === 'an') return 1;
  if (text === 'a hundred' || text === 'one hundred') return 100;
  if (text === 'a dozen') return 12;
  const half = /^(\d+) 1\/2$/.exec(text);
  if (half) return Number(half[1]) + 0.5;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const parts = text.split(/[- ]/);
  let total = 0;
  for (const p of parts) {
    const n = SMALL_NUMBERS[p] ?? TENS[p];
    if (n === undefined) return 'X';
    total += n;
  }
  return total;
}

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

export function parseOrdinal(raw: string): number | null {
  const text = raw.toLowerCase().replace(/\s+/g, '-');
  const known = ORDINALS[text];
  if (known !== undefined) return known;
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Modifiers of points in time ("late 2025", "the end of the year", "earlier this month"). */
export const POINT_MODS: Readonly<Record<string, string>> = {
  early: 'START', earlier: 'START', beginning: 'START', start: 'START', dawn: 'START',
  mid: 'MID', middle: 'MID',
  late: 'END', later: 'END', end: 'END', close: 'END',
};

/** Modifiers of quantities ("over an hour", "at least 30 days", "about two years"). */
export const QUANTITY_MODS: Readonly<Record<string, string>> = {
  about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX', some: 'APPROX',
  nearly: 'LESS_THAN', almost: 'LESS_THAN',
  'more than': 'MORE_THAN', over: 'MORE_THAN', 'just over': 'MORE_THAN', 'well over': 'MORE_THAN',
  'less than': 'LESS_THAN', 'fewer than': 'LESS_THAN', under: 'LESS_THAN', 'just under': 'LESS_THAN',
  'at least': 'EQUAL_OR_MORE', 'no less than': 'EQUAL_OR_MORE', 'no fewer than': 'EQUAL_OR_MORE',
  'at most': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS', 'up to': 'EQUAL_OR_LESS',
};

export const QUANTITY_MOD_PATTERN =
  '(?:about|around|approximately|roughly|nearly|almost|more\\s+than|just\\s+over|well\\s+over|over|less\\s+than|fewer\\s+than|just\\s+under|under|at\\s+least|no\\s+less\\s+than|no\\s+fewer\\s+than|at\\s+most|no\\s+more\\s+than|up\\s+to)';

export const quantityMod = (raw: string | undefined): string | null =>
  raw ? (QUANTITY_MODS[raw.toLowerCase().replace(/\s+/g, ' ')] ?? null) : null;

export function pointMod(raw: string | undefined): string | null {
  if (!raw) return null;
  const word = raw.toLowerCase().replace(/^the\s+/, '').split(/[\s-]+/)[0] ?? '';
  return POINT_MODS[word] ?? null;
}

/** Point modifiers as they appear before a month, year, or relative unit; kept inside the span. */
export const POINT_MOD_PATTERN =
  '(?:(?:the\\s+)?(?:very\\s+)?(?:early|late|mid|earlier|later)|the\\s+(?:beginning|start|middle|end|close|dawn)\\s+of)';

/** Past forms of common irregular verbs: the past-tense test cannot rely on "-ed". */
export const IRREGULAR_PAST = new Set(
  ('was were had did said made took came went got gave told saw rose fell sold bought paid left led met held began became ' +
    'found won lost kept brought thought ran spoke wrote struck sent spent built stood fought grew knew broke chose drove ' +
    'flew froze hid meant rode rang sang sank slid sought stole swore taught threw understood woke wore wound fled felt ' +
    'heard lay dealt drew ate forgave hung overtook withdrew undertook swept shook sat slept arose bore beat bid bled ' +
    'blew bred caught clung crept dug fed forbade forgot leapt lent lit overcame shot shut split spread stuck stung ' +
    'strove tore trod wept wrung').split(' '),
);

/** Words that announce a future reference even without "will" ("is scheduled to", "plans to"). */
export const FUTURE_CUES = new Set([
  'will', "'ll", 'shall', 'wo', 'scheduled', 'schedule', 'expected', 'expects', 'expect', 'plans', 'planned', 'plan',
  'planning', 'due', 'upcoming', 'slated', 'intends', 'intend', 'could', 'might', 'would', 'should', 'supposed',
]);
