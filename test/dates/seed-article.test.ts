import { describe, expect, it } from 'vitest';
import { datesConfigSchema, normalizeDates } from '../../src/dates/index.js';
import { createDocument } from '../../src/segment/create-document.js';
import { corpusBody, render, timexesOf } from './helpers.js';

process.env.TZ = 'America/Bogota';

const here = '[dates/seed-article] ';
/** A copy of corpus/us-colombia-relations.md, so an edit to the corpus does not move this golden test. */
const text = corpusBody(new URL('./fixtures/us-colombia-relations.md', import.meta.url));

/** The seed expectations: publication date 2026-01-14 (a Wednesday). */
const onDct = [
  'February 3 | DATE 2026-02-03',
  'Wednesday | DATE 2026-01-14',
  'months | DURATION PXM',
  'late December | DATE 2025-12 END',
  'over an hour | DURATION PT1H MORE_THAN',
  'late 2025 | DATE 2025 END',
  'recent months | DURATION PXM',
  'upcoming February | DATE 2026-02',
  'decades | DURATION PXY',
];

describe(here + 'golden: us-colombia-relations', () => {
  it('finds and normalizes every expression against 2026-01-14', () => {
    const timexes = timexesOf(text, '2026-01-14');
    expect(timexes.map(render)).toEqual(onDct);
    for (const t of timexes) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('records the anchor and the day ranges', () => {
    const byText = new Map(timexesOf(text, '2026-01-14').map((t) => [t.text, t]));
    expect(byText.get('Wednesday')).toMatchObject({ anchor: 'dct', rangeStart: '2026-01-14', rangeEnd: '2026-01-14', rule: 'date-weekday' });
    expect(byText.get('late 2025')).toMatchObject({ anchor: 'none', rangeStart: '2025-09-01', rangeEnd: '2025-12-31' });
    expect(byText.get('late December')).toMatchObject({ rangeStart: '2025-12-21', rangeEnd: '2025-12-31' });
    expect(byText.get('over an hour')).toMatchObject({ rangeStart: null, rangeEnd: null });
  });

  it('published a day later (2026-01-15), "announced Wednesday" is still 2026-01-14', () => {
    const timexes = timexesOf(text, '2026-01-15');
    expect(timexes.map(render)).toEqual(onDct);
  });

  it('without a publication date, relative parts stay underspecified and a diagnostic says why', () => {
    const timexes = timexesOf(text, null);
    expect(timexes.map(render)).toEqual([
      'February 3 | DATE XXXX-02-03',
      'Wednesday | DATE XXXX-WXX-3',
      'months | DURATION PXM',
      'late December | DATE XXXX-12 END',
      'over an hour | DURATION PT1H MORE_THAN',
      'late 2025 | DATE 2025 END',
      'recent months | DURATION PXM',
      'upcoming February | DATE XXXX-02',
      'decades | DURATION PXY',
    ]);
    expect(timexes.filter((t) => t.value.startsWith('X')).every((t) => t.anchor === 'none' && t.rangeStart === null)).toBe(true);
    const doc = normalizeDates(createDocument({ id: 'seed', text, dct: null }), datesConfigSchema.parse({}));
    expect(doc.diagnostics.map((d) => d.stage)).toContain('dates');
  });
});
