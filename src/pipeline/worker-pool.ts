import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { replaceFileTemporary } from '../output/atomic-write.js';
import { analyzedJsonFile } from '../output/json-store.js';
import type { ArticleOutcome, ArticleTask, FailedOutcome, TaskContext } from './corpus-task.js';

/**
 * How worker threads find their code:
 * - from the compiled package (`dist/`, what `bin/article-pipeline.js` runs): `corpus-worker.js` beside
 *   this file;
 * - from source (vitest, tsx): `corpus-worker.ts`, loaded through tsx's ESM API registered inside the
 *   worker (tsx is a dev dependency, present wherever the source runs);
 * - neither (tsx missing): null, and the caller analyzes in the main thread. Output is the same either way.
 */
export type WorkerEntry = { readonly kind: 'compiled'; readonly file: URL } | { readonly kind: 'source'; readonly file: URL; readonly tsxApi: string };

export function findWorkerEntry(): WorkerEntry | null {
  const here = import.meta.url;
  if (here.endsWith('.js')) {
    const file = new URL('./corpus-worker.js', here);
    return existsSync(fileURLToPath(file)) ? { kind: 'compiled', file } : null;
  }
  const file = new URL('./corpus-worker.ts', here);
  if (!existsSync(fileURLToPath(file))) return null;
  const tsxApi = resolveTsxApi(here);
  return tsxApi ? { kind: 'source', file, tsxApi } : null;
}

function resolveTsxApi(from: string): string | null {
  try {
    // The ESM build of tsx's API; its CommonJS build cannot register the ESM loader in a worker.
    const packageJson = createRequire(from).resolve('tsx/package.json');
    const api = new URL('dist/esm/api/index.mjs', pathToFileURL(packageJson));
    return existsSync(fileURLToPath(api)) ? api.href : null;
  } catch {
    return null;
  }
}

/**
 * Heap limits per worker thread. V8 sizes a heap from its limit, not from what is live, and lets it grow
 * toward the limit on a long run: with 256 MB, a 10,000-article run peaked at 566 MB of RSS. What is live
 * in a worker is ~65 MB (models, lexicons) and one article; an article too large for the limit (a 1.9 MB
 * article needs more than 160 MB) kills its worker, and the pool hands it to the main thread.
 * The young generation (where each article's short-lived objects go) at 16 MB rather than 8: on 10,000
 * bench articles with 2 workers, 8 MB took 182 CPU-seconds and 16 MB 173, both peaking at ~433 MB of RSS;
 * 32 MB peaked at 433-479 MB over three runs, too close to the 500 MB budget.
 */
export const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 } as const;

/** What a worker thread receives as `workerData`. */
export interface WorkerData {
  readonly context: TaskContext;
  readonly results: MessagePort;
}

/** A worker says `started` (its clock) when it begins a task, then `outcome` or `error` when it ends it. */
interface ResultMessage<Outcome> {
  readonly seq: number;
  readonly started?: number;
  readonly outcome?: Outcome;
  readonly error?: string;
}

interface Pending<Outcome> {
  readonly resolve: (outcome: Outcome | FailedOutcome) => void;
  readonly reject: (error: Error) => void;
  readonly task: ArticleTask;
  slot: Slot;
  /** When the worker began this task, or null while it waits in the worker's inbox. */
  startedAt: number | null;
  /** Workers that died while running this task. */
  crashes: number;
}

interface Slot {
  readonly worker: Worker;
  /** Where the worker posts its results; read by `drain` without waiting for the event loop. */
  readonly results: MessagePort;
  /** Tasks posted to this worker and not answered yet. */
  inFlight: number;
}

export interface PoolOptions {
  /**
   * Time budget per article in milliseconds, 0 for none. With a budget, a worker still running an
   * article after it is terminated (the article becomes a `failed` outcome) and replaced; the articles
   * waiting in its inbox, and those of a worker that crashed, go to the other workers, never to the
   * main thread, where nothing could stop a runaway article.
   */
  readonly articleMs: number;
}

/** An article that crashed this many workers is given up (a `failed` outcome) under a time budget. */
const MAX_CRASHES_PER_ARTICLE = 2;

/** Workers started to replace lost ones, at most, before the main thread takes over their share. */
const MAX_REPLACEMENTS = 2;

/**
 * A set of worker threads, each analyzing one article at a time. A task is posted at once to the
 * thread with the fewest unanswered tasks, so a thread finds its next article in its own inbox and never
 * waits for the main thread; the caller bounds how many are in flight. Results come back as promises,
 * which the caller awaits in id order (the reorder buffer).
 *
 * A worker that dies (an article too large for its heap limit, or a crash) loses no article: its
 * unanswered tasks go to `fallback` (the main thread, without heap limits) and a new worker replaces it,
 * up to `MAX_REPLACEMENTS` times. With a time budget (`PoolOptions.articleMs`) a watchdog stops runaway
 * articles instead, and lost workers are always replaced (see `PoolOptions`).
 *
 * `Outcome` is what a worker answers: `ArticleOutcome` under the context's default `deliver: 'rows'`,
 * `JsonOutcome` under `deliver: 'json'` (a distributed worker); either way the pool's own answer for a
 * stopped article is a `FailedOutcome`.
 */
export class WorkerPool<Outcome = ArticleOutcome> {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending<Outcome>>();
  private nextSeq = 0;
  private replacements = 0;
  private closed = false;
  private readonly watchdog: NodeJS.Timeout | null = null;
  /** Articles stopped for exceeding the time budget. */
  overBudget = 0;
  /** Workers lost during the run, and why. */
  readonly lost: string[] = [];
  /** Resolves when every first worker has loaded its modules. */
  readonly ready: Promise<void>;
  /** When the last of the first workers was ready (its own clock, not when the main thread heard of it). */
  readyAt = 0;

  constructor(
    size: number,
    private readonly entry: WorkerEntry,
    private readonly context: TaskContext,
    private readonly fallback: (task: ArticleTask) => Promise<NoInfer<Outcome> | FailedOutcome>,
    private readonly options: PoolOptions = { articleMs: 0 },
  ) {
    const readiness: Array<Promise<void>> = [];
    for (let i = 0; i < size; i++) readiness.push(this.spawn());
    this.ready = Promise.all(readiness).then(() => undefined);
    if (options.articleMs > 0) {
      // A quarter of the budget, at most 250 ms: an article is stopped at most that late.
      this.watchdog = setInterval(() => this.enforceBudget(), Math.max(10, Math.min(250, options.articleMs / 4)));
      this.watchdog.unref();
    }
  }

  private get budgeted(): boolean {
    return this.options.articleMs > 0;
  }

  /** Live worker threads. */
  get size(): number {
    return this.slots.length;
  }

  /** Tasks given and not yet answered (running or waiting), after taking in every result already sent. */
  get queued(): number {
    this.drain();
    return this.pending.size;
  }

  run(task: ArticleTask): Promise<Outcome | FailedOutcome> {
    if (this.slots.length === 0) return this.fallback(task);
    const seq = this.nextSeq++;
    const promise = new Promise<Outcome | FailedOutcome>((resolve, reject) => {
      const waiting: Pending<Outcome> = { resolve, reject, task, slot: this.slots[0]!, startedAt: null, crashes: 0 };
      this.pending.set(seq, waiting);
      this.dispatch(seq, waiting);
    });
    return promise;
  }

  /** Posts a task to the live worker with the fewest unanswered tasks. */
  private dispatch(seq: number, waiting: Pending<Outcome>): void {
    const slot = this.slots.reduce((best, candidate) => (candidate.inFlight < best.inFlight ? candidate : best));
    waiting.slot = slot;
    waiting.startedAt = null;
    slot.inFlight++;
    // Messages posted before a worker has loaded wait in its inbox.
    slot.worker.postMessage({ seq, task: waiting.task });
  }

  /** Takes in the results that workers have sent, without waiting for the event loop to deliver them. */
  drain(): void {
    for (const slot of this.slots) this.drainSlot(slot);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    for (const slot of slots) slot.results.close();
  }

  private spawn(): Promise<void> {
    const channel = new MessageChannel();
    const options = { workerData: { context: this.context, results: channel.port2 } satisfies WorkerData, transferList: [channel.port2], resourceLimits: WORKER_RESOURCE_LIMITS };
    const entry = this.entry;
    const worker =
      entry.kind === 'compiled'
        ? new Worker(entry.file, options)
        : new Worker(`import(${JSON.stringify(entry.tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.file.href)}); });`, { ...options, eval: true });
    const slot: Slot = { worker, results: channel.port1, inFlight: 0 };
    this.slots.push(slot);
    channel.port1.on('message', (message: ResultMessage<Outcome>) => this.settle(message));
    channel.port1.unref();
    return new Promise<void>((resolve) => {
      worker.on('message', (message: { ready?: boolean; at?: number }) => {
        if (!message.ready) return;
        this.readyAt = Math.max(this.readyAt, message.at ?? Date.now());
        resolve();
      });
      worker.on('error', (error) => {
        resolve();
        this.lose(slot, error instanceof Error ? error.message : String(error));
      });
      worker.on('exit', (code) => {
        resolve();
        if (!this.closed) this.lose(slot, `exit code ${code}`);
      });
    });
  }

  /**
   * Stops every article running for longer than the budget: its worker is terminated (a busy thread
   * cannot be interrupted any other way) and replaced, and the article fails with the reason that goes
   * to errors.csv. Results already sent are taken in first, so a finished article is never stopped.
   */
  private enforceBudget(): void {
    this.drain();
    const now = Date.now();
    for (const waiting of [...this.pending.values()]) {
      if (waiting.startedAt === null || now - waiting.startedAt <= this.options.articleMs) continue;
      if (!this.slots.includes(waiting.slot)) continue;
      this.overBudget++;
      const raw = waiting.task.raw;
      waiting.resolve({ kind: 'failed', id: raw.id, sourcePath: raw.sourcePath, reason: `analysis exceeded ${formatSeconds(this.options.articleMs)} s (limits.articleSeconds)` });
      this.retire(waiting.slot, `article ${raw.id} exceeded the time budget`, waiting);
    }
  }

  /** A worker died: its unanswered articles go to the main thread, and another worker takes its place. */
  private lose(slot: Slot, reason: string): void {
    this.retire(slot, reason, null);
  }

  /**
   * Takes a worker out of the pool and terminates it. `stopped` is the article it was stopped for (already
   * answered); its other unanswered articles go elsewhere: under a time budget to the other workers (the
   * one it was running when it crashed counts a crash), else to the main thread.
   */
  private retire(slot: Slot, reason: string, stopped: Pending<Outcome> | null): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    this.slots.splice(index, 1);
    this.lost.push(reason);
    if (!stopped) this.drainSlot(slot);
    slot.results.close();
    const threadId = slot.worker.threadId;
    void slot.worker.terminate();
    if (this.budgeted) {
      void this.spawn();
      for (const [seq, waiting] of [...this.pending]) {
        if (waiting.slot !== slot) continue;
        if (waiting === stopped) {
          this.pending.delete(seq);
          // A JSON file the worker was writing when it was stopped stays behind under its temporary name
          // (under `deliver: 'json'` the worker writes none: the caller does).
          const jsonFile = this.context.deliver === 'json' ? null : analyzedJsonFile(this.context.jsonDir, this.context.config.outputs.json, waiting.task.raw.id);
          if (jsonFile) rmSync(replaceFileTemporary(jsonFile, process.pid, threadId), { force: true });
          continue;
        }
        if (waiting.startedAt !== null && ++waiting.crashes >= MAX_CRASHES_PER_ARTICLE) {
          this.pending.delete(seq);
          const raw = waiting.task.raw;
          waiting.resolve({ kind: 'failed', id: raw.id, sourcePath: raw.sourcePath, reason: `analysis stopped its worker thread ${waiting.crashes} times (${reason})` });
          continue;
        }
        this.dispatch(seq, waiting);
      }
      return;
    }
    for (const [seq, waiting] of this.pending) {
      if (waiting.slot !== slot) continue;
      this.pending.delete(seq);
      this.fallback(waiting.task).then(waiting.resolve, waiting.reject);
    }
    if (this.replacements < MAX_REPLACEMENTS) {
      this.replacements++;
      void this.spawn();
    }
  }

  private drainSlot(slot: Slot): void {
    for (let received = receiveMessageOnPort(slot.results); received !== undefined; received = receiveMessageOnPort(slot.results)) {
      this.settle(received.message as ResultMessage<Outcome>);
    }
  }

  private settle(message: ResultMessage<Outcome>): void {
    const waiting = this.pending.get(message.seq);
    if (!waiting) return;
    if (message.started !== undefined) {
      waiting.startedAt = message.started;
      return;
    }
    this.pending.delete(message.seq);
    waiting.slot.inFlight--;
    if (message.error !== undefined) waiting.reject(new Error(`article-pipeline: worker failed: ${message.error}`));
    else waiting.resolve(message.outcome!);
  }
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 10) / 100);
}
