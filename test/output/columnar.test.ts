import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { declaredColumnType } from '../../src/output/column-types.js';
import { CSV_COLUMNS } from '../../src/output/csv-tables.js';
import { DYAD_SERIES_COLUMNS } from '../../src/series/dyad-series.js';
import { readCsv } from '../helpers/check-output.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

/**
 * Parquet and DuckDB outputs hold exactly the CSV tables' rows, typed. Real text: the seed article and
 * the golden fixtures (a CSV field with a comma, a jsonl batch, an emoji before the headline), plus a
 * rejected file so errors.parquet has a row.
 */
const repo = path.resolve(__dirname, '../..');
let dir: string;
let out: string;
let db: DuckDBInstance;
let connection: DuckDBConnection;
/** Every table of a run: the per-article tables and the corpus-level dyad series. */
const COLUMNS: Record<string, readonly string[]> = { ...CSV_COLUMNS, dyad_series: DYAD_SERIES_COLUMNS };
const TABLES = Object.keys(COLUMNS);

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

async function run(target: string): Promise<void> {
  const config = validateConfig({ corpus: 'corpus', output: target, concurrency: 1, outputs: { report: false, parquet: true, duckdb: true } }, path.join(dir, 'pipeline.config.json'));
  if (!config.ok) throw new Error(config.errors.join('\n'));
  await analyzeCorpus(config.value);
}

beforeAll(async () => {
  dir = makeTempDir({ 'corpus/bad/empty.txt': '' });
  cpSync(path.join(repo, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  cpSync(path.join(repo, 'test/golden/fixtures/articles'), path.join(dir, 'corpus/fixtures'), { recursive: true });
  out = path.join(dir, 'out');
  await run(out);
  db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  connection = await db.connect();
}, 120_000);

afterAll(() => {
  connection?.closeSync();
  db?.closeSync();
});

describe('[output] Parquet tables and the DuckDB file', () => {
  it('types every column of every table on purpose', () => {
    const undecided = TABLES.flatMap((t) => COLUMNS[t]!.filter((c) => declaredColumnType(c) === null).map((c) => `${t}.${c}`));
    expect(undecided).toEqual([]);
  });

  it('holds the rows and values of each CSV table, with integer, double, boolean and date columns', async () => {
    for (const table of TABLES) {
      const file = path.join(out, 'parquet', `${table}.parquet`);
      expect(existsSync(file), table).toBe(true);
      const csv = readCsv(path.join(out, `${table}.csv`));
      const parquet = await rows(`SELECT * FROM read_parquet('${file}')`);
      expect(parquet.length, table).toBe(csv.length);
      csv.forEach((csvRow, i) => {
        for (const column of COLUMNS[table]!) {
          const value = parquet[i]![column];
          const text = csvRow[column]!;
          // Empty CSV fields are NULL; numbers and booleans print back to the CSV's text.
          if (text === '') expect(value, `${table}.${column} row ${i}`).toBeNull();
          else if (declaredColumnType(column) === 'DOUBLE' || declaredColumnType(column) === 'BIGINT') expect(Number(value), `${table}.${column}`).toBe(Number(text));
          else expect(String(value), `${table}.${column} row ${i}`).toBe(text);
        }
      });
    }
    expect((await rows(`SELECT count(*)::INT AS n FROM read_parquet('${path.join(out, 'parquet/errors.parquet')}')`))[0]!.n).toBe(1);
  });

  it('writes real column types', async () => {
    const types = async (table: string) =>
      Object.fromEntries((await rows(`DESCRIBE SELECT * FROM read_parquet('${path.join(out, 'parquet', `${table}.parquet`)}')`)).map((r) => [r.column_name, r.column_type]));
    expect(await types('articles')).toMatchObject({ dct: 'DATE', words: 'BIGINT', tension_index: 'DOUBLE', title: 'VARCHAR' });
    expect(await types('tension_cues')).toMatchObject({ negated: 'BOOLEAN', weight: 'DOUBLE', start: 'BIGINT' });
    expect(await types('dates')).toMatchObject({ value: 'VARCHAR', value_date: 'DATE', range_start: 'DATE' });
    // "late December" in the seed article: a month value stays text only; its range is a DATE.
    const late = await rows(`SELECT value, value_date::VARCHAR AS value_date, range_end::VARCHAR AS range_end FROM read_parquet('${path.join(out, 'parquet/dates.parquet')}') WHERE text = 'late December'`);
    expect(late).toEqual([{ value: '2025-12', value_date: null, range_end: '2025-12-31' }]);
  });

  it('gives the same Parquet bytes on a second run', async () => {
    const second = path.join(dir, 'out-again');
    await run(second);
    for (const table of TABLES) {
      expect(readFileSync(path.join(second, 'parquet', `${table}.parquet`)).equals(readFileSync(path.join(out, 'parquet', `${table}.parquet`))), table).toBe(true);
    }
  }, 120_000);

  it('has every table and the joined views in corpus.duckdb', async () => {
    const file = path.join(out, 'corpus.duckdb');
    await connection.run(`ATTACH '${file}' AS corpus (READ_ONLY)`);
    try {
      for (const table of TABLES) {
        const [{ n }] = (await rows(`SELECT count(*)::INT AS n FROM corpus.${table}`)) as [{ n: number }];
        expect(n, table).toBe(readCsv(path.join(out, `${table}.csv`)).length);
      }
      const joined = await rows('SELECT count(*)::INT AS n, count(DISTINCT outlet)::INT AS outlets FROM corpus.sentences_with_articles');
      expect(joined[0]!.n).toBe(readCsv(path.join(out, 'sentences.csv')).length);
      const views = (await rows("SELECT view_name FROM duckdb_views() WHERE database_name = 'corpus' AND NOT internal")).map((r) => r.view_name).sort();
      expect(views).toEqual(['dyad_series_by_basis', 'dyads_with_articles', 'entity_mentions_by_article', 'events_with_articles', 'sentences_with_articles']);
      // The series view lines up the two date bases of dyad_series.csv.
      const [byBasis] = (await rows('SELECT sum(events_by_event_date)::INT AS event, sum(events_by_publication_date)::INT AS published FROM corpus.dyad_series_by_basis')) as [{ event: number; published: number }];
      const series = readCsv(path.join(out, 'dyad_series.csv'));
      const total = (basis: string) => series.filter((r) => r.date_basis === basis).reduce((n, r) => n + Number(r.events), 0);
      expect(byBasis).toEqual({ event: total('event'), published: total('published') });
    } finally {
      await connection.run('DETACH corpus');
    }
  });

  it('refuses Parquet without the CSV tables it is built from', () => {
    const config = validateConfig({ outputs: { csv: false, parquet: true } }, null);
    expect(config.ok).toBe(false);
    if (!config.ok) expect(config.errors.join('\n')).toMatch(/outputs\.parquet and outputs\.duckdb .* need outputs\.csv true/u);
  });
});
