import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { canonicalConfigJson } from '../config/load.js';
import type { PipelineConfig } from '../config/schema.js';
import { AtomicFileWriter } from '../output/atomic-write.js';
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

/** A value as `JSON.stringify(value, null, 2)` prints it two levels down (inside the manifest's lists). */
const nested = (value: unknown): string => JSON.stringify(value, null, 2).replaceAll('\n', '\n    ');

/**
 * The manifest's article entries, spilled to a scratch file in the output folder as articles are
 * recorded, so that a run holds none of them in memory (at 100,000 articles they were ~1 KB each of the
 * main thread's heap, and the manifest's text as one string ~80 MB more). `finish` then writes
 * `manifest.json` by streaming: the same bytes `JSON.stringify(manifest, null, 2)` gives. The scratch file
 * is named like the other unfinished outputs (`.<name>.<pid>.<random>.tmp`), so a killed run's is removed
 * by the next run.
 */
export class ManifestWriter {
  private readonly log: AtomicFileWriter;
  private readonly logPath: string;
  private entries = 0;

  constructor(private readonly outputDir: string) {
    this.log = new AtomicFileWriter(path.join(outputDir, '.manifest-articles.json'));
    this.logPath = this.log.temporaryPath;
  }

  /** One entry, in the order the manifest lists them: one line of JSON each. */
  add(entry: ManifestArticle): void {
    this.log.write(`${JSON.stringify(entry)}\n`);
    this.entries++;
  }

  /** Writes manifest.json atomically from the head fields, the spilled entries and the file records. */
  async finish(head: Omit<Manifest, 'articles' | 'files'>, files: FileRecords | undefined): Promise<void> {
    this.log.close();
    const out = new AtomicFileWriter(path.join(this.outputDir, 'manifest.json'));
    try {
      const headText = JSON.stringify(head, null, 2);
      // `{\n  "tool": ...\n}` without its closing brace: the lists follow as the last keys.
      out.write(`${headText.slice(0, -2)},\n  "articles": [`);
      let written = 0;
      const lines = createInterface({ input: createReadStream(this.logPath, { encoding: 'utf8' }), crlfDelay: Infinity });
      let chunk = '';
      for await (const line of lines) {
        if (line === '') continue;
        chunk += `${written++ === 0 ? '' : ','}\n    ${nested(JSON.parse(line))}`;
        if (chunk.length >= 1 << 16) {
          out.write(chunk);
          chunk = '';
        }
      }
      if (written !== this.entries) throw new Error(`article-pipeline: the manifest's scratch file ${this.logPath} holds ${written} entries, not ${this.entries}`);
      out.write(`${chunk}${written > 0 ? '\n  ' : ''}]`);
      if (files !== undefined) {
        const paths = Object.keys(files);
        out.write(',\n  "files": {');
        chunk = '';
        paths.forEach((file, i) => {
          chunk += `${i === 0 ? '' : ','}\n    ${JSON.stringify(file)}: ${nested(files[file])}`;
          if (chunk.length >= 1 << 16) {
            out.write(chunk);
            chunk = '';
          }
        });
        out.write(`${chunk}${paths.length > 0 ? '\n  ' : ''}}`);
      }
      out.write('\n}\n');
      out.commit();
    } catch (error) {
      out.abort();
      throw error;
    } finally {
      this.log.abort();
    }
  }

  /** Drops the scratch file: the run failed, and no manifest is written. */
  abort(): void {
    this.log.abort();
  }
}
