import type { EntityType } from '../document/types.js';
import type { Candidate } from './candidates.js';
import { resolveCountry } from './countries.js';
import { getLexicon } from './lexicon.js';
import { nameKey } from './normalize.js';
import type { EntityRuleId } from './rules.js';
import {
  FAC_SUFFIXES,
  GPE_HEADS,
  GPE_SUFFIXES,
  GROUP_WORDS,
  LOC_HEADS,
  LOC_SUFFIXES,
  POLITIES,
  ORG_HEADS,
  ORG_SUFFIXES,
  REGIONS,
} from './vocabulary.js';

/** A type decision for one candidate, before the article-level passes. */
export interface Typing {
  readonly type: EntityType;
  readonly rule: EntityRuleId;
  readonly countryCode: string | null;
  /** Strong decisions come from whole-name data; weak ones from a single clue and may be revised. */
  readonly strength: 'strong' | 'weak';
}

const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower']);

function isKnownPlace(key: string, word: string): boolean {
  const lex = getLexicon();
  const country = resolveCountry(word);
  if (country && country.via !== 'demonym') return true;
  return lex.regions.has(key) || lex.cities.has(key) || lex.places.has(key);
}

const INITIAL = /^\p{Lu}\.?$/u;
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$|^\p{Lu}[\p{Lu}&\d]{1,6}$/u;

/** Types one candidate from its own words and the data; null when nothing decides. */
export function classifyCandidate(candidate: Candidate): Typing | null {
  const lex = getLexicon();
  const { keys, text } = candidate;
  const whole = nameKey(text);
  const first = keys[0]!;
  const lastKey = keys[keys.length - 1]!;
  const strong = (type: EntityType, rule: EntityRuleId, countryCode: string | null = null): Typing => ({ type, rule, countryCode, strength: 'strong' });
  const weak = (type: EntityType, rule: EntityRuleId, countryCode: string | null = null): Typing => ({ type, rule, countryCode, strength: 'weak' });

  if (REGIONS.has(whole) || POLITIES.has(whole)) return strong(POLITIES.has(whole) ? 'GPE' : 'LOC', 'region-list');
  const country = resolveCountry(text);
  if (country) {
    if (country.via === 'demonym') return strong('NORP', 'demonym', country.code);
    if (country.via === 'capital') return strong('GPE', 'capital-city', country.code);
    return strong('GPE', 'country-name', country.code);
  }
  if (GROUP_WORDS.has(whole)) return strong('NORP', 'group-word');
  if (lex.organizations.has(whole)) return strong('ORG', 'org-lexicon');
  if (lex.people.has(whole)) return strong('PERSON', 'person-lexicon');
  if (lex.demonyms.has(whole)) return strong('NORP', 'demonym');

  if (candidate.title && !candidate.inTitleCase && !(keys.length > 1 && (ORG_SUFFIXES.has(lastKey) || lex.orgSuffixes.has(lastKey)) && !lex.firstNames.has(first))) {
    return strong('PERSON', 'title-person');
  }
  // "Jim Press", "Jim Bank": a known first name before a single word is a person, whatever the word.
  if (keys.length === 2 && lex.firstNames.has(first) && !lex.commonWords.has(first) && /^\p{Lu}\p{Ll}+$/u.test(text.split(' ')[1] ?? '')) {
    if (!lex.organizations.has(whole) && !lex.cities.has(whole)) return weak('PERSON', 'first-name');
  }
  if (keys.length > 1) {
    if (keys.includes('of')) {
      if (ORG_HEADS.has(first)) return strong('ORG', 'org-head');
      if (LOC_HEADS.has(first)) return strong('LOC', 'loc-head');
      if (GPE_HEADS.has(first)) return strong('GPE', 'gpe-head');
      // The word before "of" heads the name: "Bulgarian Academy of Sciences", "Liberal Party of Nova Scotia".
      const head = keys[keys.indexOf('of') - 1] ?? '';
      if (ORG_HEADS.has(head) || ORG_SUFFIXES.has(head) || lex.orgSuffixes.has(head)) return strong('ORG', 'org-head');
      if (LOC_SUFFIXES.has(head)) return strong('LOC', 'loc-head');
    }
    if (ORG_SUFFIXES.has(lastKey) || lex.orgSuffixes.has(lastKey)) {
      // "Atlantic City Hospital" is an organization, "Excursion House" a building: the org list wins
      // except for the facility words that are rarely organizations.
      if (!(FAC_SUFFIXES.has(lastKey) && !ORG_SUFFIXES.has(lastKey))) return strong('ORG', 'org-suffix');
    }
    if (LOC_SUFFIXES.has(lastKey)) return strong('LOC', 'loc-suffix');
    if (GPE_SUFFIXES.has(lastKey)) return strong('GPE', 'gpe-suffix');
    if (FAC_SUFFIXES.has(lastKey)) return strong('FAC', 'fac-suffix');
  }
  if (lex.cities.has(whole) || lex.regions.has(whole)) return weak('GPE', 'place-lexicon');
  // "West Jersey", "East Texas", "Northern California": a compass word before a known place is a part of it.
  if (keys.length === 2 && COMPASS.has(first) && isKnownPlace(keys[1]!, text.split(/\s+/u)[1] ?? '')) return weak('LOC', 'place-lexicon');
  if (lex.places.has(whole)) return weak('GPE', 'place-lexicon');
  const city = lex.worldCities.get(whole);
  // Large cities only, and not when the name is also a person's name ("Orlando", "Lincoln").
  if (city && city[1] >= 100_000 && !lex.firstNames.has(first) && !(keys.length === 1 && lex.lastNames.has(first))) return weak('GPE', 'world-city', city[0]);

  if (keys.length === 1 && ACRONYM.test(text)) return weak('ORG', 'acronym');
  if (keys.length === 1 && lex.companyWords.has(first) && !lex.lastNames.has(first)) return weak('ORG', 'company-word');

  const words = text.split(/\s+/u);
  if (keys.length >= 2 && keys.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w))) {
    const middleInitial = words.slice(1, -1).some((w) => INITIAL.test(w)) && !INITIAL.test(words[words.length - 1]!);
    if (middleInitial) return strong('PERSON', 'initial-pattern');
    if (lex.firstNames.has(first) && !lex.commonWords.has(lastKey)) return weak('PERSON', 'first-name');
    if (lex.lastNames.has(lastKey) && !lex.commonWords.has(first)) return weak('PERSON', 'last-name');
  }
  if (keys.length === 1 && lex.firstNames.has(first) && !lex.commonWords.has(first)) return weak('PERSON', 'first-name');
  if (keys.length === 1 && lex.lastNames.has(first) && !lex.commonWords.has(first)) return weak('PERSON', 'last-name');
  return null;
}
