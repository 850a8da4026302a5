import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/segment/create-document.js';
import { entitiesConfigSchema, extractEntities, institutionCountry, leaderCountry } from '../../src/entities/index.js';
import { analyze } from '../tension/helpers.js';

const here = '[entities/leaders] ';
const config = entitiesConfigSchema.parse({});

/** "canonical/TYPE/CC" of every entity of the text on that publication date. */
function summaryOf(text: string, dct: string | null): string[] {
  const doc = extractEntities(createDocument({ id: 'leaders', text, dct }), config);
  return doc.entitySummary.map((s) => `${s.canonical}/${s.type}/${s.countryCode ?? '-'}`);
}

describe('[entities] countries of people and seats of government from the office-holders table', () => {
  it('"Trump" in a 2026 article is the US president', () => {
    const text = 'Trump threatened Colombia with new tariffs on Monday.';
    expect(summaryOf(text, '2026-01-14'), here + text).toContain('Trump/PERSON/US');
    const t = analyze(text, {}, '2026-01-14').sentences[0]!.tension!;
    expect([t.source?.countryCode, t.target?.countryCode]).toEqual(['US', 'CO']);
  });
  it('"Biden" in a 2023 article is US; in 2005 he held none of the tabled offices', () => {
    const text = 'Biden met Xi in San Francisco on Wednesday.';
    expect(summaryOf(text, '2023-11-15'), here + text).toEqual(expect.arrayContaining(['Biden/PERSON/US', 'Xi/PERSON/CN']));
    expect(summaryOf(text, '2005-11-15').filter((e) => e.startsWith('Biden/')).every((e) => !e.endsWith('/US'))).toBe(true);
  });
  it('"the Kremlin said" acts for Russia', () => {
    const text = 'The Kremlin said it would impose sanctions on Ukraine.';
    expect(summaryOf(text, '2024-03-01'), here + text).toContain('Kremlin/FAC/RU');
    const t = analyze(text, {}, '2024-03-01').sentences[0]!.tension!;
    expect([t.source?.text, t.source?.countryCode, t.target?.countryCode]).toEqual(['Kremlin', 'RU', 'UA']);
  });
  it('a surname held by two leaders of different countries on that date stays unresolved; the full name resolves', () => {
    // In 2012 Juan Manuel Santos was Colombia's president and José Eduardo dos Santos Angola's.
    expect(leaderCountry('Santos', '2012-06-01')).toBeNull();
    expect(leaderCountry('Juan Manuel Santos', '2012-06-01')).toBe('CO');
    const text = 'Santos said the talks would resume in Havana.';
    expect(summaryOf(text, '2012-06-01').some((e) => e.startsWith('Santos/') && !e.endsWith('/-')), here + text).toBe(false);
  });
  it('what the text says beats the table', () => {
    // The table knows a Mark Carney who leads Canada from 2025-03-14; this article says he is Irish.
    const text = 'Irish Ambassador Mark Carney met the delegation in Dublin.';
    expect(leaderCountry('Mark Carney', '2025-06-01')).toBe('CA');
    expect(summaryOf(text, '2025-06-01'), here + text).toContain('Mark Carney/PERSON/IE');
  });
  it('the article date picks the term', () => {
    expect(leaderCountry('Petro', '2023-02-01')).toBe('CO');
    expect(leaderCountry('Petro', '2019-02-01')).toBe(null);
    expect(leaderCountry('Starmer', '2024-07-05')).toBe('GB');
    expect(leaderCountry('Starmer', '2024-07-04')).toBe(null);
    expect(institutionCountry('Downing Street')).toBe('GB');
    expect(institutionCountry('the Élysée')).toBe('FR');
  });
});

describe('[entities] the office-holders table file', () => {
  const table = JSON.parse(readFileSync(new URL('../../src/entities/data/leaders.json', import.meta.url), 'utf8')) as {
    attribution: string;
    people: Array<{ names: string[]; country: string; source: string; terms: Array<[string, string | null, string | null]> }>;
    institutions: Array<{ name: string; country: string; source: string }>;
  };
  it('names the dictionary it selects from and cites a source on every row', () => {
    expect(table.attribution).toMatch(/Phoenix\.Countries\.actors\.txt.*@676801c.*MIT/u);
    const sources = [...table.people, ...table.institutions].map((r) => r.source);
    expect(sources.filter((s) => s !== 'phoenix' && !/^addendum: \S/u.test(s))).toEqual([]);
    expect(table.people.some((p) => p.source === 'phoenix')).toBe(true);
  });
  it('has well-formed terms: ISO dates, start before end', () => {
    const bad = table.people.flatMap((p) => p.terms.filter(([, from, to]) => (from !== null && !/^\d{4}-\d{2}-\d{2}$/u.test(from)) || (to !== null && !/^\d{4}-\d{2}-\d{2}$/u.test(to)) || (from !== null && to !== null && from > to)).map((t) => `${p.names[0]} ${t.join(' ')}`));
    expect(bad).toEqual([]);
  });
});
