import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ArticleOutcome, ArticleTask, TaskContext } from './corpus-task.js';

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

interface ResultMessage {
  readonly seq: number;
  readonly outcome?: ArticleOutcome;
  readonly error?: string;
}

interface Pending {
  readonly resolve: (outcome: ArticleOutcome) => void;
  readonly reject: (error: Error) => void;
  readonly task: ArticleTask;
  readonly slot: Slot;
}

interface Slot {
  readonly worker: Worker;
  /** Where the worker posts its results; read by `drain` without waiting for the event loop. */
  readonly results: MessagePort;
  /** Tasks posted to this worker and not answered yet. */
  inFlight: number;
}

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
 * up to `MAX_REPLACEMENTS` times.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextSeq = 0;
  private replacements = 0;
  private closed = false;
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
    private readonly fallback: (task: ArticleTask) => Promise<ArticleOutcome>,
  ) {
    const readiness: Array<Promise<void>> = [];
    for (let i = 0; i < size; i++) readiness.push(this.spawn());
    this.ready = Promise.all(readiness).then(() => undefined);
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

  run(task: ArticleTask): Promise<ArticleOutcome> {
    if (this.slots.length === 0) return this.fallback(task);
    const slot = this.slots.reduce((best, candidate) => (candidate.inFlight < best.inFlight ? candidate : best));
    const seq = this.nextSeq++;
    const promise = new Promise<ArticleOutcome>((resolve, reject) => this.pending.set(seq, { resolve, reject, task, slot }));
    slot.inFlight++;
    // Messages posted before a worker has loaded wait in its inbox.
    slot.worker.postMessage({ seq, task });
    return promise;
  }

  /** Takes in the results that workers have sent, without waiting for the event loop to deliver them. */
  drain(): void {
    for (const slot of this.slots) this.drainSlot(slot);
  }

  async close(): Promise<void> {
    this.closed = true;
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
    channel.port1.on('message', (message: ResultMessage) => this.settle(message));
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

  /** A worker died: its unanswered articles go to the main thread, and another worker takes its place. */
  private lose(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    this.slots.splice(index, 1);
    this.lost.push(reason);
    this.drainSlot(slot);
    slot.results.close();
    void slot.worker.terminate();
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
      this.settle(received.message as ResultMessage);
    }
  }

  private settle(message: ResultMessage): void {
    const waiting = this.pending.get(message.seq);
    if (!waiting) return;
    this.pending.delete(message.seq);
    waiting.slot.inFlight--;
    if (message.error !== undefined) waiting.reject(new Error(`article-pipeline: worker failed: ${message.error}`));
    else waiting.resolve(message.outcome!);
  }
}
