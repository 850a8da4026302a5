import path from 'node:path';
import type { PipelineConfig } from '../config/schema.js';
import type { RawArticle } from '../ingest/corpus.js';
import type { ArticleTask, JsonOutcome, TaskContext } from '../pipeline/corpus-task.js';
import { findWorkerEntry, WorkerPool } from '../pipeline/worker-pool.js';

/** An article of a job analyzed: its JSON text, or stopped by the time budget (the reason for errors.csv). */
export type JobArticleOutcome = { readonly kind: 'json'; readonly json: string } | { readonly kind: 'failed'; readonly reason: string };

/**
 * How a worker process analyzes the articles of its jobs, with what a local run does for each: the same
 * JSON (`analyzeCorpusArticle`), and under a time budget (`limits.articleSeconds` > 0) the same watchdog,
 * the local run's `WorkerPool` with one worker thread. A runaway article is then stopped, its thread
 * terminated and replaced, and it fails with the local run's reason ("analysis exceeded N s
 * (limits.articleSeconds)"), so errors.csv is the same bytes. Analysis off the main thread also keeps
 * the event loop free while an article runs, so BullMQ renews the job's lock however long it takes.
 */
export interface JobAnalysis {
  analyze(raw: RawArticle): Promise<JobArticleOutcome>;
  /** Resolves when the analysis is loaded (models, lexicons) and the first article would start at once. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export async function startJobAnalysis(config: PipelineConfig, outputDir: string): Promise<JobAnalysis> {
  // The JSON comes back as text and the worker writes it through its ResultStore; `jsonDir` is where
  // such a file would be, so the pool's clean-up names the same place a local run's does.
  const context: TaskContext = { jsonDir: path.join(outputDir, 'json'), config, tables: [], deliver: 'json' };
  // The analysis modules load in this thread only when it analyzes (no budget).
  let local: Promise<(task: ArticleTask) => JsonOutcome> | null = null;
  const loadHere = (): Promise<(task: ArticleTask) => JsonOutcome> =>
    (local ??= import('../pipeline/corpus-task.js').then(({ runJsonTask, warmUp }) => {
      warmUp(config);
      return (task: ArticleTask) => runJsonTask(context, task);
    }));
  const analyzeHere = async (task: ArticleTask): Promise<JsonOutcome> => (await loadHere())(task);
  const budgetMs = config.limits.articleSeconds * 1000;
  // No worker code found (a source run without tsx): analyzed here, without a budget, as a local run does then.
  const entry = budgetMs > 0 ? findWorkerEntry() : null;
  // Under a budget the pool gives every article to its worker thread and replaces a lost one; its
  // fallback (this thread) is only there for the pool's contract.
  const pool = entry ? new WorkerPool<JsonOutcome>(1, entry, context, analyzeHere, { articleMs: budgetMs }) : null;
  const run = (task: ArticleTask): Promise<JsonOutcome> => (pool ? pool.run(task) : analyzeHere(task));
  return {
    analyze: async (raw) => {
      const outcome = await run({ raw });
      return outcome.kind === 'failed' ? { kind: 'failed', reason: outcome.reason } : { kind: 'json', json: outcome.json };
    },
    // Without a pool the models load here, before the first job is taken.
    ready: pool ? pool.ready : loadHere().then(() => undefined),
    close: async () => await pool?.close(),
  };
}
