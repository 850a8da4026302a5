import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { nameKey } from './normalize.js';

/** What a country name, alias, demonym or capital resolves to. */
export interface CountryMatch {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  /** The country's common English name ("United States"). */
  readonly name: string;
  /** How the text names the country: GPE names and capitals, NORP demonyms. */
  readonly via: 'name' | 'alias' | 'demonym' | 'capital';
}

/**
 * Short codes in world-countries' `altSpellings` collide with English words ("IN", "IT", "TO", "ME"),
 * so only these, which news really uses for countries, are accepted.
 */
const SHORT_ALIASES = new Set(['us', 'usa', 'uk', 'uae', 'drc', 'prc', 'rok', 'dprk', 'roc']);

/** English names in news use that world-countries does not list (its data are ISO/official names). */
const EXTRA_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['america', 'US'],
  ['britain', 'GB'],
  ['england', 'GB'],
  ['scotland', 'GB'],
  ['wales', 'GB'],
  ['north korea', 'KP'],
  ['south korea', 'KR'],
  ['holland', 'NL'],
  ['burma', 'MM'],
  ['ivory coast', 'CI'],
  ['czech republic', 'CZ'],
  ['the netherlands', 'NL'],
  ['congo', 'CD'],
];
const EXTRA_DEMONYMS: ReadonlyArray<readonly [string, string]> = [
  ['english', 'GB'],
  ['scottish', 'GB'],
  ['welsh', 'GB'],
  ['scots', 'GB'],
  ['brits', 'GB'],
  ['north korean', 'KP'],
  ['south korean', 'KR'],
  ['korean', 'KR'],
  ['iranian', 'IR'],
  ['saudi', 'SA'],
  ['emirati', 'AE'],
  ['israeli', 'IL'],
  ['palestinian', 'PS'],
];

interface Index {
  readonly byKey: Map<string, CountryMatch>;
  readonly nameByCode: Map<string, string>;
}

let index: Index | undefined;

// world-countries ships CommonJS whose typings declare an ES default export; require() gives the array itself.
const countries = createRequire(import.meta.url)('world-countries') as readonly Country[];

function buildIndex(): Index {
  const byKey = new Map<string, CountryMatch>();
  const nameByCode = new Map<string, string>();
  // Earlier entries win, so names are added before the weaker alias, demonym and capital readings.
  const add = (alias: string, code: string, via: CountryMatch['via']): void => {
    const key = nameKey(alias);
    if (key.length < 2 || byKey.has(key)) return;
    byKey.set(key, { code, name: nameByCode.get(code) ?? code, via });
  };
  // Sovereign states first: "Georgia" or "Congo" should not resolve to a territory of the same name.
  const ordered = [...countries].sort((a, b) => Number(b.independent ?? false) - Number(a.independent ?? false));
  for (const c of ordered) nameByCode.set(c.cca2, c.name.common);
  for (const c of ordered) add(c.name.common, c.cca2, 'name');
  for (const c of ordered) add(c.name.official, c.cca2, 'name');
  for (const [alias, code] of EXTRA_ALIASES) add(alias, code, 'alias');
  for (const c of ordered) {
    for (const alias of c.altSpellings) {
      const key = nameKey(alias);
      if (key.length <= 4 && !SHORT_ALIASES.has(key)) continue;
      add(alias, c.cca2, 'alias');
    }
  }
  for (const c of ordered) {
    const eng = c.demonyms?.['eng'];
    if (!eng) continue;
    for (const d of new Set([eng.m, eng.f])) {
      if (!d) continue;
      add(d, c.cca2, 'demonym');
      // Plural demonyms name the people: "Colombians", "Americans" (not "Swisss", "Chinese"s).
      if (!/(s|sh|ch|ese)$/u.test(d)) add(`${d}s`, c.cca2, 'demonym');
    }
  }
  for (const [d, code] of EXTRA_DEMONYMS) {
    add(d, code, 'demonym');
    if (!/(s|sh|ch|ese)$/u.test(d)) add(`${d}s`, code, 'demonym');
  }
  for (const c of ordered) {
    for (const capital of c.capital) {
      add(capital, c.cca2, 'capital');
      // "Washington D.C." is written "Washington" in running text.
      const bare = capital.replace(/\s*,?\s*D\.?\s*C\.?$/u, '');
      if (bare !== capital) add(bare, c.cca2, 'capital');
    }
  }
  return { byKey, nameByCode };
}

/**
 * Resolves a country name, alias, demonym or capital to its ISO 3166-1 alpha-2 code.
 * "U.S.", "US", "United States", "America" -> US; "Colombian" -> CO; "Bogota" and "Bogotá" -> CO.
 * Returns null for anything else (including ambiguous two-letter codes such as "IN").
 */
export function resolveCountry(text: string): CountryMatch | null {
  index ??= buildIndex();
  const key = nameKey(text.replace(/^the\s+/iu, ''));
  return index.byKey.get(key) ?? null;
}

/** The common English name for an ISO alpha-2 code. */
export function countryName(code: string): string | null {
  index ??= buildIndex();
  return index.nameByCode.get(code) ?? null;
}

let alpha3ByCode: Map<string, string> | undefined;

/** The ISO 3166-1 alpha-3 code for an alpha-2 code ("US" -> "USA"), or null for an unknown one. */
export function alpha3Of(code: string): string | null {
  alpha3ByCode ??= new Map(countries.map((c) => [c.cca2, c.cca3]));
  return alpha3ByCode.get(code) ?? null;
}

let alpha2ByAlpha3: Map<string, string> | undefined;

/** The ISO 3166-1 alpha-2 code for an alpha-3 code ("RUS" -> "RU"), or null for an unknown one. */
export function alpha2Of(alpha3: string): string | null {
  alpha2ByAlpha3 ??= new Map(countries.map((c) => [c.cca3, c.cca2]));
  return alpha2ByAlpha3.get(alpha3) ?? null;
}
