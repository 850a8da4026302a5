import { describe, expect, it } from 'vitest';
import { DATE_RULES, datesConfigSchema } from '../../src/dates/index.js';
import { DATE_BASELINES, runDateBaseline } from '../../src/dates/baselines.js';
import { valueRange, weekdayFrom, makeDate, formatPoint } from '../../src/dates/calendar.js';
import { durationValue } from '../../src/dates/rules/quantities.js';
import { scoreTimexes } from '../../src/eval/dates.js';
import { createDocument } from '../../src/segment/create-document.js';
import { normalizeDates } from '../../src/dates/index.js';

const here = '[dates/rules-and-config] ';

describe(here + 'rules', () => {
  it('every rule id is kebab-case and unique', () => {
    const ids = DATE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
  });
  it('every pattern is global with group indexes', () => {
    for (const r of DATE_RULES) expect(r.pattern.flags, r.id).toMatch(/^(?=.*g)(?=.*d)/u);
  });
});

describe(here + 'config', () => {
  it('parses {} to the documented defaults and rejects unknown keys', () => {
    expect(datesConfigSchema.parse({})).toEqual({ direction: 'tense', anaphoricAnchor: true, decadeStyle: 'timeml', vagueReferences: true });
    expect(() => datesConfigSchema.parse({ unknown: 1 })).toThrow();
  });
});

describe(here + 'calendar', () => {
  it('ranges follow the stated thirds convention for START/MID/END', () => {
    expect(valueRange('2025', 'END')).toEqual({ start: '2025-09-01', end: '2025-12-31' });
    expect(valueRange('2025', 'START')).toEqual({ start: '2025-01-01', end: '2025-04-30' });
    expect(valueRange('2025-12', 'MID')).toEqual({ start: '2025-12-11', end: '2025-12-20' });
    expect(valueRange('2024-02', 'END')).toEqual({ start: '2024-02-21', end: '2024-02-29' });
    expect(valueRange('2025-Q4', null)).toEqual({ start: '2025-10-01', end: '2025-12-31' });
    expect(valueRange('2025-WI', null)).toEqual({ start: '2025-12-01', end: '2026-02-28' });
    expect(valueRange('2026-W03', null)).toEqual({ start: '2026-01-12', end: '2026-01-18' });
    expect(valueRange('2026-W03-WE', null)).toEqual({ start: '2026-01-17', end: '2026-01-18' });
    expect(valueRange('198', null)).toEqual({ start: '1980-01-01', end: '1989-12-31' });
    expect(valueRange('2026-01-14T15:00', null)).toEqual({ start: '2026-01-14', end: '2026-01-14' });
    expect(valueRange('PXM', null)).toBeNull();
    expect(valueRange('XXXX-02-03', null)).toBeNull();
    expect(valueRange('PRESENT_REF', null)).toBeNull();
  });
  it('weekday arithmetic and ISO weeks', () => {
    const wed = makeDate(2026, 1, 14);
    expect(formatPoint({ date: weekdayFrom(wed, 3, 'past'), granularity: 'day' })).toBe('2026-01-14');
    expect(formatPoint({ date: weekdayFrom(wed, 3, 'strict-past'), granularity: 'day' })).toBe('2026-01-07');
    expect(formatPoint({ date: weekdayFrom(wed, 1, 'future'), granularity: 'day' })).toBe('2026-01-19');
    expect(formatPoint({ date: makeDate(1989, 11, 1), granularity: 'week' })).toBe('1989-W44');
    expect(formatPoint({ date: makeDate(2021, 1, 2), granularity: 'week' })).toBe('2020-W53');
  });
  it('duration values', () => {
    expect(durationValue(1, 'hour')).toBe('PT1H');
    expect(durationValue(3, 'month')).toBe('P3M');
    expect(durationValue(3, 'minute')).toBe('PT3M');
    expect(durationValue(2, 'decade')).toBe('P20Y');
    expect(durationValue(2.5, 'year')).toBe('P2Y6M');
    expect(durationValue('X', 'year')).toBe('PXY');
  });
});

describe(here + 'scoring (TempEval-3)', () => {
  it('strict, relaxed, type and value scores on a hand-made case', () => {
    const text = 'On Friday and in late March prices rose for two weeks.';
    const gold = [
      { start: 3, end: 9, text: 'Friday', type: 'DATE', value: '2026-01-09' },
      { start: 17, end: 27, text: 'late March', type: 'DATE', value: '2026-03' },
      { start: 43, end: 52, text: 'two weeks', type: 'DURATION', value: 'P2W' },
    ];
    const predicted = [
      { start: 3, end: 9, text: 'Friday', type: 'DATE', value: '2026-01-09' },
      { start: 22, end: 27, text: 'March', type: 'DATE', value: '2025-03' },
      { start: 38, end: 41, text: 'for', type: 'DURATION', value: 'P1D' },
    ];
    const r = scoreTimexes('x', 'test', [{ id: 'd', dct: '2026-01-14', text, timexes: gold }], new Map([['d', predicted]]));
    expect(r.relaxed).toEqual({ precision: 0.6667, recall: 0.6667, f1: 0.6667 });
    expect(r.strict.f1).toBe(0.3333);
    expect(r.valueAccuracy).toBe(0.5);
    expect(r.valueF1).toBe(0.3333);
    expect(r.typeAccuracy).toBe(1);
  });
});

describe(here + 'baselines', () => {
  it('each package baseline runs and returns string-index spans', () => {
    const text = 'Petro will meet Trump on February 3, the government announced Wednesday.';
    for (const name of DATE_BASELINES) {
      const out = runDateBaseline(name, text, '2026-01-14');
      expect(out.length, name).toBeGreaterThan(0);
      for (const t of out) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});
