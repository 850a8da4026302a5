import leadersData from './data/leaders.json' with { type: 'json' };
import { alpha2Of } from './countries.js';
import { nameKey } from './normalize.js';

/**
 * The office-holders table (data/leaders.json, built by tools/entities/build-leaders.ts from Phoenix
 * and a hand-written addendum): which country a head of state or government, a foreign or defence
 * minister, or a seat of government ("the Kremlin") stands for, on a given date.
 */

interface Term {
  readonly country: string;
  readonly from: string | null;
  readonly to: string | null;
}

interface LeaderIndex {
  /** Full-name keys ("gustavo petro", "alvaro uribe") -> terms. */
  readonly byName: ReadonlyMap<string, readonly Term[]>;
  /** Surname keys ("petro", "uribe", "xi") -> terms of everyone with that surname. */
  readonly bySurname: ReadonlyMap<string, readonly Term[]>;
  readonly institutions: ReadonlyMap<string, string>;
}

/** Countries whose names carry two surnames, the first one used alone: "Álvaro Uribe Vélez" is "Uribe". */
const TWO_SURNAMES = new Set(['ARG', 'BOL', 'CHL', 'COL', 'CRI', 'CUB', 'DOM', 'ECU', 'ESP', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'PER', 'PRY', 'SLV', 'URY', 'VEN']);
/** Countries whose family name comes first: "Xi Jinping" is "Xi", "Moon Jae in" is "Moon". */
const FAMILY_NAME_FIRST = new Set(['CHN', 'TWN', 'KOR', 'PRK', 'HKG', 'MAC']);
/** Name suffixes that are not a surname. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

let index: LeaderIndex | undefined;

function push(map: Map<string, Term[]>, key: string, terms: readonly Term[]): void {
  const list = map.get(key);
  if (list) list.push(...terms);
  else map.set(key, [...terms]);
}

/** Built once, on first use: every lookup after that is one Map get per key tried. */
function buildIndex(): LeaderIndex {
  const byName = new Map<string, Term[]>();
  const bySurname = new Map<string, Term[]>();
  for (const person of leadersData.people) {
    const country = alpha2Of(person.country);
    if (!country) continue;
    const terms: Term[] = person.terms.map((t) => ({ country, from: t[1] ?? null, to: t[2] ?? null }));
    const fullKeys = new Set<string>();
    const surnames = new Set<string>();
    for (const name of person.names) {
      const words = name.split(' ').filter((w) => !SUFFIXES.has(w));
      if (words.length === 0) continue;
      if (words.length === 1) {
        surnames.add(words[0]!);
        continue;
      }
      fullKeys.add(words.join(' '));
      // "George W. Bush" is also "George Bush"; "Alvaro Uribe Velez" also "Alvaro Uribe".
      fullKeys.add(`${words[0]} ${words[words.length - 1]}`);
      if (FAMILY_NAME_FIRST.has(person.country)) surnames.add(words[0]!);
      else surnames.add(words[words.length - 1]!);
      if (words.length >= 3 && TWO_SURNAMES.has(person.country)) {
        fullKeys.add(`${words[0]} ${words[words.length - 2]}`);
        surnames.add(words[words.length - 2]!);
      }
    }
    for (const k of fullKeys) push(byName, k, terms);
    // Initials and particles ("s", "al", "de") are no surname; Chinese and Korean ones may have two letters ("Xi", "Li").
    const shortest = FAMILY_NAME_FIRST.has(person.country) ? 2 : 3;
    for (const s of surnames) if (s.length >= shortest) push(bySurname, s, terms);
  }
  const institutions = new Map<string, string>();
  for (const i of leadersData.institutions) {
    const country = alpha2Of(i.country);
    if (country) institutions.set(i.name, country);
  }
  return { byName, bySurname, institutions };
}

/** The one country of the terms valid on `date` (all of them when there is no date), or null if none or several. */
function countryOn(terms: readonly Term[] | undefined, date: string | null): string | null {
  if (!terms) return null;
  let found: string | null = null;
  for (const t of terms) {
    if (date !== null && ((t.from !== null && date < t.from) || (t.to !== null && date > t.to))) continue;
    if (found !== null && found !== t.country) return null;
    found = t.country;
  }
  return found;
}

/**
 * The ISO alpha-2 country of a person named `name` ("Donald Trump", "Petro") in office on `date`
 * (YYYY-MM-DD; null: any date). A full name matches its own rows; a single word matches by surname.
 * Several people valid on that date resolve only when they all hold office in one country ("Castro"
 * in 2007 is CU either way); otherwise, and for unknown names, null.
 */
export function leaderCountry(name: string, date: string | null): string | null {
  index ??= buildIndex();
  const key = nameKey(name);
  if (key === '') return null;
  if (!key.includes(' ')) return countryOn(index.bySurname.get(key), date);
  return countryOn(index.byName.get(key), date);
}

/** The country a seat of government stands for: "the Kremlin" -> RU, "Downing Street" -> GB; else null. */
export function institutionCountry(name: string): string | null {
  index ??= buildIndex();
  return index.institutions.get(nameKey(name.replace(/^the\s+/iu, ''))) ?? null;
}
