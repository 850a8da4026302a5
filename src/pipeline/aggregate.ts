import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { writeArticlesTable, type StoriesSummary } from '../dedupe/articles-table.js';
import { writeColumnarOutputs } from '../output/corpus-outputs.js';
import { tableFileName } from '../output/csv-tables.js';
import { seriesOptions, writeDyadSeriesTable, type SeriesTableOptions, type SeriesTableSummary } from '../series/series-table.js';
import { enabledTables, RunSetupError } from './analyze-corpus.js';
import { OutputLockedError, takeOutputLock } from './output-lock.js';

export interface AggregateSummary {
  readonly stories: StoriesSummary;
  /** Null when the output folder has no events table (the tension stage was off). */
  readonly series: SeriesTableSummary | null;
  readonly options: SeriesTableOptions;
}

/**
 * Rebuilds the corpus-level aggregates of an existing output folder from its per-article rows, without
 * analyzing any article again: the story clusters (`articles.csv`) with the config's duplicate threshold,
 * then `dyad_series.csv` with the config's `aggregate.*` (or the overrides), then the Parquet/DuckDB
 * copies the config asks for. Holds the output lock like a run, so it never interleaves with one.
 */
export async function aggregateOutputs(loaded: LoadedConfig, overrides: Partial<Pick<SeriesTableOptions, 'period' | 'basis'>> = {}): Promise<AggregateSummary> {
  const { config, outputDir } = loaded;
  const rowsFile = path.join(outputDir, tableFileName('articles'));
  if (!existsSync(rowsFile)) {
    throw new RunSetupError(`${outputDir} holds no finished run to aggregate (${rowsFile} is missing; run \`article-pipeline run\` first, with outputs.csv on)`);
  }
  let lock;
  try {
    lock = takeOutputLock(outputDir);
  } catch (error) {
    if (error instanceof OutputLockedError) throw new RunSetupError(error.message);
    throw error;
  }
  try {
    const options: SeriesTableOptions = { ...seriesOptions(config), ...overrides };
    const stories = (await writeArticlesTable(outputDir, config.aggregate.duplicateThreshold)).summary;
    const series = await writeDyadSeriesTable(outputDir, options);
    await writeColumnarOutputs(outputDir, config, [...enabledTables(config), 'errors']);
    return { stories, series, options };
  } finally {
    lock.release();
  }
}
