import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { columnType, TIMEML_VALUE_COLUMNS } from './column-types.js';

/**
 * Parquet tables and a DuckDB database built from the finished CSV tables by DuckDB itself: its CSV
 * reader streams and its Parquet writer flushes row groups as they fill, so a table of any size is
 * never held in memory, and the typed files hold exactly the rows of the CSVs.
 *
 * Extension auto-install and auto-load are off: nothing is ever fetched, and the Parquet and CSV
 * support used here is built into the binary shipped in `@duckdb/node-bindings-linux-x64`.
 */
export interface ColumnarTable {
  readonly name: string;
  readonly columns: readonly string[];
}

/**
 * Rows per Parquet row group: half DuckDB's default (122,880), because the writer holds a whole row group
 * in memory. On the tables of 20,000 bench articles, the default peaked at 412-435 MB of RSS, 61,440 at
 * 270 MB (with one DuckDB instance per table, below), 30,720 at 238 MB; the files grow by what the smaller
 * dictionaries repeat (sentences.parquet 9.4 -> 13.5 MB on that corpus, whose articles repeat 2,000 texts).
 */
export const PARQUET_ROW_GROUP_SIZE = 61_440;

const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The SELECT that reads one CSV table with every column typed (empty fields become NULL). */
export function typedSelect(csvPath: string, table: ColumnarTable): string {
  const asText = table.columns.map((c) => `${quoteString(c)}: 'VARCHAR'`).join(', ');
  const reader = `read_csv(${quoteString(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${asText}})`;
  const fields: string[] = [];
  for (const column of table.columns) {
    const id = quoteIdentifier(column);
    const type = columnType(column);
    fields.push(type === 'VARCHAR' ? id : `CAST(${id} AS ${type}) AS ${id}`);
    if (TIMEML_VALUE_COLUMNS.has(column)) {
      // A TimeML value is a DATE only when it is a whole calendar date; "2025-12" or "PT1H" stay text only.
      fields.push(`CASE WHEN regexp_full_match(${id}, '\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST(${id} AS DATE) END AS ${quoteIdentifier(`${column}_date`)}`);
    }
  }
  return `SELECT ${fields.join(', ')} FROM ${reader}`;
}

/** A DuckDB instance that never fetches anything and writes rows in the order it read them. */
async function openDuckDb(file: string): Promise<{ run: (sql: string) => Promise<void>; close: () => void }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(file, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    preserve_insertion_order: 'true',
    // One thread: the row order and the row-group boundaries, and so the file bytes, never depend on timing.
    threads: '1',
  });
  const connection = await instance.connect();
  return {
    run: async (sql) => {
      await connection.run(sql);
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Writes `<outDir>/<table>.parquet` (zstd) for every table from `<csvDir>/<table>.csv`. Each file is
 * written under a temporary name and renamed into place, so an interrupted run leaves no half file.
 */
export async function writeParquetTables(csvDir: string, outDir: string, tables: readonly ColumnarTable[]): Promise<void> {
  // A fresh instance per table: one instance kept for all of them grew from table to table (peak 412 MB
  // against 302 MB on the tables of 20,000 articles), as its allocations were never handed back.
  for (const table of tables) {
    const db = await openDuckDb(':memory:');
    try {
      const target = path.join(outDir, `${table.name}.parquet`);
      const temporary = `${target}.tmp-${process.pid}`;
      await db.run(`COPY (${typedSelect(path.join(csvDir, `${table.name}.csv`), table)}) TO ${quoteString(temporary)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${PARQUET_ROW_GROUP_SIZE})`);
      renameSync(temporary, target);
    } finally {
      db.close();
    }
  }
}

/** Views researchers want first, each created only when the tables it reads exist. */
const VIEWS: readonly { readonly name: string; readonly needs: readonly string[]; readonly sql: string }[] = [
  {
    name: 'sentences_with_articles',
    needs: ['sentences', 'articles'],
    sql: 'SELECT a.dct, a.source AS outlet, a.title, s.* FROM sentences s JOIN articles a USING (article_id)',
  },
  {
    name: 'events_with_articles',
    needs: ['events', 'articles'],
    sql: 'SELECT a.dct, a.source AS outlet, a.title, e.* FROM events e JOIN articles a USING (article_id)',
  },
  {
    name: 'dyads_with_articles',
    needs: ['dyads', 'articles'],
    sql: 'SELECT a.dct, a.source AS outlet, d.* FROM dyads d JOIN articles a USING (article_id)',
  },
  {
    // The shift that placing events on their own date makes, per dyad and period, side by side.
    name: 'dyad_series_by_basis',
    needs: ['dyad_series'],
    sql: `SELECT source_country, target_country, period, period_start,
      coalesce(sum(events) FILTER (WHERE date_basis = 'event'), 0) AS events_by_event_date,
      coalesce(sum(events) FILTER (WHERE date_basis = 'published'), 0) AS events_by_publication_date,
      max(net_tension) FILTER (WHERE date_basis = 'event') AS net_tension_by_event_date,
      max(net_tension) FILTER (WHERE date_basis = 'published') AS net_tension_by_publication_date
      FROM dyad_series GROUP BY source_country, target_country, period, period_start`,
  },
  {
    name: 'entity_mentions_by_article',
    needs: ['entity_summary', 'articles'],
    sql: 'SELECT a.dct, a.source AS outlet, e.* FROM entity_summary e JOIN articles a USING (article_id)',
  },
];

/**
 * Writes `<outDir>/corpus.duckdb`: one table per CSV table, typed as in the Parquet files, and the
 * views above. Built under a temporary name and renamed into place.
 */
export async function writeDuckDbFile(csvDir: string, target: string, tables: readonly ColumnarTable[]): Promise<void> {
  const temporary = `${target}.tmp-${process.pid}`;
  rmSync(temporary, { force: true });
  rmSync(`${temporary}.wal`, { force: true });
  const db = await openDuckDb(temporary);
  try {
    for (const table of tables) {
      await db.run(`CREATE TABLE ${quoteIdentifier(table.name)} AS ${typedSelect(path.join(csvDir, `${table.name}.csv`), table)}`);
    }
    const present = new Set(tables.map((t) => t.name));
    for (const view of VIEWS) {
      if (view.needs.every((t) => present.has(t))) await db.run(`CREATE VIEW ${quoteIdentifier(view.name)} AS ${view.sql}`);
    }
    await db.run('CHECKPOINT');
  } catch (error) {
    db.close();
    rmSync(temporary, { force: true });
    throw error;
  }
  db.close();
  if (existsSync(`${temporary}.wal`)) rmSync(`${temporary}.wal`, { force: true });
  renameSync(temporary, target);
}
