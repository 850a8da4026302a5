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
 * Heap limits per worker thread. V8 sizes its heap from the limit, not from what is live, so without
 * them two workers plus the main thread went over 500 MB of RSS on a 1,000-article corpus. What is live
 * in a worker is the models (~150 MB) and one article; a 1.9 MB article (311k words, the largest that
 * `ingest.maxBytes` lets through by default) runs within these limits.
 */
export const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 } as const;

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
}

interface Slot {
  readonly worker: Worker;
  /** Where the worker posts its results; read by `drain` without waiting for the event loop. */
  readonly results: MessagePort;
  /** Tasks posted to this worker and not answered yet. */
  inFlight: number;
}

/**
 * A fixed set of worker threads, each analyzing one article at a time. A task is posted at once to the
 * thread with the fewest unanswered tasks, so a thread finds its next article in its own inbox and never
 * waits for the main thread; the caller bounds how many are in flight. Results come back as promises,
 * which the caller awaits in id order (the reorder buffer).
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextSeq = 0;
  private failure: Error | null = null;
  private closed = false;
  /** Resolves when every worker has loaded its modules: the pool's start-up time. */
  readonly ready: Promise<void>;

  constructor(size: number, entry: WorkerEntry, context: TaskContext) {
    const readiness: Array<Promise<void>> = [];
    for (let i = 0; i < size; i++) {
      const channel = new MessageChannel();
      const options = { workerData: { context, results: channel.port2 } satisfies WorkerData, transferList: [channel.port2], resourceLimits: WORKER_RESOURCE_LIMITS };
      const worker =
        entry.kind === 'compiled'
          ? new Worker(entry.file, options)
          : new Worker(`import(${JSON.stringify(entry.tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.file.href)}); });`, { ...options, eval: true });
      const slot: Slot = { worker, results: channel.port1, inFlight: 0 };
      this.slots.push(slot);
      channel.port1.on('message', (message: ResultMessage) => this.settle(slot, message));
      channel.port1.unref();
      readiness.push(
        new Promise<void>((resolve) => {
          worker.on('message', (message: { ready?: boolean }) => {
            if (message.ready) resolve();
          });
          worker.on('error', (error) => {
            resolve();
            this.fail(error instanceof Error ? error : new Error(String(error)));
          });
          worker.on('exit', (code) => {
            resolve();
            if (!this.closed) this.fail(new Error(`article-pipeline: a worker thread stopped unexpectedly (exit code ${code})`));
          });
        }),
      );
    }
    this.ready = Promise.all(readiness).then(() => undefined);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Tasks given and not yet answered (running or waiting), after taking in every result already sent. */
  get queued(): number {
    this.drain();
    return this.pending.size;
  }

  /** Takes in the results that workers have sent, without waiting for the event loop to deliver them. */
  drain(): void {
    for (const slot of this.slots) {
      for (let received = receiveMessageOnPort(slot.results); received !== undefined; received = receiveMessageOnPort(slot.results)) {
        this.settle(slot, received.message as ResultMessage);
      }
    }
  }

  private settle(slot: Slot, message: ResultMessage): void {
    slot.inFlight--;
    const waiting = this.pending.get(message.seq);
    this.pending.delete(message.seq);
    if (message.error !== undefined) waiting?.reject(new Error(`article-pipeline: worker failed: ${message.error}`));
    else waiting?.resolve(message.outcome!);
  }

  run(task: ArticleTask): Promise<ArticleOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.nextSeq++;
    const promise = new Promise<ArticleOutcome>((resolve, reject) => this.pending.set(seq, { resolve, reject }));
    // Messages posted before a worker has loaded wait in its inbox.
    const slot = this.slots.reduce((best, candidate) => (candidate.inFlight < best.inFlight ? candidate : best));
    slot.inFlight++;
    slot.worker.postMessage({ seq, task });
    return promise;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    for (const slot of this.slots) slot.results.close();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
