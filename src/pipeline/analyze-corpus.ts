import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { canonicalConfigJson } from '../config/load.js';
import type { LoadedConfig } from '../config/load.js';
import type { PipelineConfig } from '../config/schema.js';
import { loadArticle, scanCorpus, type IngestError, type IngestOptions } from '../ingest/corpus.js';
import { serializeArticleJson, toArticleJson, type ArticleJson } from '../output/article-json.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { articleTables, type ArticleTables, type TableName } from '../output/csv-tables.js';
import { CsvTablesWriter } from '../output/csv-writer.js';
import { safeFileName } from '../output/file-names.js';
import { TOOL_VERSION } from '../version.js';
import { analyzeArticle } from './analyze-article.js';

/** A problem with the run itself (unreadable corpus, unwritable output): exit code 2. */
export class RunSetupError extends Error {}

export interface RunOptions {
  /** Analyze only these ids; the other articles keep their previous outputs. */
  readonly only?: readonly string[];
  /** Recompute every article even when its content and config are unchanged. */
  readonly force?: boolean;
  readonly onProgress?: (progress: { done: number; total: number; id: string }) => void;
  /** Injected clock for the manifest's start time; outputs never contain times. */
  readonly now?: () => Date;
}

export type ArticleStatus = 'ok' | 'unchanged' | 'rejected';

export interface RunSummary {
  readonly total: number;
  readonly ok: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly sentences: number;
  readonly entities: number;
  readonly timexes: number;
  readonly tensionCues: number;
  readonly errors: readonly IngestError[];
  readonly elapsedMs: number;
  readonly outputDir: string;
}

interface ManifestArticle {
  readonly id: string;
  readonly source_path: string;
  readonly content_hash: string;
  readonly status: ArticleStatus;
  readonly json: string | null;
}

interface Manifest {
  readonly tool: string;
  readonly version: string;
  readonly config_hash: string;
  readonly started_at: string;
  readonly articles: readonly ManifestArticle[];
}

/**
 * Only what changes the analysis enters the config hash: paths, concurrency and the report switch do
 * not, so moving the output folder or adding workers does not force a full rerun.
 */
export function configHash(config: PipelineConfig): string {
  const { corpus: _corpus, output: _output, concurrency: _concurrency, outputs, ...analysis } = config;
  return createHash('sha256')
    .update(`${TOOL_VERSION}\n${canonicalConfigJson({ ...analysis, outputs: { ...outputs, report: false } } as PipelineConfig)}`)
    .digest('hex');
}

export function ingestOptions(config: PipelineConfig): IngestOptions {
  return { maxBytes: config.ingest.maxBytes, defaultPublicationDate: config.defaults.publicationDate, language: config.language };
}

/** The CSV tables a config produces, in a fixed order. */
export function enabledTables(config: PipelineConfig): TableName[] {
  const tables: TableName[] = ['articles', 'sentences'];
  if (config.stages.entities) tables.push('entities', 'entity_summary');
  if (config.stages.dates) tables.push('dates');
  if (config.stages.tension) tables.push('tension_cues', 'dyads');
  return tables;
}

/** Analyzes one article and returns its published JSON; throws only on programmer errors. */
export function processArticle(raw: Parameters<typeof analyzeArticle>[0], config: PipelineConfig): ArticleJson {
  return toArticleJson(analyzeArticle(raw, config));
}

/**
 * Runs the pipeline over the corpus: articles stream through one at a time (read, analyze, write,
 * forget), in id order, so memory stays flat and outputs are deterministic.
 */
export async function analyzeCorpus(loaded: LoadedConfig, options: RunOptions = {}): Promise<RunSummary> {
  const started = Date.now();
  const startedAt = (options.now ?? (() => new Date()))();
  const { config, corpusDir, outputDir } = loaded;
  checkFolders(corpusDir, outputDir);

  const ingest = ingestOptions(config);
  const scan = scanCorpus(corpusDir, ingest);
  const errors: IngestError[] = [...scan.errors];
  const hash = configHash(config);
  const previous = readManifest(outputDir);
  // Rejected entries can share an id with a good article (a duplicate id), so only written ones count.
  const written = (previous?.articles ?? []).filter((a) => a.status !== 'rejected');
  const previousById = new Map((previous?.config_hash === hash ? written : []).map((a) => [a.id, a]));
  const anyPrevious = new Map(written.map((a) => [a.id, a]));
  const only = options.only && options.only.length > 0 ? new Set(options.only) : null;

  const jsonDir = path.join(outputDir, 'json');
  mkdirSync(jsonDir, { recursive: true });
  const tables = config.outputs.csv ? new CsvTablesWriter(outputDir, [...enabledTables(config), 'errors']) : null;
  const manifestArticles: ManifestArticle[] = [];
  const counts = { ok: 0, unchanged: 0, rejected: scan.errors.length, sentences: 0, entities: 0, timexes: 0, tensionCues: 0 };

  try {
    let done = 0;
    for (const ref of scan.refs) {
      const loadedArticle = loadArticle(corpusDir, ref, ingest);
      done++;
      if (!loadedArticle.ok) {
        errors.push(loadedArticle.error);
        counts.rejected++;
        options.onProgress?.({ done, total: scan.refs.length, id: ref.id });
        continue;
      }
      const raw = loadedArticle.article;
      const fileName = `${safeFileName(raw.id)}.json`;
      const jsonPath = path.join(jsonDir, fileName);
      const before = previousById.get(raw.id);
      const reusable = !options.force && existsSync(jsonPath) && ((before?.content_hash === raw.contentHash) || (only !== null && !only.has(raw.id) && anyPrevious.has(raw.id)));
      let json: ArticleJson | null = null;
      let status: ArticleStatus = 'ok';
      if (reusable) {
        try {
          json = JSON.parse(readFileSync(jsonPath, 'utf8')) as ArticleJson;
          status = 'unchanged';
        } catch {
          json = null; // a damaged previous output is recomputed, never trusted
        }
      }
      if (json === null) {
        if (only !== null && !only.has(raw.id)) {
          options.onProgress?.({ done, total: scan.refs.length, id: raw.id });
          continue;
        }
        json = processArticle(raw, config);
        if (config.outputs.json) writeFileAtomic(jsonPath, serializeArticleJson(json));
      }
      if (status === 'unchanged') counts.unchanged++;
      else counts.ok++;
      const rows = articleTables(json);
      appendRows(tables, rows);
      counts.sentences += rows.sentences?.length ?? 0;
      counts.entities += rows.entities?.length ?? 0;
      counts.timexes += rows.dates?.length ?? 0;
      counts.tensionCues += rows.tension_cues?.length ?? 0;
      manifestArticles.push({ id: raw.id, source_path: raw.sourcePath, content_hash: raw.contentHash, status, json: config.outputs.json ? `json/${fileName}` : null });
      options.onProgress?.({ done, total: scan.refs.length, id: raw.id });
    }
    errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    tables?.append('errors', errors.map((e) => [e.articleId, e.file, e.line, e.reason]));
    tables?.commit();
  } catch (error) {
    tables?.abort();
    throw error;
  }

  removeStaleJson(jsonDir, new Set(manifestArticles.map((a) => a.json).filter((j): j is string => j !== null).map((j) => path.basename(j))));
  for (const e of errors) manifestArticles.push({ id: e.articleId ?? '', source_path: e.line === null ? e.file : `${e.file}:${e.line}`, content_hash: '', status: 'rejected', json: null });
  const manifest: Manifest = { tool: 'article-pipeline', version: TOOL_VERSION, config_hash: hash, started_at: startedAt.toISOString(), articles: manifestArticles };
  writeFileAtomic(path.join(outputDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  return { total: scan.refs.length + scan.errors.length, ...counts, errors, elapsedMs: Date.now() - started, outputDir };
}

function appendRows(writer: CsvTablesWriter | null, rows: ArticleTables): void {
  if (!writer) return;
  for (const [table, tableRows] of Object.entries(rows) as Array<[TableName, ArticleTables[keyof ArticleTables]]>) writer.append(table, tableRows);
}

function checkFolders(corpusDir: string, outputDir: string): void {
  try {
    if (!statSync(corpusDir).isDirectory()) throw new RunSetupError(`corpus folder ${corpusDir} is not a folder`);
    accessSync(corpusDir, constants.R_OK | constants.X_OK);
  } catch (error) {
    if (error instanceof RunSetupError) throw error;
    throw new RunSetupError(`cannot read the corpus folder ${corpusDir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    mkdirSync(outputDir, { recursive: true });
    accessSync(outputDir, constants.W_OK);
  } catch (error) {
    throw new RunSetupError(`cannot write to the output folder ${outputDir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function readManifest(outputDir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(path.join(outputDir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** An article removed from the corpus loses its JSON too, so the output folder mirrors the corpus. */
function removeStaleJson(jsonDir: string, keep: ReadonlySet<string>): void {
  for (const name of readdirSafe(jsonDir)) if (name.endsWith('.json') && !keep.has(name)) rmSync(path.join(jsonDir, name), { force: true });
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
