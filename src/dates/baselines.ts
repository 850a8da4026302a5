/**
 * Package-only baselines for `eval dates --baseline NAME`: each package alone, spans and values as it
 * gives them, formatted to TimeML as simply as possible. They exist to be measured against, not used.
 */
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import datesPlugin, { type DatesMethods } from 'compromise-dates';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import type { TimexType } from '../document/types.js';

export type DateBaselineName = 'compromise-dates' | 'chrono';
export const DATE_BASELINES: readonly DateBaselineName[] = ['compromise-dates', 'chrono'];

export interface BaselineTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: TimexType;
  readonly value: string;
}

export function runDateBaseline(name: DateBaselineName, text: string, dct: string | null): BaselineTimex[] {
  return name === 'chrono' ? chronoTimexes(text, dct) : compromiseTimexes(text, dct);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Chrono's own resolution (nearest weekday, its implied values), at noon UTC of the DCT. */
function chronoTimexes(text: string, dct: string | null): BaselineTimex[] {
  const instant = dct ? new Date(`${dct}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const results = chrono.parse(text, { instant, timezone: 'UTC' });
  return results.map((r) => {
    const c = r.start;
    const y = c.get('year') ?? 0;
    const m = c.get('month') ?? 1;
    const d = c.get('day') ?? 1;
    const known = (k: Parameters<typeof c.isCertain>[0]): boolean => c.isCertain(k);
    const yearText = dct || known('year') ? String(y) : 'XXXX';
    let type: TimexType = 'DATE';
    let value: string;
    if (known('hour')) {
      type = 'TIME';
      value = `${yearText}-${pad(m)}-${pad(d)}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
    } else if (known('day') || known('weekday') || !known('month')) value = `${yearText}-${pad(m)}-${pad(d)}`;
    else value = `${yearText}-${pad(m)}`;
    if (!known('day') && !known('weekday') && !known('month') && known('year')) value = yearText;
    return { start: r.index, end: r.index + r.text.length, text: r.text, type, value };
  });
}

let compromiseReady = false;

/** compromise-dates' dates(), durations() and times(), in that order of preference on overlap. */
function compromiseTimexes(text: string, dct: string | null): BaselineTimex[] {
  if (!compromiseReady) {
    nlp.plugin(datesPlugin);
    compromiseReady = true;
  }
  const out: BaselineTimex[] = [];
  const push = (start: number, length: number, type: TimexType, value: string): void => {
    let end = start + length;
    // compromise includes trailing punctuation and spaces in its offsets; trim only those.
    while (end > start && /[\s.,;:!?"')]/u.test(text[end - 1]!)) end--;
    if (end <= start || out.some((t) => t.start < end && start < t.end)) return;
    out.push({ start, end, text: text.slice(start, end), type, value });
  };
  // compromise-dates throws on some phrases ("third-quarter loss"); guard per paragraph so one bad
  // phrase costs one paragraph, not the document.
  const paragraphs = [...text.matchAll(/[^\n]+/g)];
  for (const p of paragraphs) {
    const base = p.index;
    try {
      const doc = nlp(p[0]) as unknown as DatesMethods;
      const opts = dct ? { today: dct, timezone: 'UTC' } : { timezone: 'UTC' };
      for (const item of doc.dates(opts).json({ offset: true }) as CompromiseDate[]) {
        push(base + item.offset.start, item.offset.length, 'DATE', compromiseDateValue(item.dates, dct));
      }
      for (const item of doc.durations().json({ offset: true }) as CompromiseDuration[]) {
        push(base + item.offset.start, item.offset.length, 'DURATION', compromiseDurationValue(item.duration));
      }
      for (const item of doc.times().json({ offset: true }) as CompromiseTime[]) {
        const hm = item.time?.['24h'];
        push(base + item.offset.start, item.offset.length, 'TIME', hm && dct ? `${dct}T${hm}` : hm ? `XXXX-XX-XXT${hm}` : 'XXXX-XX-XX');
      }
    } catch {
      continue;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

interface CompromiseDate {
  offset: { start: number; length: number };
  dates?: { start?: string | null; unit?: string };
}
interface CompromiseDuration {
  offset: { start: number; length: number };
  duration?: Record<string, number>;
}
interface CompromiseTime {
  offset: { start: number; length: number };
  time?: Record<string, string | number | null>;
}

function compromiseDateValue(dates: CompromiseDate['dates'], dct: string | null): string {
  const start = dates?.start;
  if (!start) return 'XXXX-XX-XX';
  const date = new Date(start);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const year = dct ? String(y) : 'XXXX';
  switch (dates?.unit) {
    case 'year':
      return year;
    case 'quarter':
      return `${year}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'season':
    case 'month':
      return `${year}-${pad(m)}`;
    case 'week': {
      const local = new Date(y, m - 1, date.getUTCDate(), 12);
      return `${getISOWeekYear(local)}-W${pad(getISOWeek(local))}`;
    }
    default:
      return `${year}-${pad(m)}-${pad(date.getUTCDate())}`;
  }
}

function compromiseDurationValue(duration: CompromiseDuration['duration']): string {
  const d = duration ?? {};
  const units: Array<[string, string, boolean]> = [
    ['years', 'Y', false], ['quarter', 'Q', false], ['months', 'M', false], ['weeks', 'W', false], ['days', 'D', false],
    ['hours', 'H', true], ['hour', 'H', true], ['minutes', 'M', true], ['minute', 'M', true], ['seconds', 'S', true],
  ];
  let date = '';
  let time = '';
  for (const [key, code, isTime] of units) {
    const n = d[key];
    if (typeof n !== 'number' || n === 0) continue;
    if (isTime) time += `${n}${code}`;
    else date += `${n}${code}`;
  }
  if (date === '' && time === '') return 'PXX';
  return `P${date}${time ? `T${time}` : ''}`;
}
