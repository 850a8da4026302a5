import { availableParallelism } from 'node:os';
import type { PipelineConfig } from '../config/schema.js';
import type { ArticleOutcome, ArticleTask, TaskContext } from './corpus-task.js';
import { findWorkerEntry, WorkerPool } from './worker-pool.js';

/**
 * What analyzes a corpus run's articles. The run hands it each article that needs analysis, in id
 * order, and awaits the outcomes in the same order through a reorder buffer of `window` results; where
 * the analysis happens (this thread, worker threads, other machines) is the runner's business. Each
 * outcome is what `runArticleTask` returns: the article's JSON is written, its CSV rows come back as text.
 */
export interface ArticleRunner {
  run(task: ArticleTask): Promise<ArticleOutcome>;
  /** How many results may wait in the reorder buffer now. */
  readonly window: number;
  /** True when the work is shared with other threads or processes: the run then yields to the event loop between articles. */
  readonly parallel: boolean;
  /** Every article will be analyzed: start loading what the analysis needs while the corpus is scanned. */
  prepare(): void;
  close(): Promise<void>;
  readonly stats: RunnerStats;
}

export interface RunnerStats {
  /** Worker threads started besides the main thread. */
  readonly threads: number;
  /** Time for the worker threads to load their modules, or null without workers. */
  readonly startupMs: number | null;
  /** Articles analyzed in the main thread. */
  readonly inMain: number;
  /** Workers that died; their articles were analyzed in the main thread. */
  readonly lost: number;
}

/** Worker threads for a config: `concurrency` 0 means one per core. */
export function workerCount(config: PipelineConfig): number {
  return config.concurrency === 0 ? availableParallelism() : config.concurrency;
}

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

/**
 * Runs article tasks in this process. Under a time budget N worker threads analyze every article (see
 * `WorkerPool`). Without one: with one worker the main thread analyzes every article; with N > 1 the main
 * thread is one of the N analysts and N - 1 worker threads are the others: each thread loads the
 * models once (a thread costs ~1.4 CPU-seconds to start), and the main thread, which loaded them anyway,
 * analyzes whenever every worker already has `QUEUE_PER_THREAD` articles given (one running, the rest
 * waiting). Threads start on the first article that needs analysis, so a rerun with nothing to analyze
 * starts none.
 */
export class ThreadArticleRunner implements ArticleRunner {
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

  get stats(): RunnerStats {
    return { threads: this.threads, startupMs: this.startupMs, inMain: this.inMain, lost: this.lost };
  }

  run(task: ArticleTask): Promise<ArticleOutcome> {
    this.startWorkers();
    if (this.pool && (this.budgeted || (this.pool.size > 0 && this.pool.queued < this.pool.size * QUEUE_PER_THREAD))) return this.pool.run(task);
    return this.runHere(task);
  }

  /** Starts the worker threads now rather than on the first article (once): N - 1 beside the main thread, or N under a time budget. */
  prepare(): void {
    this.startWorkers();
  }

  private startWorkers(): void {
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
