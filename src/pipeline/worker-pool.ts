import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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

interface Pending {
  readonly resolve: (outcome: ArticleOutcome) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  busy: boolean;
}

/**
 * A fixed set of worker threads, each analyzing one article at a time. Tasks queue in the order they
 * are given; results come back as promises, which the caller awaits in id order (the reorder buffer).
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ seq: number; task: ArticleTask }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextSeq = 0;
  private failure: Error | null = null;
  private closed = false;
  /** Resolves when every worker has loaded its modules: the pool's start-up time. */
  readonly ready: Promise<void>;

  constructor(size: number, entry: WorkerEntry, context: TaskContext) {
    const readiness: Array<Promise<void>> = [];
    for (let i = 0; i < size; i++) {
      const worker =
        entry.kind === 'compiled'
          ? new Worker(entry.file, { workerData: context, resourceLimits: WORKER_RESOURCE_LIMITS })
          : new Worker(`import(${JSON.stringify(entry.tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.file.href)}); });`, { eval: true, workerData: context, resourceLimits: WORKER_RESOURCE_LIMITS });
      const slot: Slot = { worker, busy: true };
      this.slots.push(slot);
      readiness.push(
        new Promise<void>((resolve) => {
          worker.on('message', (message: { ready?: boolean; seq?: number; outcome?: ArticleOutcome; error?: string }) => {
            if (message.ready) {
              resolve();
            } else if (message.seq !== undefined) {
              const waiting = this.pending.get(message.seq);
              this.pending.delete(message.seq);
              if (message.error !== undefined) waiting?.reject(new Error(`article-pipeline: worker failed: ${message.error}`));
              else waiting?.resolve(message.outcome!);
            }
            slot.busy = false;
            this.pump();
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

  /** Tasks given and not yet answered (running or waiting). */
  get queued(): number {
    return this.pending.size;
  }

  run(task: ArticleTask): Promise<ArticleOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.nextSeq++;
    const promise = new Promise<ArticleOutcome>((resolve, reject) => this.pending.set(seq, { resolve, reject }));
    this.queue.push({ seq, task });
    this.pump();
    return promise;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const next = this.queue.shift()!;
      slot.busy = true;
      slot.worker.postMessage(next);
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.queue.length = 0;
  }
}
