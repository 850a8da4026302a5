import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entitiesOf } from './helpers.js';

const raw = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');
const text = raw.replace(/^---[\s\S]*?---\n/u, '');
const { entities, summary } = entitiesOf(text);
const byCanonical = new Map(summary.map((s) => [s.canonical, s]));

describe('[entities] seed article us-colombia-relations', () => {
  // Country codes of people and of the White House come from the text ("Colombian President Gustavo Petro")
  // and the office-holders table (src/entities/data/leaders.json).
  it('finds exactly the expected entities', () => {
    const found = summary.map((s) => `${s.canonical}/${s.type}/${s.countryCode ?? '-'}`).sort();
    expect(found).toEqual(
      [
        'Gustavo Petro/PERSON/CO',
        'Donald Trump/PERSON/US',
        'Nicolás Maduro/PERSON/VE',
        'Colombia/GPE/CO',
        'Colombian/NORP/CO',
        'United States/GPE/US',
        'Venezuela/GPE/VE',
        'Bogotá/GPE/CO',
        'Washington/GPE/US',
        'Latin America/LOC/-',
        'White House/FAC/US',
        'Trump administration/ORG/US',
      ].sort(),
    );
  });

  it('keeps titles out of person spans and records them', () => {
    const titled = entities.filter((e) => e.title).map((e) => `${e.text}: ${e.title}`);
    expect(titled).toEqual(['Gustavo Petro: President', 'Donald Trump: President', 'Nicolás Maduro: former President']);
  });

  it('links short forms and spellings to one canonical entity', () => {
    expect(byCanonical.get('Gustavo Petro')!.mentions).toBe(entities.filter((e) => e.text === 'Petro' || e.text === 'Gustavo Petro').length);
    const bogota = entities.filter((e) => ['BOGOTÁ', 'Bogota', 'Bogotá'].includes(e.text));
    expect(new Set(bogota.map((e) => e.entityId)).size).toBe(1);
    const us = entities.filter((e) => ['U.S.', 'US', 'United States'].includes(e.text));
    expect(new Set(us.map((e) => e.entityId))).toEqual(new Set([byCanonical.get('United States')!.entityId]));
  });

  it('does not turn headline words into entities', () => {
    const headline = entities.filter((e) => e.end <= 74).map((e) => e.text);
    expect(headline).toEqual(['Petro', 'Donald Trump', 'White House', 'US', 'Colombia']);
  });

  it('never includes a possessive or trailing punctuation', () => {
    for (const e of entities.filter((m) => m.text !== 'U.S.')) expect(e.text).not.toMatch(/(?:['’]s|[.,;:!?])$/u);
  });
});
