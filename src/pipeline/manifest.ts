import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalConfigJson } from '../config/load.js';
import type { PipelineConfig } from '../config/schema.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import type { TableName } from '../output/csv-tables.js';
import { JSON_LAYOUTS, type JsonLayout } from '../output/json-layouts.js';
import { TOOL_VERSION } from '../version.js';
import type { ArticleCounts } from './article-rows.js';
import type { FileRecords } from './scan-cache.js';

/**
 * `manifest.json`: what a run did, and what the next run needs to skip unchanged work (the config hash,
 * each article's content hash, where its CSV rows sit, each corpus file's stat record). The only output
 * that holds a time.
 */

export type ArticleStatus = 'ok' | 'unchanged' | 'rejected';

/** Where an article's rows sit in the run's CSV files: [byte offset, byte length] per table. */
export type RowRanges = Partial<Record<TableName, readonly [number, number]>>;

/** Size and modification time of a CSV file as written: a CSV edited since is never copied from. */
export interface CsvFileStamp {
  readonly bytes: number;
  readonly mtime_ms: number;
}

export interface ManifestArticle {
  readonly id: string;
  readonly source_path: string;
  readonly content_hash: string;
  readonly status: ArticleStatus;
  readonly json: string | null;
  /** Row counts, so an unchanged article adds to the run summary without being read again. */
  readonly counts?: ArticleCounts;
  /** Byte ranges of its CSV rows, so an unchanged article's rows are copied, not rebuilt. */
  readonly csv?: RowRanges;
}

export interface Manifest {
  readonly tool: string;
  readonly version: string;
  readonly config_hash: string;
  /** Where this run put the article JSON (`outputs.json`); absent in manifests of earlier versions. */
  readonly json_layout?: JsonLayout;
  readonly started_at: string;
  readonly csv_files?: Partial<Record<TableName, CsvFileStamp>>;
  readonly articles: readonly ManifestArticle[];
  /** Every corpus file's size, modification time and scan result: an unchanged file is not read again. */
  readonly files?: FileRecords;
}

/**
 * Only what changes the analysis enters the config hash: paths, concurrency, the time budget, the queue
 * settings, the report, Parquet and DuckDB switches, the JSON layout (a run reads the previous run's JSON
 * in the layout that run recorded) and the corpus-level aggregation settings (rebuilt from the
 * per-article rows on every run) do not, so moving the output folder, adding workers or sharding the
 * JSON does not force a full rerun.
 */
export function configHash(config: PipelineConfig): string {
  const { corpus: _corpus, output: _output, concurrency: _concurrency, queue: _queue, aggregate: _aggregate, outputs, limits, ...analysis } = config;
  // The time budget decides whether an article is analyzed, never what its analysis holds.
  return createHash('sha256')
    .update(`${TOOL_VERSION}\n${canonicalConfigJson({ ...analysis, limits: { ...limits, articleSeconds: 0 }, outputs: { ...outputs, json: 'files', report: false, parquet: false, duckdb: false } } as PipelineConfig)}`)
    .digest('hex');
}

/**
 * The layout the previous run wrote its JSON in: as recorded, or for a manifest from before layouts,
 * `files` if it lists a JSON file, else `none`. Null without a previous run (the folder is looked at).
 */
export function previousJsonLayout(manifest: Manifest | null): JsonLayout | null {
  if (!manifest) return null;
  if (manifest.json_layout !== undefined && (JSON_LAYOUTS as readonly string[]).includes(manifest.json_layout)) return manifest.json_layout;
  return Array.isArray(manifest.articles) && manifest.articles.some((a) => typeof a.json === 'string') ? 'files' : 'none';
}

/** The previous run's manifest, or null when there is none or it cannot be read (everything is recomputed). */
export function readManifest(outputDir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(path.join(outputDir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

export function writeManifest(outputDir: string, manifest: Manifest): void {
  writeFileAtomic(path.join(outputDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
