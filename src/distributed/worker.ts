import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, Worker, type Job } from 'bullmq';
import { validateConfig } from '../config/load.js';
import type { PipelineConfig } from '../config/schema.js';
import { loadArticle, type RawArticle } from '../ingest/corpus.js';
import { configHash, ingestOptions } from '../pipeline/analyze-corpus.js';
import { TOOL_VERSION } from '../version.js';
import { connectionOptions, QueueUnavailableError, WatchedRedis } from './connection.js';
import { checkInsideCorpus } from './corpus-path.js';
import { startJobAnalysis, type JobAnalysis, type JobArticleOutcome } from './job-analysis.js';
import { ACTIVE_RUN_KEY, QUEUE_NAME, runDescriptionKey, type JobArticle, type JobData, type JobRejection, type JobResult, type RunDescription } from './protocol.js';
import type { QueueAddress } from './queue-url.js';
import { SharedFolderResultStore, type ResultStore } from './result-store.js';

/** This worker runs another tool version or config than the coordinator: it takes no job of that run. */
export class WorkerRefusedError extends Error {}

export interface QueueWorkerOptions {
  /** One-line notices for the user, already free of the password. */
  readonly onNotice?: (text: string) => void;
  /** Resolves when the worker should stop taking jobs and end after the current one (SIGTERM, SIGINT). */
  readonly stop?: Promise<void>;
}

/** How often an idle worker looks for a coordinator's run. */
const POLL_RUN_MS = 500;

/** A run this worker checked and can serve. */
interface ServedRun {
  readonly description: RunDescription;
  readonly config: PipelineConfig;
  readonly store: ResultStore;
  readonly analysis: JobAnalysis;
}

/**
 * `worker --queue URL`: waits for a coordinator's run on that Redis database, checks that it runs the
 * same tool version and config hash (else refuses, with both sides named), and analyzes jobs one at a
 * time until stopped. Each article is read from the corpus by its relative path (checked to stay inside
 * the corpus root), analyzed exactly as in a local run, and its JSON written atomically to the run's
 * output folder; input that a local run rejects is handed back as a rejection for errors.csv.
 * Resolves when stopped; throws `QueueUnavailableError` when Redis is lost, `WorkerRefusedError` on a
 * mismatch.
 */
export async function runQueueWorker(address: QueueAddress, options: QueueWorkerOptions = {}): Promise<void> {
  const notice = options.onNotice ?? (() => undefined);
  const redis = new WatchedRedis(address);
  await redis.connect();
  let stopped = false;
  const stop = (options.stop ?? new Promise<void>(() => undefined)).then(() => {
    stopped = true;
  });
  try {
    let waitingSaid = false;
    while (!stopped) {
      const runKey = await redis.guard(redis.client.get(ACTIVE_RUN_KEY));
      const text = runKey === null ? null : await redis.guard(redis.client.get(runDescriptionKey(runKey)));
      if (text === null) {
        if (!waitingSaid) notice(`waiting for a coordinator on ${address.display}`);
        waitingSaid = true;
        await Promise.race([sleep(POLL_RUN_MS), stop, redis.lost]);
        continue;
      }
      waitingSaid = false;
      const run = await prepareRun(JSON.parse(text) as RunDescription);
      try {
        notice(`serving the run writing to ${run.description.outputDir} (config ${run.description.configHash.slice(0, 12)}) from ${address.display}`);
        // Serves this run until a job of another run shows up (a new coordinator), or until stopped.
        const next = await serveRun(address, redis, run, stop);
        if (next === 'stopped') break;
      } finally {
        await run.analysis.close();
      }
    }
  } finally {
    await redis.close();
  }
}

/**
 * Checks a run against this worker's own version and schema, and loads the models for it: in the worker
 * thread that analyzes under the run's time budget, or in this thread without one.
 */
async function prepareRun(description: RunDescription): Promise<ServedRun> {
  const theirs = `the coordinator runs article-pipeline ${description.toolVersion} with config hash ${description.configHash.slice(0, 12)}`;
  if (description.toolVersion !== TOOL_VERSION) throw new WorkerRefusedError(`refusing the jobs of this run: ${theirs}, this worker is article-pipeline ${TOOL_VERSION}; install the same version on every machine`);
  const validated = validateConfig(description.config, null);
  if (!validated.ok) throw new WorkerRefusedError(`refusing the jobs of this run: ${theirs}, and its config is not valid for this worker: ${validated.errors.join('; ')}`);
  const config = validated.value.config;
  const ours = configHash(config);
  if (ours !== description.configHash) throw new WorkerRefusedError(`refusing the jobs of this run: ${theirs}, but the same config gives ${ours.slice(0, 12)} here; install the same version on every machine`);
  const analysis = await startJobAnalysis(config, description.outputDir);
  await analysis.ready;
  return { description, config, store: new SharedFolderResultStore(description.outputDir, config.outputs.json), analysis };
}

async function serveRun(address: QueueAddress, redis: WatchedRedis, run: ServedRun, stop: Promise<void>): Promise<'stopped' | 'other-run'> {
  const { config, description } = run;
  let otherRun!: () => void;
  const otherRunSeen = new Promise<void>((resolve) => (otherRun = resolve));
  const worker = new Worker<JobData, JobResult, string>(
    QUEUE_NAME,
    async (job, token) => {
      if (job.data.run !== description.runKey) {
        // A job of a newer run: hand it back untouched (no attempt counted) and switch runs.
        await job.moveToDelayed(Date.now() + POLL_RUN_MS, token);
        otherRun();
        throw new DelayedError();
      }
      return analyzeJob(job, run);
    },
    {
      connection: connectionOptions(address),
      concurrency: 1,
      lockDuration: config.queue.lockDurationMs,
      stalledInterval: config.queue.stalledIntervalMs,
      maxStalledCount: config.queue.maxStalledCount,
    },
  );
  worker.on('error', () => undefined); // a lost connection is reported once, through `redis.lost`
  try {
    const outcome = await Promise.race([stop.then(() => 'stopped' as const), otherRunSeen.then(() => 'other-run' as const), redis.lost]);
    await worker.close();
    return outcome;
  } catch (error) {
    if (error instanceof QueueUnavailableError) await Promise.race([worker.close(true).catch(() => undefined), sleep(1000)]);
    throw error;
  }
}

/**
 * The articles of one job. An article whose analysis throws makes the whole job fail while attempts
 * remain (BullMQ retries it, maybe on another worker; rewriting the others' JSON changes nothing); on
 * the last attempt it is handed back as a rejection, and the others still count as written. An article
 * stopped by the time budget is handed back at once, with the local run's reason: it would run away
 * again on any attempt.
 */
async function analyzeJob(job: Job<JobData, JobResult, string>, run: ServedRun): Promise<JobResult> {
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const { corpusDir } = run.description;
  const ingest = ingestOptions(run.config);
  const rejected: JobRejection[] = [];
  const failures: Array<{ article: JobArticle; reason: string }> = [];
  // Articles handed to the analysis while the next ones are read here (in its worker thread, under a budget).
  const analyzed: Array<{ article: JobArticle; outcome: Promise<JobArticleOutcome | { kind: 'error'; reason: string }> }> = [];
  const analyze = (article: JobArticle, raw: RawArticle): void => {
    const outcome = run.analysis.analyze(raw).catch((error: unknown) => ({ kind: 'error' as const, reason: error instanceof Error ? error.message : String(error) }));
    analyzed.push({ article, outcome });
  };
  for (const article of job.data.articles) {
    // Between articles the event loop runs, so the job's lock is renewed however long the job takes.
    await yieldToEventLoop();
    const where = { id: article.id, file: article.relPath, line: article.line };
    const size = article.byteEnd - article.byteStart;
    if (!Number.isSafeInteger(article.byteStart) || !Number.isSafeInteger(article.byteEnd) || article.byteStart < 0 || size < 0 || size > run.config.ingest.maxBytes) {
      rejected.push({ ...where, articleId: article.id, reason: `job names bytes ${article.byteStart}-${article.byteEnd} of ${article.relPath}, not an article the coordinator can have scanned: refused` });
      continue;
    }
    const inside = checkInsideCorpus(corpusDir, article.relPath);
    if (!inside.ok) {
      if (inside.outside) rejected.push({ ...where, articleId: article.id, reason: inside.reason });
      else failures.push({ article, reason: inside.reason });
      continue;
    }
    try {
      const loaded = loadArticle(corpusDir, { id: article.id, relPath: article.relPath, line: article.line, byteStart: article.byteStart, byteEnd: article.byteEnd }, ingest);
      if (!loaded.ok) {
        rejected.push({ ...where, articleId: loaded.error.articleId, file: loaded.error.file, line: loaded.error.line, reason: loaded.error.reason });
        continue;
      }
      if (loaded.article.id !== article.id || loaded.article.contentHash !== article.contentHash) {
        failures.push({ article, reason: `${loaded.article.sourcePath} changed since the coordinator scanned it; run the coordinator again` });
        continue;
      }
      analyze(article, loaded.article);
    } catch (error) {
      failures.push({ article, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  let written = 0;
  for (const { article, outcome } of analyzed) {
    const result = await outcome;
    if (result.kind === 'json') {
      try {
        run.store.writeArticleJson(article.id, result.json);
        written++;
      } catch (error) {
        failures.push({ article, reason: error instanceof Error ? error.message : String(error) });
      }
    } else if (result.kind === 'failed') rejected.push({ id: article.id, articleId: article.id, file: article.relPath, line: article.line, reason: result.reason });
    else failures.push({ article, reason: result.reason });
  }
  if (failures.length > 0 && !lastAttempt) throw new Error(failures.map((f) => `${f.article.id}: ${f.reason}`).join('; '));
  for (const { article, reason } of failures) rejected.push({ id: article.id, articleId: article.id, file: article.relPath, line: article.line, reason: `analysis failed on every attempt: ${reason}` });
  return { written, rejected };
}
