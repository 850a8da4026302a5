import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import placesData from './data/places.json' with { type: 'json' };
import { nameKey } from './normalize.js';
import { compromiseLexicon } from './compromise-lexicon.js';

/**
 * Word lists taken from maintained packages rather than typed here: compromise's lexicon (read from its
 * extract in data/compromise-lexicon.json, see compromise-lexicon.ts: first and
 * last names, cities, regions, countries, organizations, sports teams, demonyms, job titles, common
 * words) and its organization and place suffix words. Small closed classes that no package lists
 * (function words, title words, natural-feature suffixes) are kept in `vocabulary.ts`.
 */
export interface Lexicon {
  /** Lower-case single words compromise knows as first names. */
  readonly firstNames: ReadonlySet<string>;
  readonly lastNames: ReadonlySet<string>;
  /** Multi-word keys (nameKey) of cities, regions, countries and other places. */
  readonly cities: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
  readonly organizations: ReadonlySet<string>;
  readonly people: ReadonlySet<string>;
  readonly demonyms: ReadonlySet<string>;
  /** Job and role nouns ("analyst", "spokesman"): kept out of name spans as titles. */
  readonly roles: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
  readonly orgSuffixes: ReadonlySet<string>;
  readonly placeSuffixes: ReadonlySet<string>;
  /** Words of company names (@cspell/dict-companies), lower case, without common English words. */
  readonly companyWords: ReadonlySet<string>;
  /** GeoNames cities of 15,000+ people (data/places.json): key -> [ISO country, population]. */
  readonly worldCities: ReadonlyMap<string, readonly [string, number]>;
  /** Every lower-case word compromise tags as an ordinary word (verb, adjective, noun, ...). */
  readonly commonWords: ReadonlySet<string>;
}

let lexicon: Lexicon | undefined;

/** wink-lexicon: ~13k common English words (WordNet-derived, no proper nouns) with Penn tags. */
const require = createRequire(import.meta.url);
const winkWords = (): Record<string, unknown> => require('wink-lexicon/src/lexicon.js') as Record<string, unknown>;

const NAME_TAGS = /Name|City|Country|Region|Place|Organization|SportsTeam|Person|Demonym|ProperNoun/u;

export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const model = compromiseLexicon();
  const sets = {
    firstNames: new Set<string>(),
    lastNames: new Set<string>(),
    cities: new Set<string>(),
    regions: new Set<string>(),
    places: new Set<string>(),
    organizations: new Set<string>(),
    people: new Set<string>(),
    demonyms: new Set<string>(),
    roles: new Set<string>(),
    honorifics: new Set<string>(),
    commonWords: new Set<string>(),
  };
  for (const [word, raw] of Object.entries(model.lexicon)) {
    const tags = Array.isArray(raw) ? raw : [raw];
    const key = nameKey(word);
    const has = (t: string): boolean => tags.includes(t);
    if (has('FemaleName') || has('MaleName') || has('FirstName')) sets.firstNames.add(key);
    if (has('LastName')) sets.lastNames.add(key);
    if (has('City')) sets.cities.add(key);
    if (has('Region')) sets.regions.add(key);
    if (has('Place') || has('Country')) sets.places.add(key);
    if (has('Organization') || has('SportsTeam')) sets.organizations.add(key);
    if (has('Person')) sets.people.add(key);
    if (has('Demonym')) sets.demonyms.add(key);
    if (has('Actor')) sets.roles.add(key);
    if (has('Honorific')) sets.honorifics.add(key);
    if (!tags.some((t) => NAME_TAGS.test(t)) && !key.includes(' ')) sets.commonWords.add(key);
  }
  for (const word of Object.keys(winkWords())) sets.commonWords.add(word);
  const places = placesData as unknown as { cities: Record<string, [string, number]> };
  const worldCities = new Map<string, readonly [string, number]>();
  for (const [name, value] of Object.entries(places.cities)) {
    const key = nameKey(name);
    const seen = worldCities.get(key);
    if (!seen || seen[1] < value[1]) worldCities.set(key, value);
  }
  const companyWords = new Set<string>();
  // The package exports only its cspell config; the word list sits beside it.
  const companiesText = readFileSync(join(dirname(require.resolve('@cspell/dict-companies/cspell-ext.json')), 'dict', 'companies.txt'), 'utf8');
  for (const line of companiesText.split('\n')) {
    const word = line.trim();
    if (word === '' || word.startsWith('#') || word.length < 3) continue;
    const key = nameKey(word);
    if (!sets.commonWords.has(key) && !sets.firstNames.has(key) && !worldCities.has(key)) companyWords.add(key);
  }
  lexicon = {
    ...sets,
    companyWords,
    worldCities,
    orgSuffixes: new Set(model.orgWords),
    placeSuffixes: new Set(model.placeWords),
  };
  return lexicon;
}
