/**
 * `npm run bench:csv [-- --json DIR] [--rounds N]`: what writing the CSV text costs (issue 14).
 *
 * Takes the article JSONs of an earlier run (default `.bench/out/w1/json`, left by `npm run bench`),
 * builds their CSV rows once, then times, per article and table as the pipeline does, `csvText`
 * (csv-stringify) against the floor: the plainest RFC 4180 loop that gives the same bytes. The two
 * alternate round by round in this one process, so load from other processes falls on both alike;
 * the median round is reported. Both must give the same bytes, or the script fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleJson } from '../src/output/article-json.js';
import { articleTables, type CsvRow } from '../src/output/csv-tables.js';
import { csvText } from '../src/output/csv-writer.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const jsonDir = path.resolve(option('--json') ?? path.join(root, '.bench', 'out', 'w1', 'json'));
const rounds = Number(option('--rounds') ?? 15);

const NEEDS_QUOTES = /[",\r\n]/u;

/** The floor: quote a field only if it holds a quote, a comma or a line break; CRLF record ends. */
function rfc4180Loop(rows: readonly CsvRow[]): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      const field = value === null || value === undefined ? '' : String(value);
      if (i > 0) text += ',';
      text += NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
    }
    text += '\r\n';
  }
  return text;
}

function main(): void {
  let files: string[];
  try {
    files = readdirSync(jsonDir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new Error(`bench:csv: no article JSONs in ${jsonDir}: run \`npm run bench\` first, or pass --json DIR`);
  }
  // Per article, its tables' rows: the unit csvText is called on in the pipeline (article-rows.ts).
  const articles = files.map((f) => Object.values(articleTables(JSON.parse(readFileSync(path.join(jsonDir, f), 'utf8')) as ArticleJson)).filter((rows) => rows.length > 0));
  const rows = articles.reduce((n, tables) => n + tables.reduce((m, t) => m + t.length, 0), 0);
  const fields = articles.reduce((n, tables) => n + tables.reduce((m, t) => m + t.reduce((k, r) => k + r.length, 0), 0), 0);

  const writers = { 'csvText (csv-stringify)': csvText, 'RFC 4180 loop (floor)': rfc4180Loop };
  const texts = Object.fromEntries(Object.entries(writers).map(([name, write]) => [name, articles.map((tables) => tables.map((t) => write(t)).join('')).join('')]));
  const [reference, ...others] = Object.values(texts);
  if (others.some((text) => text !== reference)) throw new Error('bench:csv: the writers gave different bytes');
  const bytes = Buffer.byteLength(reference!, 'utf8');

  const times: Record<string, number[]> = Object.fromEntries(Object.keys(writers).map((name) => [name, []]));
  for (let round = -2; round < rounds; round++) {
    for (const [name, write] of Object.entries(writers)) {
      const start = process.cpuUsage();
      let length = 0;
      for (const tables of articles) for (const table of tables) length += write(table).length;
      const used = process.cpuUsage(start);
      if (length === 0) throw new Error('bench:csv: wrote nothing');
      if (round >= 0) times[name]!.push((used.user + used.system) / 1000); // two warm-up rounds dropped
    }
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const floor = median(times['RFC 4180 loop (floor)']!);
  process.stdout.write(`${articles.length} articles, ${fmt(rows)} rows, ${fmt(fields)} fields, ${fmt(bytes / 2 ** 20, 1)} MB of CSV; median of ${rounds} rounds, CPU time\n`);
  for (const [name, values] of Object.entries(times)) {
    const ms = median(values);
    process.stdout.write(`  ${name.padEnd(26)} ${fmt(ms).padStart(6)} ms  ${fmt(ms / articles.length, 3)} ms/article  ${fmt(rows / (ms / 1000)).padStart(10)} rows/s  ${fmt(bytes / 2 ** 20 / (ms / 1000), 1).padStart(6)} MB/s  ${fmt(ms / floor, 2)}x the floor\n`);
  }
}

main();
