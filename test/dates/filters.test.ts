import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATE_FILTERS, datesConfigSchema, explainDates, normalizeDates } from '../../src/dates/index.js';
import { createDocument } from '../../src/segment/create-document.js';
import { corpusBody } from './helpers.js';

const here = '[dates/filters] ';
const config = datesConfigSchema.parse({});
const explain = (text: string, dct: string | null = '1998-03-05') => explainDates(createDocument({ id: 'test', text, dct }), config);
const dropped = (text: string): string[] => explain(text).dropped.map((d) => `${d.text} | ${d.rule} | ${d.filter}`);

describe(here + 'ids', () => {
  it('every filter id is kebab-case and says what it checks', () => {
    for (const [id, what] of Object.entries(DATE_FILTERS)) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
      expect(what.length, id).toBeGreaterThan(10);
    }
  });
  it('every id in the catalogue is used by a rule or the stage, so none is stale', () => {
    const dir = new URL('../../src/dates/', import.meta.url);
    const source = [...readdirSync(new URL('rules/', dir)).filter((f) => f.endsWith('.ts') && f !== 'filters.ts').map((f) => readFileSync(new URL(`rules/${f}`, dir), 'utf8')), readFileSync(new URL('index.ts', dir), 'utf8')].join('\n');
    const unused = Object.keys(DATE_FILTERS).filter((id) => !source.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });
});

describe(here + 'each dropped candidate names its rule and filter', () => {
  it.each([
    ['About 2000 soldiers crossed the border.', ['2000 | date-year | counts-things']],
    ['August Wilson wrote plays.', ['August | date-month | part-of-name']],
    ['This is VOA Today.', ['Today | date-deictic-day | capitalized-title']],
    ['He lives at 1600 Pennsylvania Avenue.', ['1600 | date-year | street-address']],
    ['He won a second term.', ['a second | duration-quantity | ordinal-second']],
    ['It may rain, and they may march.', ['may | date-month | month-lowercase', 'may | date-month | month-lowercase', 'march | date-month | month-lowercase']],
  ])('%s', (text, expected) => {
    expect(explain(text).timexes).toEqual([]);
    expect(dropped(text)).toEqual(expected);
  });
  it('a span inside a longer one is dropped by the overlap refiner, and a date without a value by the resolver', () => {
    expect(dropped('The talks on Friday, March 6 ended.')).toContain('Friday | date-weekday | overlaps-longer-span');
    expect(dropped('Prices rose on February 29.')).toContain('February 29 | date-month-day | no-value');
  });
});

describe(here + 'explaining changes nothing', () => {
  it('gives exactly the timexes of normalizeDates on the seed article, with and without a DCT', () => {
    const text = corpusBody(new URL('../../corpus/us-colombia-relations.md', import.meta.url));
    for (const dct of ['2026-01-14', null]) {
      const doc = createDocument({ id: 'seed', text, dct });
      const explained = explainDates(doc, config);
      expect(explained.timexes).toEqual(normalizeDates(doc, config).timexes);
      for (const d of explained.dropped) expect(text.slice(d.start, d.end)).toBe(d.text);
    }
  });
});
