/**
 * `npm run bench -- --queue [--articles N]`: distributed runs (src/distributed) on this machine. Starts
 * its own redis-server (loopback, free port, persistence off; stopped by its PID at the end), then times,
 * on the same bench corpus, from the coordinator's start to its exit:
 *   - a local run with one worker (the reference: the same work without a queue);
 *   - `run --queue` with 1 worker process, and with 2;
 * and checks that every output is byte for byte the local run's. The queue's overhead per article is the
 * 1-worker queue run minus the local run, per article, also as a share of the local run's time.
 * Writes .bench/queue-results.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildBenchCorpus } from './bench-corpus.js';

interface Options {
  readonly root: string;
  readonly benchDir: string;
  readonly evalDir: string;
  readonly articles: number;
}

const load = (): number => Math.round(os.loadavg()[0]! * 100) / 100;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function outputsEqual(a: string, b: string): boolean {
  const list = (dir: string, rel = ''): string[] =>
    readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(dir, path.join(rel, e.name)) : e.name === 'manifest.json' ? [] : [path.join(rel, e.name)]));
  const files = list(a).sort();
  if (files.join('\n') !== list(b).sort().join('\n')) return false;
  return files.every((file) => readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))));
}

export async function benchQueue(options: Options): Promise<void> {
  const { root, benchDir, evalDir, articles } = options;
  const bin = path.join(root, 'bin', 'article-pipeline.js');
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) throw new Error('bench --queue: redis-server is not installed (Debian: apt-get install -y redis-server)');
  const corpus = buildBenchCorpus(evalDir, path.join(benchDir, `corpus-${articles}`), articles);
  log(`bench --queue: ${corpus.articles} articles, ${corpus.words} words`);
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}/0`;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const outDir = (name: string): string => path.join(benchDir, 'out-queue', name);
  rmSync(path.join(benchDir, 'out-queue'), { recursive: true, force: true });
  mkdirSync(path.join(benchDir, 'out-queue'), { recursive: true });
  /**
   * A process under bash's `time`, which prints its user and system CPU seconds when it exits: CPU time
   * is what other jobs on a shared machine change least, so the queue's overhead is measured in it.
   */
  const startTimed = (args: readonly string[]): { child: ChildProcess; done: Promise<{ code: number; cpuSeconds: number; stderr: string }> } => {
    const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
    const child = spawn('bash', ['-c', `TIMEFORMAT='cpu %U %S'; time ${quoted}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const done = new Promise<{ code: number; cpuSeconds: number; stderr: string }>((resolve) =>
      child.once('exit', (code) => {
        const match = /cpu ([\d.]+) ([\d.]+)\s*$/u.exec(err);
        resolve({ code: code ?? 1, cpuSeconds: match ? Number(match[1]) + Number(match[2]) : Number.NaN, stderr: err });
      }),
    );
    return { child, done };
  };
  const measure = async (name: string, workerCount: number, args: readonly string[]): Promise<void> => {
    const workers = Array.from({ length: workerCount }, () => startTimed(['worker', '--queue', url]));
    started.push(...workers.map((w) => w.child));
    const loadBefore = load();
    const begin = Date.now();
    const coordinator = await startTimed(args).done;
    const ms = Date.now() - begin;
    if (coordinator.code > 1) throw new Error(`bench --queue: ${args.join(' ')} exited ${coordinator.code}:\n${coordinator.stderr}`);
    // bash passes SIGTERM on to nothing: signal the node process, bash's only child.
    for (const w of workers) spawnSync('pkill', ['-TERM', '-P', String(w.child.pid)]);
    const workerCpu = (await Promise.all(workers.map((w) => w.done))).reduce((sum, w) => sum + w.cpuSeconds, 0);
    results[name] = { seconds: ms / 1000, articlesPerSecond: Math.round((corpus.articles / (ms / 1000)) * 10) / 10, cpuSeconds: Math.round((coordinator.cpuSeconds + workerCpu) * 100) / 100, load: loadBefore };
  };
  const started: ChildProcess[] = [];
  const results: Record<string, { seconds: number; articlesPerSecond: number; cpuSeconds: number; load: number }> = {};
  try {
    log('bench --queue: local run, 1 worker');
    await measure('local1', 0, ['run', '--corpus', corpus.dir, '--out', outDir('local'), '--workers', '1', '--no-report', '--force']);
    for (const count of [1, 2]) {
      log(`bench --queue: run --queue, ${count} worker process${count > 1 ? 'es' : ''}`);
      await measure(`queue${count}`, count, ['run', '--corpus', corpus.dir, '--out', outDir(`queue-${count}`), '--no-report', '--force', '--queue', url]);
    }
    const identical = outputsEqual(outDir('local'), outDir('queue-1')) && outputsEqual(outDir('local'), outDir('queue-2'));
    // CPU seconds of coordinator and worker beyond those of the local run, per article.
    const overheadMsPerArticle = ((results.queue1!.cpuSeconds - results.local1!.cpuSeconds) * 1000) / corpus.articles;
    const summary = {
      articles: corpus.articles,
      words: corpus.words,
      runs: results,
      speedup2Workers: Math.round((results.queue1!.seconds / results.queue2!.seconds) * 100) / 100,
      overheadMsPerArticle: Math.round(overheadMsPerArticle * 100) / 100,
      overheadShare: Math.round(((results.queue1!.cpuSeconds - results.local1!.cpuSeconds) / results.local1!.cpuSeconds) * 1000) / 1000,
      outputsByteIdentical: identical,
    };
    writeFileSync(path.join(benchDir, 'queue-results.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const lines = [
      `distributed runs, ${corpus.articles} articles (wall time from the coordinator's start to its exit, model loading included)`,
      ...Object.entries(results).map(([name, r]) => `  ${name.padEnd(8)} ${r.seconds.toFixed(1).padStart(7)} s ${r.articlesPerSecond.toFixed(1).padStart(8)} articles/s ${r.cpuSeconds.toFixed(1).padStart(7)} CPU-s   load ${r.load}`),
      `  2 worker processes vs 1: ${summary.speedup2Workers}x`,
      `  queue overhead (CPU of coordinator + 1 worker vs the local run): ${summary.overheadMsPerArticle} ms per article, ${(summary.overheadShare * 100).toFixed(1)}% of the local run's CPU`,
      `  outputs byte-identical to the local run: ${identical ? 'yes' : 'NO'}`,
      `results: ${path.relative(root, path.join(benchDir, 'queue-results.json'))}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const child of started) if (child.exitCode === null && child.pid) spawnSync('pkill', ['-KILL', '-P', String(child.pid)]);
    if (redis.pid) process.kill(redis.pid, 'SIGKILL');
  }
}
