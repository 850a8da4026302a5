import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { canonicalConfigJson } from '../config/load.js';
import type { LoadedConfig } from '../config/load.js';
import type { PipelineConfig } from '../config/schema.js';
import { loadArticle, type IngestError, type IngestOptions } from '../ingest/corpus.js';
import { AtomicFileWriter, writeFileAtomic } from '../output/atomic-write.js';
import { CSV_COLUMNS, type TableName } from '../output/csv-tables.js';
import { csvText } from '../output/csv-writer.js';
import { safeFileName } from '../output/file-names.js';
import { TOOL_VERSION } from '../version.js';
import { csvFromPreviousJson, type ArticleCounts } from './article-rows.js';
import type { ArticleOutcome, ArticleTask, TaskContext } from './corpus-task.js';
import { scanCorpusCached, type FileRecords, type ScannedRef } from './scan-cache.js';
import { OutputLockedError, takeOutputLock } from './output-lock.js';
import { findWorkerEntry, WorkerPool } from './worker-pool.js';

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
 * sees): the run hands over every article that needs analysis at once, then awaits each outcome in id
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
}

/** Where an article's rows sit in the previous run's CSV files: [byte offset, byte length] per table. */
type RowRanges = Partial<Record<TableName, readonly [number, number]>>;

interface ManifestArticle {
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

interface Manifest {
  readonly tool: string;
  readonly version: string;
  readonly config_hash: string;
  readonly started_at: string;
  /** Size and modification time of each CSV file as written: a CSV edited since is never copied from. */
  readonly csv_files?: Partial<Record<TableName, { readonly bytes: number; readonly mtime_ms: number }>>;
  readonly articles: readonly ManifestArticle[];
  /** Every corpus file's size, modification time and scan result: an unchanged file is not read again. */
  readonly files?: FileRecords;
}

/**
 * Only what changes the analysis enters the config hash: paths, concurrency, the time budget, the queue
 * settings and the report switch do not, so moving the output folder or adding workers does not force a
 * full rerun.
 */
export function configHash(config: PipelineConfig): string {
  const { corpus: _corpus, output: _output, concurrency: _concurrency, queue: _queue, outputs, limits, ...analysis } = config;
  // The time budget decides whether an article is analyzed, never what its analysis holds.
  return createHash('sha256')
    .update(`${TOOL_VERSION}\n${canonicalConfigJson({ ...analysis, limits: { ...limits, articleSeconds: 0 }, outputs: { ...outputs, report: false } } as PipelineConfig)}`)
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

/**
 * Kept for the CLI's `annotate` and the library index, which import it from here. Once they import
 * `./process-article.js` (lazily in the CLI), this line goes, and a corpus run loads the models only
 * where articles are analyzed: not in an unchanged rerun, not in the main thread's scan.
 */

/** Worker threads for a config: `concurrency` 0 means one per core. */
export function workerCount(config: PipelineConfig): number {
  return config.concurrency === 0 ? availableParallelism() : config.concurrency;
}

/** An article ready to be written, in id order. */
type Step =
  | Exclude<ArticleOutcome, { kind: 'failed' }>
  | { readonly kind: 'rejected'; readonly error: IngestError }
  | { readonly kind: 'skipped'; readonly id: string }
  | { readonly kind: 'reused'; readonly id: string; readonly entry: ManifestArticle }
  | { readonly kind: 'unchanged'; readonly id: string; readonly entry: ManifestArticle; readonly csv: Partial<Record<TableName, string>>; readonly counts: ArticleCounts };

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
  mkdirSync(jsonDir, { recursive: true });
  const tableNames = enabledTables(config);
  const context: TaskContext = { jsonDir, config, tables: tableNames };
  const runner = new ArticleRunner(context, workerCount(config));
  // Every article will be analyzed: worker threads load their models while this thread scans the corpus.
  if ((options.force || !sameConfig) && !options.remote) runner.startWorkers();
  // Until the run's own try/finally below, a failure must still stop the threads (else the process stays up).
  const orStopWorkers = async <T>(step: () => T): Promise<T> => {
    try {
      return step();
    } catch (error) {
      await runner.close();
      throw error;
    }
  };
  const scan = await orStopWorkers(() => scanCorpusCached(corpusDir, ingest, sameConfig && !options.force ? (previous?.files ?? null) : null));
  const errors: IngestError[] = [...scan.errors];
  // Rejected entries can share an id with a good article (a duplicate id), so only written ones count.
  const written = (previous?.articles ?? []).filter((a) => a.status !== 'rejected');
  const previousById = new Map((sameConfig ? written : []).map((a) => [a.id, a]));
  const anyPrevious = new Map(written.map((a) => [a.id, a]));
  const only = options.only && options.only.length > 0 ? new Set(options.only) : null;

  const previousCsv = config.outputs.csv && sameConfig && !options.force ? PreviousCsv.open(outputDir, tableNames, previous) : null;
  const sink = config.outputs.csv ? await orStopWorkers(() => new CsvSink(outputDir, [...tableNames, 'errors'])) : null;
  const manifestArticles: ManifestArticle[] = [];
  const counts = { ok: 0, unchanged: 0, rejected: scan.errors.length, sentences: 0, entities: 0, timexes: 0, tensionCues: 0 };

  const isListed = (ref: ScannedRef): boolean => only === null || only.has(ref.id);
  const jsonPathOf = (id: string): string => path.join(jsonDir, `${safeFileName(id)}.json`);
  /** The previous run's entry when this article's outputs can be kept as they are. */
  const keptEntry = (ref: ScannedRef): ManifestArticle | null => {
    const listed = isListed(ref);
    const before = options.force ? undefined : listed ? previousById.get(ref.id) : anyPrevious.get(ref.id);
    if (!before) return null;
    const sourcePath = ref.line === null ? ref.relPath : `${ref.relPath}:${ref.line}`;
    const same = sourcePath === before.source_path && (!listed || ref.contentHash === before.content_hash);
    return same && (!config.outputs.json || existsSync(jsonPathOf(ref.id))) ? before : null;
  };

  const submitted = new Set<string>();
  const remoteStep = async (ref: ScannedRef): Promise<Step> => {
    const outcome = await options.remote!.outcome(ref);
    if (outcome.kind === 'rejected') return { kind: 'rejected', error: outcome.error };
    const rows = csvFromPreviousJson(jsonPathOf(ref.id), tableNames);
    if (!rows) throw new RemoteResultMissingError(`a worker reported ${ref.relPath}${ref.line === null ? '' : `:${ref.line}`} done, but ${jsonPathOf(ref.id)} cannot be read here: every machine must see the output folder at the same path`);
    return { kind: 'written', id: ref.id, sourcePath: ref.line === null ? ref.relPath : `${ref.relPath}:${ref.line}`, contentHash: ref.contentHash, ...rows };
  };

  /** Decides what an article needs: an unchanged one is settled here, the others go to the runner. */
  const plan = (ref: ScannedRef): Promise<Step> => {
    const listed = isListed(ref);
    const before = keptEntry(ref);
    if (before) {
      if (previousCsv && sameConfig && before.csv && before.counts) return Promise.resolve({ kind: 'reused', id: ref.id, entry: before });
      const rebuilt = config.outputs.json ? csvFromPreviousJson(jsonPathOf(ref.id), tableNames) : null;
      if (rebuilt) return Promise.resolve({ kind: 'unchanged', id: ref.id, entry: before, ...rebuilt });
    }
    if (submitted.has(ref.id)) return remoteStep(ref);
    // Not handed over (a damaged previous JSON, or not listed): read and, if listed, analyzed here.
    const loadedArticle = loadArticle(corpusDir, ref, ingest);
    if (!loadedArticle.ok) return Promise.resolve({ kind: 'rejected', error: loadedArticle.error });
    if (!listed) return Promise.resolve({ kind: 'skipped', id: ref.id });
    // An article the worker pool had to stop (over the time budget) is rejected like bad input.
    return runner.run({ raw: loadedArticle.article }).then((outcome): Step => (outcome.kind === 'failed' ? { kind: 'rejected', error: { articleId: ref.id, file: ref.relPath, line: ref.line, reason: outcome.reason } } : outcome));
  };

  const record = (step: Step): void => {
    if (step.kind === 'rejected') {
      errors.push(step.error);
      counts.rejected++;
      return;
    }
    if (step.kind === 'skipped') return;
    let ranges: RowRanges = {};
    let articleCounts: ArticleCounts;
    let entry: Omit<ManifestArticle, 'status' | 'counts' | 'csv'>;
    if (step.kind === 'reused') {
      ranges = sink && previousCsv ? previousCsv.copyTo(sink, step.entry.csv ?? {}) : {};
      articleCounts = step.entry.counts!;
      entry = step.entry;
    } else {
      if (sink) for (const table of tableNames) Object.assign(ranges, sink.append(table, step.csv[table]));
      articleCounts = step.counts;
      entry = step.kind === 'written' ? { id: step.id, source_path: step.sourcePath, content_hash: step.contentHash, json: '' } : step.entry;
    }
    const status: ArticleStatus = step.kind === 'written' ? 'ok' : 'unchanged';
    counts[status]++;
    counts.sentences += articleCounts.sentences;
    counts.entities += articleCounts.entities;
    counts.timexes += articleCounts.timexes;
    counts.tensionCues += articleCounts.tensionCues;
    const json = config.outputs.json ? `json/${safeFileName(entry.id)}.json` : null;
    manifestArticles.push({ id: entry.id, source_path: entry.source_path, content_hash: entry.content_hash, status, json, counts: articleCounts, ...(sink ? { csv: ranges } : {}) });
  };

  try {
    // Remote analysis: every article that needs it is handed over before the first result is awaited.
    if (options.remote) {
      const needed = scan.refs.filter((ref) => isListed(ref) && keptEntry(ref) === null);
      for (const ref of needed) submitted.add(ref.id);
      await options.remote.submit(needed);
    }
    // The reorder buffer: results are awaited in id order, at most `runner.window` ahead of the writer.
    const window: Array<{ ref: ScannedRef; step: Promise<Step> }> = [];
    let done = 0;
    const next = async (): Promise<void> => {
      const head = window.shift()!;
      record(await head.step);
      options.onProgress?.({ done: ++done, total: scan.refs.length, id: head.ref.id });
    };
    for (const ref of scan.refs) {
      const step = plan(ref);
      step.catch(() => undefined); // awaited in order below; this only keeps an early failure from going unhandled
      window.push({ ref, step });
      // The window shrinks once the workers have loaded, and the buffer then drains down to it.
      const full = window.length >= runner.window;
      while (window.length >= runner.window) await next();
      // Let finished workers hand back their results and take new articles before the next one.
      if (!full && runner.parallel) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    while (window.length > 0) await next();
    errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    sink?.append('errors', errors.length > 0 ? csvText(errors.map((e) => [e.articleId, e.file, e.line, e.reason])) : undefined);
    sink?.commit();
  } catch (error) {
    sink?.abort();
    throw error;
  } finally {
    previousCsv?.close();
    await runner.close();
  }

  removeStaleJson(jsonDir, new Set(manifestArticles.map((a) => a.json).filter((j): j is string => j !== null).map((j) => path.basename(j))));
  for (const e of errors) manifestArticles.push({ id: e.articleId ?? '', source_path: e.line === null ? e.file : `${e.file}:${e.line}`, content_hash: '', status: 'rejected', json: null });
  const manifest: Manifest = {
    tool: 'article-pipeline',
    version: TOOL_VERSION,
    config_hash: hash,
    started_at: startedAt.toISOString(),
    ...(sink ? { csv_files: sink.files() } : {}),
    articles: manifestArticles,
    files: scan.files,
  };
  writeFileAtomic(path.join(outputDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  return { total: scan.refs.length + scan.errors.length, ...counts, errors, elapsedMs: Date.now() - started, outputDir, workers: runner.threads, workerStartupMs: runner.startupMs, analyzedInMainThread: runner.inMain, workersLost: runner.lost };
}

/**
 * Runs article tasks. Under a time budget N worker threads analyze every article (see `WorkerPool`).
 * Without one: with one worker the main thread analyzes every article; with N > 1 the main
 * thread is one of the N analysts and N - 1 worker threads are the others: each thread loads the
 * models once (a thread costs ~1.4 CPU-seconds to start), and the main thread, which loaded them anyway,
 * analyzes whenever every worker already has `QUEUE_PER_THREAD` articles given (one running, the rest
 * waiting). Threads start on the first article that needs analysis, so a rerun with nothing to analyze
 * starts none.
 */
/**
 * Four, not two: while the main thread analyzes one article a worker must not run dry, and with one
 * article running and one waiting it did whenever the main thread's article was longer than the
 * worker's next two. Articles waiting are their raw text only.
 */
const QUEUE_PER_THREAD = 4;
/**
 * The reorder buffer's size while the worker threads are still loading (~1.5-2 s). The first articles go to
 * their inboxes, and with the steady-state window (8 per thread) the main thread, having analyzed the next
 * fourteen, would then wait for a worker to load before writing anything: a second and more of a
 * two-worker run spent idle. Results waiting here are CSV text (~15 KB per article), so 256 cost ~4 MB.
 */
const STARTUP_WINDOW = 256;

class ArticleRunner {
  private pool: WorkerPool | null = null;
  private poolTried = false;
  private poolStarted = 0;
  private warm = false;
  private local: typeof import('./corpus-task.js') | null = null;
  /** Worker threads started (the main thread not counted); 0 until then. */
  threads = 0;
  /** Articles analyzed in the main thread. */
  inMain = 0;
  startupMs: number | null = null;
  private readonly steadyWindow: number;

  /** With a time budget every article is analyzed in a worker thread, where the watchdog can stop it. */
  private readonly budgetMs: number;

  constructor(
    private readonly context: TaskContext,
    private readonly size: number,
  ) {
    this.budgetMs = context.config.limits.articleSeconds * 1000;
    this.steadyWindow = this.budgetMs > 0 ? size * QUEUE_PER_THREAD : size > 1 ? size * 8 : 1;
  }

  /**
   * How many results may wait in the reorder buffer: more while the worker threads are still loading,
   * unless every article goes to them (a budget): then the window is also what waits in their inboxes.
   */
  get window(): number {
    return this.pool !== null && this.startupMs === null && !this.budgeted ? STARTUP_WINDOW : this.steadyWindow;
  }

  private get budgeted(): boolean {
    return this.pool !== null && this.budgetMs > 0;
  }

  /** True when worker threads share the work: the caller then yields to the event loop between articles. */
  get parallel(): boolean {
    return this.pool !== null;
  }

  run(task: ArticleTask): Promise<ArticleOutcome> {
    this.startWorkers();
    if (this.pool && (this.budgeted || (this.pool.size > 0 && this.pool.queued < this.pool.size * QUEUE_PER_THREAD))) return this.pool.run(task);
    return this.runHere(task);
  }

  /** Starts the worker threads (once): N - 1 beside the main thread, or N under a time budget. */
  startWorkers(): void {
    if ((this.size > 1 || this.budgetMs > 0) && !this.poolTried) {
      this.poolTried = true;
      const entry = findWorkerEntry();
      // No worker code found (source run without tsx): the main thread analyzes, with the same output.
      if (entry) {
        this.poolStarted = Date.now();
        const threads = this.budgetMs > 0 ? this.size : this.size - 1;
        this.pool = new WorkerPool(threads, entry, this.context, (lostTask) => this.runHere(lostTask), { articleMs: this.budgetMs });
        this.threads = threads;
        const pool = this.pool;
        void pool.ready.then(() => (this.startupMs = pool.readyAt - this.poolStarted));
      }
    }
  }

  /** Workers lost during the run (their articles were analyzed in the main thread). */
  get lost(): number {
    return this.pool?.lost.length ?? 0;
  }

  /** Analyzes in the main thread; the analysis modules load on the first such article, not before. */
  private async runHere(task: ArticleTask): Promise<ArticleOutcome> {
    this.local ??= await import('./corpus-task.js');
    if (!this.warm) {
      this.local.warmUp(this.context.config);
      this.warm = true;
    }
    this.inMain++;
    return this.local.runArticleTask(this.context, task);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/** The CSV files being written: rows appended in id order, each file published when the run ends. */
class CsvSink {
  private readonly writers = new Map<TableName, { writer: AtomicFileWriter; bytes: number }>();

  constructor(private readonly outputDir: string, tables: readonly TableName[]) {
    for (const table of tables) {
      const writer = new AtomicFileWriter(path.join(outputDir, `${table}.csv`));
      const header = Buffer.from(csvText([CSV_COLUMNS[table]]), 'utf8');
      writer.write(header);
      this.writers.set(table, { writer, bytes: header.length });
    }
  }

  /** Appends rows (CSV text or bytes) to a table; returns where they went. */
  append(table: TableName, data: string | Uint8Array | undefined): RowRanges {
    const target = this.writers.get(table);
    if (!target || data === undefined || data.length === 0) return {};
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    target.writer.write(bytes);
    const range = [target.bytes, bytes.length] as const;
    target.bytes += bytes.length;
    return { [table]: range };
  }

  commit(): void {
    for (const { writer } of this.writers.values()) writer.commit();
  }

  abort(): void {
    for (const { writer } of this.writers.values()) writer.abort();
  }

  /** Size and modification time of every published table, for the manifest. */
  files(): Partial<Record<TableName, { bytes: number; mtime_ms: number }>> {
    const files: Partial<Record<TableName, { bytes: number; mtime_ms: number }>> = {};
    for (const table of this.writers.keys()) {
      const stat = statSync(path.join(this.outputDir, `${table}.csv`));
      files[table] = { bytes: stat.size, mtime_ms: stat.mtimeMs };
    }
    return files;
  }
}

/** The previous run's CSV files, open for copying rows of unchanged articles. */
class PreviousCsv {
  private constructor(private readonly fds: Map<TableName, number>) {}

  /** Opens them only if every one is exactly as the previous run left it; else null (rows are rebuilt). */
  static open(outputDir: string, tables: readonly TableName[], manifest: Manifest | null): PreviousCsv | null {
    const recorded = manifest?.csv_files;
    if (!recorded) return null;
    const fds = new Map<TableName, number>();
    try {
      for (const table of tables) {
        const expected = recorded[table];
        if (!expected) throw new Error('not recorded');
        const fd = openSync(path.join(outputDir, `${table}.csv`), 'r');
        fds.set(table, fd);
        const stat = fstatSync(fd);
        if (stat.size !== expected.bytes || stat.mtimeMs !== expected.mtime_ms) throw new Error('changed');
      }
    } catch {
      for (const fd of fds.values()) closeSync(fd);
      return null;
    }
    return new PreviousCsv(fds);
  }

  copyTo(sink: CsvSink, ranges: RowRanges): RowRanges {
    const copied: RowRanges = {};
    for (const [table, fd] of this.fds) {
      const range = ranges[table];
      if (!range) continue;
      const bytes = Buffer.alloc(range[1]);
      readSync(fd, bytes, 0, range[1], range[0]);
      Object.assign(copied, sink.append(table, bytes));
    }
    return copied;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
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

/**
 * The temporary files of tables and manifest that a killed run left (`.<name>.<pid>.<random>.tmp`, see
 * src/output/atomic-write.ts): this run holds the output lock, so none of them is still being written.
 * A distributed coordinator killed and started again relies on it.
 */
function removeUnfinishedTables(outputDir: string): void {
  for (const name of readdirSafe(outputDir)) if (/^\.[a-z_]+\.(csv|json)\.\d+\.[a-z0-9]+\.tmp$/u.test(name)) rmSync(path.join(outputDir, name), { force: true });
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
