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
  const timed = async (args: readonly string[]): Promise<number> => {
    const started = Date.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
    if (code > 1) throw new Error(`bench --queue: ${args.join(' ')} exited ${code}:\n${err}`);
    return Date.now() - started;
  };
  const workers: ChildProcess[] = [];
  try {
    const results: Record<string, { seconds: number; articlesPerSecond: number; load: number }> = {};
    const record = (name: string, ms: number, loadBefore: number): void => {
      results[name] = { seconds: ms / 1000, articlesPerSecond: Math.round((corpus.articles / (ms / 1000)) * 10) / 10, load: loadBefore };
    };
    log('bench --queue: local run, 1 worker');
    let before = load();
    record('local1', await timed(['run', '--corpus', corpus.dir, '--out', outDir('local'), '--workers', '1', '--no-report', '--force']), before);
    for (const count of [1, 2]) {
      for (let i = workers.length; i < count; i++) workers.push(spawn(process.execPath, [bin, 'worker', '--queue', url], { stdio: 'ignore' }));
      log(`bench --queue: run --queue, ${count} worker process${count > 1 ? 'es' : ''}`);
      before = load();
      record(`queue${count}`, await timed(['run', '--corpus', corpus.dir, '--out', outDir(`queue-${count}`), '--no-report', '--force', '--queue', url]), before);
    }
    const identical = outputsEqual(outDir('local'), outDir('queue-1')) && outputsEqual(outDir('local'), outDir('queue-2'));
    const overheadMsPerArticle = ((results.queue1!.seconds - results.local1!.seconds) * 1000) / corpus.articles;
    const summary = {
      articles: corpus.articles,
      words: corpus.words,
      runs: results,
      speedup2Workers: Math.round((results.queue1!.seconds / results.queue2!.seconds) * 100) / 100,
      overheadMsPerArticle: Math.round(overheadMsPerArticle * 100) / 100,
      overheadShare: Math.round(((results.queue1!.seconds - results.local1!.seconds) / results.local1!.seconds) * 1000) / 1000,
      outputsByteIdentical: identical,
    };
    writeFileSync(path.join(benchDir, 'queue-results.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const lines = [
      `distributed runs, ${corpus.articles} articles (wall time from the coordinator's start to its exit, model loading included)`,
      ...Object.entries(results).map(([name, r]) => `  ${name.padEnd(8)} ${r.seconds.toFixed(1).padStart(7)} s ${r.articlesPerSecond.toFixed(1).padStart(8)} articles/s   load ${r.load}`),
      `  2 worker processes vs 1: ${summary.speedup2Workers}x`,
      `  queue overhead (1 worker vs local): ${summary.overheadMsPerArticle} ms per article, ${(summary.overheadShare * 100).toFixed(1)}% of the local run`,
      `  outputs byte-identical to the local run: ${identical ? 'yes' : 'NO'}`,
      `results: ${path.relative(root, path.join(benchDir, 'queue-results.json'))}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const w of workers) if (w.pid) process.kill(w.pid, 'SIGTERM');
    if (redis.pid) process.kill(redis.pid, 'SIGKILL');
  }
}
