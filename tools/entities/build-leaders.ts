import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alpha2Of } from '../../src/entities/countries.js';
import { nameKey } from '../../src/entities/normalize.js';

/**
 * Builds `src/entities/data/leaders.json`, the office-holders table that gives people and seats of
 * government their country (`npm run build:leaders`). It SELECTS from Phoenix.Countries.actors.txt
 * (openeventdata/petrarch2 @676801c, MIT, read by path from ../shared/lexicons; never copied) the person
 * rows coded GOV (government: heads of state and government and ministers without a sector code, which
 * is where Phoenix puts foreign ministers) or GOVMIL (defence) with a date range, and adds the
 * hand-written `leaders-addendum.json` (office-holders after the dictionary's end, and the United States,
 * which Phoenix leaves out). Every row names its source.
 *
 * Usage: `npx tsx tools/entities/build-leaders.ts [path/to/Phoenix.Countries.actors.txt]`.
 */
const PHOENIX_DEFAULT = fileURLToPath(new URL('../../../shared/lexicons/Phoenix.Countries.actors.txt', import.meta.url));
const ADDENDUM = fileURLToPath(new URL('./leaders-addendum.json', import.meta.url));
const OUT = fileURLToPath(new URL('../../src/entities/data/leaders.json', import.meta.url));
/**
 * The dictionary's generation date: an open-ended Phoenix term (">100901") is only known up to here. A few
 * rows were added later (terms from 2014-02 to 2015-02, e.g. Tsipras from 2015-01-26); an open term that
 * starts after the generation date is known up to the latest date in the file.
 */
const PHOENIX_END = '2014-01-30';
const PHOENIX_LATEST = '2015-02-17';
const openEnd = (from: string): string => (from > PHOENIX_END ? PHOENIX_LATEST : PHOENIX_END);
const SELECTED_SECTORS = new Set(['GOV', 'GOVMIL']);
/** Aliases with a title or a description are left out: the entity layer keeps titles out of names. */
const TITLE_IN_ALIAS = /\b(PRESIDENT|PRIME|MINISTER|CHIEF|PARTY|SECRETARY|GENERAL|KING|QUEEN|PRINCE|LEADER|CHAIRMAN|PREMIER|DR|MR|MRS|GEN|COL|SHEIKH|EMIR|SULTAN|REFORMER|DICTATOR|FORMER|OF)\b/u;

interface Row {
  readonly names: string[];
  readonly country: string;
  readonly role: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly source: string;
}

const iso3 = { has: (code: string): boolean => alpha2Of(code) !== null };
const skipped = { notIso: new Set<string>(), badDate: 0 };

/** "490101" (yymmdd; Phoenix stops in 2015, so 00-20 are 20xx) or "20021115" -> "1949-01-01". */
function phoenixDate(raw: string): string | null {
  let y: number, m: string, d: string;
  if (/^\d{6}$/u.test(raw)) {
    const yy = Number(raw.slice(0, 2));
    y = yy <= 20 ? 2000 + yy : 1900 + yy;
    m = raw.slice(2, 4);
    d = raw.slice(4, 6);
  } else if (/^\d{8}$/u.test(raw)) {
    y = Number(raw.slice(0, 4));
    m = raw.slice(4, 6);
    d = raw.slice(6, 8);
  } else return null;
  if (Number(m) < 1 || Number(m) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  return `${y}-${m}-${d}`;
}

/** "[COLGOV 940807-980807]", "[RUSGOV >080508]", "[X <900101]" -> its parts; a code without dates -> null range. */
function parseCode(line: string): { country: string; sector: string; from: string | null; to: string | null; dated: boolean } | null {
  const m = /^\s+\[([A-Z]{3})([A-Z]*)\s*([<>]?)\s*(\d*)(?:-(\d+))?\s*\]/u.exec(line);
  if (!m) return null;
  const [, country, sector, bound, first, second] = m as unknown as [string, string, string, string, string, string | undefined];
  if (first === '') return { country, sector, from: null, to: null, dated: false };
  const a = phoenixDate(first);
  const b = second !== undefined ? phoenixDate(second) : null;
  if (a === null || (second !== undefined && b === null)) {
    skipped.badDate++;
    return null;
  }
  if (bound === '>') return { country, sector, from: a, to: openEnd(a), dated: true };
  if (bound === '<') return { country, sector, from: null, to: a, dated: true };
  const to = b ?? openEnd(a);
  // A term that ends before it starts ("121207-120802") is a typing error in the source: left out.
  if (to < a) {
    skipped.badDate++;
    return null;
  }
  return { country, sector, from: a, to, dated: true };
}

function phoenixName(raw: string): string | null {
  const name = raw.replace(/#.*$/u, '').trim().replace(/^\+/u, '').replace(/_+$/u, '').replace(/_/gu, ' ').trim();
  if (name === '' || /[,"()\[\]]/u.test(name) || TITLE_IN_ALIAS.test(name)) return null;
  return nameKey(name);
}

function readPhoenix(path: string): Row[] {
  const rows: Row[] = [];
  let names: string[] = [];
  let inCodes = false;
  // A block is a run of name lines ("NAME_", "+ALIAS_") followed by its code lines; a name with its code
  // on the same line ("AFGHANISTAN_  [AFG]") is a country entry, not a person.
  let countryEntry = false;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/u)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (/^\s/u.test(line)) {
      inCodes = true;
      if (countryEntry) continue;
      const code = parseCode(line);
      if (!code || !code.dated || !SELECTED_SECTORS.has(code.sector) || names.length === 0) continue;
      if (!iso3.has(code.country)) {
        skipped.notIso.add(code.country);
        continue;
      }
      rows.push({ names: [...new Set(names)], country: code.country, role: code.sector, from: code.from, to: code.to, source: 'phoenix' });
      continue;
    }
    if (inCodes || /\[[A-Z]{3}\]/u.test(line)) {
      names = [];
      inCodes = false;
      countryEntry = /\[[A-Z]{3}\]/u.test(line);
      if (countryEntry) continue;
    }
    if (countryEntry && line.startsWith('+')) continue;
    countryEntry = false;
    const name = phoenixName(line);
    if (name) names.push(name);
  }
  return rows;
}

interface AddendumPerson {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly country: string;
  readonly role: string;
  readonly from: string;
  readonly to: string | null;
  readonly source: string;
}
interface Addendum {
  readonly people: readonly AddendumPerson[];
  readonly institutions: ReadonlyArray<{ readonly name: string; readonly country: string; readonly source: string }>;
}

const phoenixPath = process.argv[2] ?? PHOENIX_DEFAULT;
const addendum = JSON.parse(readFileSync(ADDENDUM, 'utf8')) as Addendum;
const rows = readPhoenix(phoenixPath);
for (const p of addendum.people) {
  if (!iso3.has(p.country)) throw new Error(`build-leaders: addendum country "${p.country}" of "${p.name}" is not ISO 3166-1 alpha-3`);
  rows.push({ names: [...new Set([p.name, ...p.aliases].map(nameKey))], country: p.country, role: p.role, from: p.from, to: p.to, source: p.source });
}
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// One entry per person (same names, country and source) with its terms, so a name list is written once.
const people = new Map<string, { names: string[]; country: string; source: string; terms: Array<[string, string | null, string | null]> }>();
for (const r of rows) {
  const key = `${r.country}\t${r.source}\t${r.names.join('|')}`;
  let p = people.get(key);
  if (!p) people.set(key, (p = { names: r.names, country: r.country, source: r.source, terms: [] }));
  p.terms.push([r.role, r.from, r.to]);
}
const entries = [...people.values()].sort((a, b) => compare(a.country, b.country) || compare(a.names[0]!, b.names[0]!) || compare(a.source, b.source) || compare(a.terms[0]![1] ?? '', b.terms[0]![1] ?? ''));
for (const p of entries) p.terms.sort((a, b) => compare(a[1] ?? '', b[1] ?? '') || compare(a[0], b[0]));
const institutions = addendum.institutions.map((i) => ({ name: nameKey(i.name), country: i.country, source: i.source })).sort((a, b) => compare(a.name, b.name));

// One row per line, so a rebuild's diff reads row by row.
const lines = [
  '{',
  `  "attribution": ${JSON.stringify('Person rows with source "phoenix" are selected from Phoenix.Countries.actors.txt, openeventdata/petrarch2 @676801c (petrarch2/data/dictionaries), MIT License, Copyright (c) 2014 Open Event Data Alliance; codes GOV and GOVMIL with a date range; open-ended terms end at the dictionary date ' + PHOENIX_END + ' (' + PHOENIX_LATEST + ', its latest date, for terms starting after it). Rows with source "addendum: ..." are hand-written from the public record named (tools/entities/leaders-addendum.json). Each person: names (nameKey forms), country (ISO 3166-1 alpha-3), source, terms [role, from, to] (ISO dates, inclusive; null = open).')},`,
  '  "people": [',
  entries.map((r) => `    ${JSON.stringify(r)}`).join(',\n'),
  '  ],',
  '  "institutions": [',
  institutions.map((r) => `    ${JSON.stringify(r)}`).join(',\n'),
  '  ]',
  '}',
  '',
];
writeFileSync(OUT, lines.join('\n'));
const phoenixRows = rows.filter((r) => r.source === 'phoenix').length;
console.log(`leaders.json: ${entries.length} people, ${rows.length} terms (${phoenixRows} phoenix, ${rows.length - phoenixRows} addendum), ${institutions.length} institutions; skipped: ${skipped.badDate} malformed dates, non-ISO codes ${[...skipped.notIso].sort().join(' ') || 'none'}`);
