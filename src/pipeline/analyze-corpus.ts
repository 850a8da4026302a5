import { accessSync, constants, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { PipelineConfig } from '../config/schema.js';
import type { IngestError } from '../ingest/corpus.js';
import type { TableName } from '../output/csv-tables.js';
import { writeArticlesTable } from '../dedupe/articles-table.js';
import { seriesOptions, writeDyadSeriesTable } from '../series/series-table.js';
import { writeColumnarOutputs } from '../output/corpus-outputs.js';
import { analyzedJsonFile, createArticleJsonWriter, openArticleJson, remoteResultFile, removeIncoming } from '../output/json-store.js';
import { TOOL_VERSION } from '../version.js';
import { csvFromWorkerJson } from './article-rows.js';
import { ThreadArticleRunner, workerCount, type ArticleRunner } from './article-runner.js';
import type { TaskContext } from './corpus-task.js';
import { CsvFileSink, PreviousCsv, type RowSink } from './csv-sink.js';
import { IncrementalPlan, type Step } from './incremental-plan.js';
import { ingestOptions } from './ingest-options.js';
import { configHash, ManifestWriter, previousJsonLayout, readManifest } from './manifest.js';
import { RunResults } from './run-results.js';
import { OutputLockedError, takeOutputLock } from './output-lock.js';
import { scanCorpusCached, type ScannedRef } from './scan-cache.js';

export { configHash, type ArticleStatus } from './manifest.js';
export { workerCount } from './article-runner.js';
export { ingestOptions } from './ingest-options.js';

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
  /** Analysis done by other processes (src/distributed); without it, this process analyzes. */
  readonly remote?: RemoteAnalysis;
}

/**
 * Articles analyzed elsewhere, whose JSON appears in the output folder's `json/` (a folder every machine
 * sees; `remoteResultFile` says where for each layout): the run hands over every article that needs analysis at once, then awaits each outcome in id
 * order and builds that article's CSV rows from its JSON, as for an unchanged article.
 */
export interface RemoteAnalysis {
  /** Called once, before any outcome is awaited, with every article that needs analysis, in id order. */
  submit(refs: readonly ScannedRef[]): Promise<void>;
  /** Settles once the article is done: its JSON written, or rejected (bad input, or failed every attempt). */
  outcome(ref: ScannedRef): Promise<RemoteOutcome>;
}

export type RemoteOutcome = { readonly kind: 'written' } | { readonly kind: 'rejected'; readonly error: IngestError };

/** The output folder has no readable JSON for an article a remote worker reported written. */
export class RemoteResultMissingError extends RunSetupError {}

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
  /**
   * Worker threads started. Under a time budget (`limits.articleSeconds` > 0) `concurrency` N starts N
   * and the main thread does not analyze; without one it starts N - 1 beside the main thread, which
   * analyzes too (0 with one worker). 0 when nothing needed analysis.
   */
  readonly workers: number;
  /** Time for the worker threads to load their modules, or null without workers. */
  readonly workerStartupMs: number | null;
  /** Articles the main thread analyzed (the others went to worker threads). */
  readonly analyzedInMainThread: number;
  /** Worker threads that died (e.g. an article too large for a worker's heap limit); their articles were analyzed in the main thread. */
  readonly workersLost: number;
  /** Articles found to be near-duplicate copies of an earlier article (0 without CSV outputs). */
  readonly duplicates: number;
}

/** The CSV tables a config produces, in a fixed order. */
export function enabledTables(config: PipelineConfig): TableName[] {
  const tables: TableName[] = ['articles', 'sentences'];
  if (config.stages.entities) tables.push('entities', 'entity_summary');
  if (config.stages.dates) tables.push('dates');
  if (config.stages.tension) tables.push('tension_cues', 'events', 'dyads');
  return tables;
}

/**
 * Runs the pipeline over the corpus. Articles stream through (read, analyze, write, forget) and are
 * written in id order, so memory stays flat and outputs are deterministic:
 * - under a time budget (`limits.articleSeconds`, the default) every article is analyzed in one of N
 *   worker threads, whose watchdog stops an article over budget (a row in errors.csv); without a budget,
 *   with `concurrency` 1 each article is analyzed in the main thread;
 * - with N > 1, N worker threads analyze articles and write their JSON, while the main thread keeps a
 *   bounded window of results (the reorder buffer) and appends CSV rows in id order, so the output is
 *   byte for byte the single-worker output;
 * - an article whose content, source path and config are unchanged is not analyzed again: its JSON
 *   stays, and its CSV rows are copied from the previous CSV files (byte ranges kept in the manifest),
 *   or rebuilt from its JSON when those files changed.
 *
 * The parts: `IncrementalPlan` decides what each article needs, an `ArticleRunner` analyzes, `RunResults`
 * records each result into a `RowSink` (the CSV files) and the manifest entries.
 */
export async function analyzeCorpus(loaded: LoadedConfig, options: RunOptions = {}): Promise<RunSummary> {
  checkFolders(loaded.corpusDir, loaded.outputDir);
  // One run per output folder at a time (src/pipeline/output-lock.ts).
  let lock;
  try {
    lock = takeOutputLock(loaded.outputDir);
  } catch (error) {
    if (error instanceof OutputLockedError) throw new RunSetupError(error.message);
    throw error;
  }
  try {
    removeUnfinishedTables(loaded.outputDir);
    return await analyzeLockedCorpus(loaded, options);
  } finally {
    lock.release();
  }
}

async function analyzeLockedCorpus(loaded: LoadedConfig, options: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const startedAt = (options.now ?? (() => new Date()))();
  const { config, corpusDir, outputDir } = loaded;

  const ingest = ingestOptions(config);
  const hash = configHash(config);
  const previous = readManifest(outputDir);
  const sameConfig = previous?.config_hash === hash;
  const jsonDir = path.join(outputDir, 'json');
  // The previous run's JSON is read in the layout it was written in; this run's goes in `outputs.json`'s.
  const previousJson = openArticleJson(outputDir, previousJsonLayout(previous));
  const json = createArticleJsonWriter(outputDir, config.outputs.json, previousJson);
  const tables = enabledTables(config);
  const context: TaskContext = { jsonDir, config, tables };
  const runner: ArticleRunner = new ThreadArticleRunner(context, workerCount(config));
  // Every article will be analyzed: worker threads load their models while this thread scans the corpus
  // (not when other processes analyze: the runner then only takes an article whose previous JSON is damaged).
  if ((options.force || !sameConfig) && !options.remote) runner.prepare();
  // Until the run's own try/finally below, a failure must still stop the threads (else the process stays up).
  const orStopRunner = async <T>(step: () => T | Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      await runner.close();
      throw error;
    }
  };
  const scan = await orStopRunner(() => scanCorpusCached(corpusDir, ingest, sameConfig && !options.force ? (previous?.files ?? null) : null));
  const previousCsv = config.outputs.csv && sameConfig && !options.force ? PreviousCsv.open(outputDir, tables, previous) : null;
  const sink: RowSink | null = config.outputs.csv ? await orStopRunner(() => new CsvFileSink(outputDir, [...tables, 'errors'])) : null;
  const plan = new IncrementalPlan({
    corpusDir,
    previousJson,
    config,
    ingest,
    previous,
    sameConfig,
    force: options.force ?? false,
    only: options.only && options.only.length > 0 ? new Set(options.only) : null,
    canCopyRows: previousCsv !== null,
    tables,
  });
  const manifest = new ManifestWriter(outputDir);
  const results = new RunResults(sink, previousCsv, tables, json, scan.errors, manifest);

  /** Articles handed to `options.remote`: their rows are built from the JSON a worker wrote. */
  const submitted = new Set<string>();
  const remoteStep = async (remote: RemoteAnalysis, ref: ScannedRef): Promise<Step> => {
    const outcome = await remote.outcome(ref);
    if (outcome.kind === 'rejected') return { kind: 'rejected', error: outcome.error };
    const sourcePath = ref.line === null ? ref.relPath : `${ref.relPath}:${ref.line}`;
    const jsonPath = remoteResultFile(jsonDir, config.outputs.json, ref.id);
    let jsonText: string | null = null;
    try {
      jsonText = readFileSync(jsonPath, 'utf8');
    } catch {
      // reported below
    }
    const rows = jsonText === null ? null : csvFromWorkerJson(jsonText, ref.id, tables);
    if (!rows) throw new RemoteResultMissingError(`a worker reported ${sourcePath} done, but ${jsonPath} cannot be read here: every machine must see the output folder at the same path`);
    // In jsonl (and none) the hand-over file is not the output: the JSON writer stores the text.
    const handOver = analyzedJsonFile(jsonDir, config.outputs.json, ref.id) === null ? { jsonText: jsonText! } : {};
    return { kind: 'written', id: ref.id, sourcePath, contentHash: ref.contentHash, ...handOver, ...rows };
  };

  const stepOf = (ref: ScannedRef): Promise<Step> => {
    if (options.remote && submitted.has(ref.id)) return remoteStep(options.remote, ref);
    const planned = plan.decide(ref);
    if (planned.kind !== 'analyze') return Promise.resolve(planned);
    // An article the worker pool had to stop (over the time budget) is rejected like bad input.
    return runner.run({ raw: planned.raw }).then((outcome): Step => (outcome.kind === 'failed' ? { kind: 'rejected', error: { articleId: ref.id, file: ref.relPath, line: ref.line, reason: outcome.reason } } : outcome));
  };

  try {
    // Remote analysis: every article that needs it is handed over before the first result is awaited.
    if (options.remote) {
      const needed = scan.refs.filter((ref) => plan.listed(ref) && plan.kept(ref) === null);
      for (const ref of needed) submitted.add(ref.id);
      await options.remote.submit(needed);
    }
    // The reorder buffer: results are awaited in id order, at most `runner.window` ahead of the writer.
    const window: Array<{ ref: ScannedRef; step: Promise<Step> }> = [];
    let done = 0;
    const next = async (): Promise<void> => {
      const head = window.shift()!;
      results.record(await head.step);
      options.onProgress?.({ done: ++done, total: scan.refs.length, id: head.ref.id });
    };
    for (const ref of scan.refs) {
      const step = stepOf(ref);
      step.catch(() => undefined); // awaited in order below; this only keeps an early failure from going unhandled
      window.push({ ref, step });
      // The window shrinks once the workers have loaded, and the buffer then drains down to it.
      const full = window.length >= runner.window;
      while (window.length >= runner.window) await next();
      // Let finished workers hand back their results and take new articles before the next one.
      if (!full && runner.parallel) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    while (window.length > 0) await next();
    results.writeErrors();
    results.addRejectedToManifest();
    sink?.commit();
    json.commit();
  } catch (error) {
    sink?.abort();
    json.abort();
    manifest.abort();
    throw error;
  } finally {
    previousCsv?.close();
    previousJson.close();
    await runner.close();
  }

  // articles.csv needs every article's signature: it is built once all rows are in, before the manifest,
  // so a run that fails here is not recorded as done.
  let duplicates = 0;
  try {
    const stories = sink ? (await writeArticlesTable(outputDir, config.aggregate.duplicateThreshold)).summary : null;
    // The series reads the finished articles.csv (stories, publication dates) and events.csv.
    if (sink) await writeDyadSeriesTable(outputDir, seriesOptions(config));
    // Typed copies of the finished tables; before the manifest, so a run that fails here is not recorded as done.
    if (sink) await writeColumnarOutputs(outputDir, config, [...tables, 'errors']);
    await manifest.finish(
      {
        tool: 'article-pipeline',
        version: TOOL_VERSION,
        config_hash: hash,
        json_layout: config.outputs.json,
        started_at: startedAt.toISOString(),
        ...(sink ? { csv_files: sink.files() } : {}),
      },
      scan.files,
    );
    duplicates = stories?.duplicates ?? 0;
  } catch (error) {
    manifest.abort();
    throw error;
  }
  // The workers' hand-over files are read and the run is recorded: a restarted coordinator no longer needs them.
  if (options.remote) removeIncoming(jsonDir);

  const stats = runner.stats;
  return {
    total: scan.refs.length + scan.errors.length,
    ...results.counts,
    errors: results.errors,
    elapsedMs: Date.now() - started,
    outputDir,
    workers: stats.threads,
    workerStartupMs: stats.startupMs,
    analyzedInMainThread: stats.inMain,
    workersLost: stats.lost,
    duplicates,
  };
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

/**
 * The temporary files of tables and manifest that a killed run left (`.<name>.<pid>.<random>.tmp`, see
 * src/output/atomic-write.ts; hidden tables such as `.article-rows.csv` give `..article-rows.csv.<pid>.<random>.tmp`): this run holds the output lock, so none of them is still being written.
 * A distributed coordinator killed and started again relies on it.
 */
function removeUnfinishedTables(outputDir: string): void {
  for (const name of readdirSafe(outputDir)) if (/^\.\.?[a-z_-]+\.(csv|json)\.\d+\.[a-z0-9]+\.tmp$/u.test(name)) rmSync(path.join(outputDir, name), { force: true });
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
