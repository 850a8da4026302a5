import { parentPort, workerData } from 'node:worker_threads';
import { runArticleTask, runJsonTask, warmUp, type ArticleTask } from './corpus-task.js';
import type { WorkerData } from './worker-pool.js';

/**
 * Worker thread entry: receives `{ seq, task }`, says `{ seq, started }` and answers `{ seq, outcome }` or `{ seq, error }` on its
 * results port. Says `{ ready }` once its modules, models and lexicons are loaded, so start-up time
 * can be measured.
 */
const { context, results } = workerData as WorkerData;
const port = parentPort;
const runTask = context.deliver === 'json' ? runJsonTask : runArticleTask;
if (!port) throw new Error('article-pipeline: corpus-worker must run in a worker thread');

port.on('message', (message: { seq: number; task: ArticleTask }) => {
  // The pool's watchdog times the article from here, not from when it was posted.
  results.postMessage({ seq: message.seq, started: Date.now() });
  try {
    results.postMessage({ seq: message.seq, outcome: runTask(context, message.task) });
  } catch (error) {
    results.postMessage({ seq: message.seq, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
warmUp(context.config);
port.postMessage({ ready: true, at: Date.now() });
