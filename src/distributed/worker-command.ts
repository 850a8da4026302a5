import { fork, type ChildProcess } from 'node:child_process';
import { QueueUnavailableError } from './connection.js';
import { parseQueueUrl } from './queue-url.js';
import { runQueueWorker, WorkerRefusedError } from './worker.js';

/** What the command writes to: the CLI's io (declared here, not imported, so cli.ts and this module do not import each other). */
export interface WorkerIo {
  readonly stderr: (text: string) => void;
}

/**
 * The CLI's `worker` command. Analysis is synchronous CPU work, so `--concurrency N` means N processes:
 * this one and N - 1 children started from the same entry point, each taking one job at a time. The
 * URL reaches the children in their environment, never on their command line (the process list).
 * Exit code: 0 when stopped by SIGTERM/SIGINT, 2 on a usage error, a lost Redis or a refused run (the
 * highest of this process's and the children's).
 */
export async function workerCommand(url: string | undefined, concurrency: number, io: WorkerIo): Promise<number> {
  if (url === undefined) {
    io.stderr('article-pipeline: worker needs --queue redis://host:port[/db] (or ARTICLE_PIPELINE_QUEUE)\n');
    return 2;
  }
  const parsed = parseQueueUrl(url);
  if (!parsed.ok) {
    io.stderr(`article-pipeline: ${parsed.error}\n`);
    return 2;
  }
  const { address } = parsed;
  const children: ChildProcess[] = [];
  const childExits: Array<Promise<number>> = [];
  const entry = process.argv[1];
  if (concurrency > 1 && entry) {
    for (let i = 1; i < concurrency; i++) {
      const child = fork(entry, ['worker', '--concurrency', '1'], { env: { ...process.env, ARTICLE_PIPELINE_QUEUE: url }, stdio: 'inherit' });
      children.push(child);
      childExits.push(new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 2))));
    }
  }
  let requestStop!: () => void;
  const stop = new Promise<void>((resolve) => (requestStop = resolve));
  const onSignal = (): void => {
    for (const child of children) child.kill('SIGTERM');
    requestStop();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const say = (text: string): void => io.stderr(`article-pipeline: worker ${process.pid}: ${text}\n`);
  let code = 0;
  try {
    await runQueueWorker(address, { onNotice: say, stop });
  } catch (error) {
    if (error instanceof QueueUnavailableError || error instanceof WorkerRefusedError) {
      say(address.redact(error.message));
      code = 2;
    } else {
      say(address.redact(error instanceof Error ? (error.stack ?? error.message) : String(error)));
      code = 2;
    }
    for (const child of children) child.kill('SIGTERM');
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  for (const childCode of await Promise.all(childExits)) code = Math.max(code, childCode);
  return code;
}
