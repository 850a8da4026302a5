import { Job, Queue, QueueEvents } from 'bullmq';
import type { LoadedConfig } from '../config/load.js';
import type { IngestError } from '../ingest/corpus.js';
import { analyzeCorpus, configHash, RunSetupError, type RemoteAnalysis, type RemoteOutcome, type RunOptions, type RunSummary } from '../pipeline/analyze-corpus.js';
import type { ScannedRef } from '../pipeline/scan-cache.js';
import { TOOL_VERSION } from '../version.js';
import { connectionOptions, WatchedRedis } from './connection.js';
import { ACTIVE_RUN_KEY, jobIdOf, QUEUE_NAME, runDescriptionKey, runKeyOf, type JobArticle, type JobData, type JobResult, type RunDescription } from './protocol.js';
import type { QueueAddress } from './queue-url.js';

export interface CoordinatorOptions extends Pick<RunOptions, 'only' | 'force' | 'onProgress' | 'now'> {
  /** One-line notices for the user (queue state), already free of the password. */
  readonly onNotice?: (text: string) => void;
}

/** Jobs added to Redis per round trip, and jobs whose state is read at once. */
const ADD_CHUNK = 500;
const READ_CHUNK = 200;
/** With no queue event for this long, the coordinator reads the state of the jobs it still waits for. */
const IDLE_SWEEP_MS = 2000;

interface Batch {
  readonly jobId: string;
  readonly refs: readonly ScannedRef[];
  readonly settle: (outcomes: ReadonlyMap<string, RemoteOutcome>) => void;
}

/**
 * `run --queue`: this process scans the corpus, enqueues every article that needs analysis, waits for
 * the workers, and writes the tables and the manifest from their results, exactly as a local run would
 * (src/pipeline/analyze-corpus.ts does all of that; this supplies the `remote` analysis). Restarted with
 * the same command, it enqueues the same job ids: jobs already done are not done again.
 */
export async function runCoordinator(loaded: LoadedConfig, address: QueueAddress, options: CoordinatorOptions = {}): Promise<RunSummary> {
  const { config, corpusDir, outputDir } = loaded;
  const notice = options.onNotice ?? (() => undefined);
  const redis = new WatchedRedis(address);
  await redis.connect();
  const hash = configHash(config);
  const runKey = runKeyOf(outputDir, hash);
  const connection = connectionOptions(address);
  const queue = new Queue<JobData, JobResult, 'articles'>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  // Their connections give up like ours; `redis.lost` reports it once, so these only keep errors handled.
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  let sweeper: NodeJS.Timeout | null = null;
  try {
    await redis.guard(claimRun(redis, queue, runKey, address));
    const description: RunDescription = { runKey, toolVersion: TOOL_VERSION, configHash: hash, config, corpusDir, outputDir };
    await redis.guard(redis.client.multi().set(runDescriptionKey(runKey), JSON.stringify(description)).set(ACTIVE_RUN_KEY, runKey).exec());
    await redis.guard(events.waitUntilReady());

    const batches = new Map<string, Batch>();
    const outcomes = new Map<string, Promise<RemoteOutcome>>();
    let lastEvent = Date.now();
    const finish = (jobId: string, result: JobResult | null, failedReason: string | null): void => {
      const batch = batches.get(jobId);
      if (!batch) return;
      batches.delete(jobId);
      const rejected = new Map((result?.rejected ?? []).map((r) => [r.id, r]));
      const settled = new Map<string, RemoteOutcome>();
      for (const ref of batch.refs) {
        const rejection = rejected.get(ref.id);
        const error: IngestError | null = rejection
          ? { articleId: rejection.articleId, file: rejection.file, line: rejection.line, reason: rejection.reason }
          : failedReason !== null
            ? { articleId: ref.id, file: ref.relPath, line: ref.line, reason: `analysis failed on every attempt: ${failedReason}` }
            : null;
        settled.set(ref.id, error ? { kind: 'rejected', error } : { kind: 'written' });
      }
      batch.settle(settled);
    };
    events.on('completed', ({ jobId, returnvalue }) => {
      lastEvent = Date.now();
      finish(jobId, returnvalue as unknown as JobResult, null);
    });
    events.on('failed', ({ jobId }) => {
      lastEvent = Date.now();
      // 'failed' is also said of an attempt that will be retried: only a job in the failed set is done.
      if (batches.has(jobId)) void readStates([jobId]).catch(() => undefined);
    });

    /** Reads where jobs stand and settles those that are finished (after a restart, most are). */
    const readStates = async (jobIds: readonly string[]): Promise<void> => {
      for (let i = 0; i < jobIds.length; i += READ_CHUNK) {
        const jobs = await redis.guard(Promise.all(jobIds.slice(i, i + READ_CHUNK).map((id) => Job.fromId<JobData, JobResult, 'articles'>(queue, id))));
        const states = await redis.guard(Promise.all(jobs.map((job) => (job?.finishedOn ? job.getState() : Promise.resolve('unfinished')))));
        jobs.forEach((job, k) => {
          if (!job) return;
          if (states[k] === 'completed') finish(job.id!, job.returnvalue, null);
          else if (states[k] === 'failed') finish(job.id!, null, job.failedReason || 'unknown reason');
        });
      }
    };

    const remote: RemoteAnalysis = {
      submit: async (refs) => {
        const size = config.queue.batchSize;
        const entries: Array<{ name: 'articles'; data: JobData; opts: { jobId: string } }> = [];
        for (let i = 0; i < refs.length; i += size) {
          const group = refs.slice(i, i + size);
          const articles: JobArticle[] = group.map((r) => ({ id: r.id, relPath: r.relPath, line: r.line, byteStart: r.byteStart, byteEnd: r.byteEnd, contentHash: r.contentHash }));
          const jobId = jobIdOf(runKey, articles);
          const waiting = new Map<string, (outcome: RemoteOutcome) => void>();
          for (const ref of group) {
            const outcome = redis.guard(new Promise<RemoteOutcome>((resolve) => waiting.set(ref.id, resolve)));
            outcome.catch(() => undefined); // a lost Redis fails the run once, through the outcome awaited first
            outcomes.set(ref.id, outcome);
          }
          batches.set(jobId, { jobId, refs: group, settle: (settled) => { for (const [id, outcome] of settled) waiting.get(id)?.(outcome); } });
          entries.push({ name: 'articles', data: { run: runKey, articles }, opts: { jobId } });
        }
        const jobOptions = { attempts: config.queue.attempts, backoff: { type: 'exponential', delay: config.queue.backoffMs }, removeOnComplete: false, removeOnFail: false };
        for (let i = 0; i < entries.length; i += ADD_CHUNK) {
          await redis.guard(queue.addBulk(entries.slice(i, i + ADD_CHUNK).map((e) => ({ ...e, opts: { ...jobOptions, ...e.opts } }))));
        }
        await readStates([...batches.keys()]);
        const already = refs.length - [...batches.values()].reduce((n, b) => n + b.refs.length, 0);
        notice(`queue ${address.display}: ${refs.length} articles to analyze in ${entries.length} jobs${already > 0 ? ` (${already} already done by an earlier coordinator of this run)` : ''}`);
        sweeper = setInterval(() => {
          if (batches.size > 0 && Date.now() - lastEvent >= IDLE_SWEEP_MS) {
            lastEvent = Date.now();
            void readStates([...batches.keys()]).catch(() => undefined);
          }
        }, IDLE_SWEEP_MS / 2);
      },
      outcome: (ref) => outcomes.get(ref.id) ?? Promise.reject(new Error(`article-pipeline: ${ref.id} was never submitted to the queue`)),
    };

    const summary = await analyzeCorpus(loaded, { only: options.only, force: options.force, onProgress: options.onProgress, now: options.now, remote });
    // Outputs and manifest are in place: the run's jobs can go (a later run reads the manifest).
    await redis.guard(queue.clean(0, 0, 'completed'));
    await redis.guard(queue.clean(0, 0, 'failed'));
    await redis.guard(redis.client.multi().del(runDescriptionKey(runKey)).del(ACTIVE_RUN_KEY).exec());
    return summary;
  } finally {
    if (sweeper) clearInterval(sweeper);
    await closeQuietly([queue.close(), events.close(), redis.close()]);
  }
}

/**
 * One run per Redis database: a coordinator takes the database unless another run (another output
 * folder or config) still has jobs waiting or running there. An earlier coordinator of the same run
 * (the same command, restarted) is this run: its jobs are taken over.
 */
async function claimRun(redis: WatchedRedis, queue: Queue<JobData, JobResult, 'articles'>, runKey: string, address: QueueAddress): Promise<void> {
  const active = await redis.client.get(ACTIVE_RUN_KEY);
  if (active === null || active === runKey) return;
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  const open = Object.values(counts).reduce((a, b) => a + b, 0);
  const other = await redis.client.get(runDescriptionKey(active));
  const otherOutput = other ? (JSON.parse(other) as RunDescription).outputDir : '(unknown output folder)';
  if (open > 0) throw new RunSetupError(`another run (output ${otherOutput}) still has ${open} jobs on ${address.display}: let it finish, or give this run its own database (redis://host:port/N)`);
  // That run is over or abandoned with nothing left to do: its leftovers go.
  await queue.obliterate({ force: true });
  await redis.client.del(runDescriptionKey(active));
}

/** Closing after Redis was lost must not hang the exit: each close gets a second at most. */
async function closeQuietly(closing: ReadonlyArray<Promise<unknown>>): Promise<void> {
  await Promise.all(closing.map((p) => Promise.race([p.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())])));
}
