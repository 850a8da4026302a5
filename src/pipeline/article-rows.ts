import type { ArticleJson } from '../output/article-json-type.js';
import { readArticleJson } from '../output/read-article-json.js';
import { articleTables, type TableName } from '../output/csv-tables.js';
import { csvText } from '../output/csv-writer.js';

/** Rows an article adds to the run summary. */
export interface ArticleCounts {
  readonly sentences: number;
  readonly entities: number;
  readonly timexes: number;
  readonly tensionCues: number;
}

export interface ArticleRows {
  /** CSV text of this article's rows, per table (no header). */
  readonly csv: Partial<Record<TableName, string>>;
  readonly counts: ArticleCounts;
}

/** CSV rows of an article written in an earlier run (or by another process), from its JSON text; null when it does not read. */
export function rowsFromJsonText(jsonText: string, tables: readonly TableName[]): ArticleRows | null {
  const read = readArticleJson(jsonText);
  // A damaged previous output, or one of another shape, is recomputed, never trusted.
  return read.ok ? articleRows(read.article, tables) : null;
}

/**
 * CSV rows of an article a distributed worker of this run has just written (src/distributed), from its
 * JSON; null when it cannot be read or is not that article's. The worker runs this tool version with
 * this config (it refuses a run otherwise) and writes atomically, so the file is parsed and checked to be
 * this article's JSON of this schema version, without `csvFromPreviousJson`'s full schema check: that
 * check costs ~0.6 ms of CPU per article in the coordinator (JSON.parse ~0.3), which builds every
 * article's rows in turn and so bounds how fast a run with many workers can go.
 */
export function csvFromWorkerJson(jsonText: string, articleId: string, tables: readonly TableName[]): ArticleRows | null {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const article = value as Partial<ArticleJson>;
  return article.schemaVersion === 1 && article.id === articleId ? articleRows(article as ArticleJson, tables) : null;
}

/** An article's CSV rows as text, per table, and its row counts. */
export function articleRows(json: ArticleJson, tables: readonly TableName[]): ArticleRows {
  const rows = articleTables(json);
  const csv: Partial<Record<TableName, string>> = {};
  for (const table of tables) {
    if (table === 'errors') continue;
    const tableRows = rows[table];
    if (tableRows && tableRows.length > 0) csv[table] = csvText(tableRows);
  }
  return {
    csv,
    counts: {
      sentences: rows.sentences?.length ?? 0,
      entities: rows.entities?.length ?? 0,
      timexes: rows.dates?.length ?? 0,
      tensionCues: rows.tension_cues?.length ?? 0,
    },
  };
}
