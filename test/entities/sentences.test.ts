import { describe, expect, it } from 'vitest';
import { entitiesOf, labels } from './helpers.js';

const here = '[entities/sentences] ';

describe('[entities] behaviour on real sentences', () => {
  const cases: Array<[string, string[]]> = [
    ['Colombian President Gustavo Petro will meet U.S. President Donald Trump at the White House.', ['Colombian/NORP', 'Gustavo Petro/PERSON', 'U.S./GPE', 'Donald Trump/PERSON', 'White House/FAC']],
    ['Petro condemned the capture of former President Nicolás Maduro, calling it a violation of Latin America\'s sovereignty.', ['Petro/PERSON', 'Nicolás Maduro/PERSON', 'Latin America/LOC']],
    ['Relations between Bogota and Washington have been strained since late 2025.', ['Bogota/GPE', 'Washington/GPE']],
    ['The Trump administration imposed sanctions on Petro.', ['Trump administration/ORG', 'Petro/PERSON']],
    ['Northrop Grumman has defeated Boeing for a contract to supply the United States Air Force (USAF).', ['Northrop Grumman/ORG', 'Boeing/ORG', 'United States Air Force/ORG', 'USAF/ORG']],
    ['German Chancellor Angela Merkel met officials of the European Central Bank in Frankfurt.', ['German/NORP', 'Angela Merkel/PERSON', 'European Central Bank/ORG', 'Frankfurt/GPE']],
    ['The ship sank in the Atlantic Ocean near the Gulf of Mexico.', ['Atlantic Ocean/LOC', 'Gulf of Mexico/LOC']],
  ];
  it.each(cases)(`${here}%s`, (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it(`${here}records the title and keeps it out of the span`, () => {
    const { entities } = entitiesOf('Foreign Minister Sergei Lavrov said Moscow would respond.');
    const lavrov = entities.find((e) => e.text === 'Sergei Lavrov');
    expect(lavrov?.title).toBe('Foreign Minister');
  });

  it(`${here}keeps a possessive out of the span`, () => {
    expect(labels("Ecuador's president spoke.")).toEqual(['Ecuador/GPE']);
  });

  it(`${here}keeps a word whole where wink splits it at a letter outside its alphabet (ş, Š, Ł, ź)`, () => {
    expect(labels('Prodan debuted in Divizia A with Steaua Bucureşti in 1992.').map((l) => l.split('/')[0])).toContain('Steaua Bucureşti');
    expect(labels('He was born in Łódź and studied in Kraków.')).toEqual(['Łódź/GPE', 'Kraków/GPE']);
    expect(labels('Ervenik is a village in Šibenik-Knin County, Croatia.').map((l) => l.split('/')[0])).toContain('Šibenik-Knin County');
  });

  it(`${here}takes a role noun that is also an ordinary word as a title only before a person-like name`, () => {
    const { entities } = entitiesOf('The tour played at Spirit Store in Dundalk and at Pawn Shop in Miami, said Engineer John Greiner.');
    expect(entities.map((e) => e.text)).toEqual(expect.arrayContaining(['Spirit Store', 'Pawn Shop', 'John Greiner']));
    expect(entities.find((e) => e.text === 'John Greiner')?.title).toBe('Engineer');
  });

  it(`${here}keeps both names where a split leaves a connector at a name's edge, and splits a titled person from "of"`, () => {
    const names = (text: string): string[] => entitiesOf(text).entities.map((e) => e.text);
    expect(names('Gaudin is a pitcher for the Oakland Athletics of Major League Baseball.')).toEqual(expect.arrayContaining(['Oakland Athletics', 'Major League Baseball']));
    expect(names('The chair is Dr Sue Black of the University of Westminster.')).toEqual(['Sue Black', 'University of Westminster']);
  });

  it(`${here}takes an ordinary word opening a sentence into the organization name after it`, () => {
    const names = entitiesOf('Distance Records is a French dance music record label. Yesterday Apple Inc. said it would sell more.').entities.map((e) => e.text);
    expect(names).toContain('Distance Records');
    expect(names.filter((n) => n.includes('Yesterday'))).toEqual([]);
  });

  it(`${here}gives capitals standing for governments their country code`, () => {
    const { summary } = entitiesOf('Talks between Bogotá and Washington resumed.');
    expect(summary.map((s) => `${s.canonical}:${s.countryCode}`)).toEqual(['Bogotá:CO', 'Washington:US']);
  });

  it(`${here}links an acronym to its expansion`, () => {
    const { entities } = entitiesOf('The United States Air Force (USAF) ordered tankers. The USAF said the order was final.');
    const ids = new Set(entities.filter((e) => e.type === 'ORG').map((e) => e.entityId));
    expect(ids.size).toBe(1);
  });

  it(`${here}works without the classifier (rules only)`, () => {
    expect(labels('Colombian President Gustavo Petro visited Venezuela.', { model: false })).toEqual(['Colombian/NORP', 'Gustavo Petro/PERSON', 'Venezuela/GPE']);
  });
});

describe('[entities] a coordinated list is decided jointly', () => {
  it(`${here}a list member left unnamed on its own takes the type the list favours`, () => {
    // Alone, "Pearl" is not named; beside two bars it is one.
    expect(labels('The night moved to Pearl.')).toEqual([]);
    expect(labels('The night moved between Shadow Lounge, Bar Room and Pearl.')).toContain('Pearl/ORG');
    // "the" may open each member.
    expect(labels('He signed with the Orlando Magic, the Miami Heat and the Rays.')).toEqual(['Orlando Magic/ORG', 'Miami Heat/ORG', 'Rays/ORG']);
  });

  it(`${here}a list of products does not become organizations`, () => {
    expect(labels('The company sold the Walkman, Discman, Trinitron and PlayStation.').filter((l) => l.endsWith('/ORG'))).toEqual([]);
  });
});
