/**
 * `npm run bench -- --queue [--articles N] [--repeat R]`: distributed runs (src/distributed) on this
 * machine. Starts its own redis-server (loopback, free port, persistence off; stopped by its PID at the
 * end), then times, on the same bench corpus, from the coordinator's start to its exit:
 *   - a local run with one worker, and with two (the references: the same work without a queue);
 *   - `run --queue` with 1 worker process, and with 2;
 *   - two independent local 1-worker runs of the whole corpus at once, into two folders: what two processes
 *     that share nothing but the machine get, the ceiling that 2 worker processes are judged against;
 * R rounds (default 2), each running every configuration once in that order, so a change of the
 * machine's load from other jobs falls on every configuration alike; the load average (1 min) is
 * recorded before and after every run. Checks that every queue output is byte for byte the local run's.
 * The queue's overhead per article is the CPU seconds of the coordinator and its 1 worker beyond the
 * local 1-worker run's, per article (CPU time is what other jobs on a shared machine change least),
 * also as a share of the local run's CPU, and in wall time; 2 workers vs 1 is the wall-time ratio.
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
  /** Rounds: every configuration runs this many times. */
  readonly repeat: number;
}

interface Run {
  readonly seconds: number;
  readonly articlesPerSecond: number;
  /** User + system CPU of the coordinator (or local run) and of every worker process. */
  readonly cpuSeconds: number;
  /** Of which the coordinator's (the local run's own for a local run), and the worker processes'. */
  readonly coordinatorCpuSeconds: number;
  readonly workerCpuSeconds: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
}

const CONFIGURATIONS = ['local1', 'local2', 'queue1', 'queue2', 'independent2'] as const;
type Configuration = (typeof CONFIGURATIONS)[number];

const round2 = (x: number): number => Math.round(x * 100) / 100;
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

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
  const { root, benchDir, evalDir, articles, repeat } = options;
  const bin = path.join(root, 'bin', 'article-pipeline.js');
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) throw new Error('bench --queue: redis-server is not installed (Debian: apt-get install -y redis-server)');
  const corpus = buildBenchCorpus(evalDir, path.join(benchDir, `corpus-${articles}`), articles);
  log(`bench --queue: ${corpus.articles} articles, ${corpus.words} words, ${repeat} rounds`);
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
  const started: ChildProcess[] = [];
  const runs: Record<Configuration, Run[]> = { local1: [], local2: [], queue1: [], queue2: [], independent2: [] };
  const measure = async (name: Configuration, workerCount: number, args: readonly string[]): Promise<void> => {
    // Each run starts from an empty output folder, so every round does the same work.
    rmSync(outDir(name), { recursive: true, force: true });
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
    const run: Run = { seconds: ms / 1000, articlesPerSecond: Math.round((corpus.articles / (ms / 1000)) * 10) / 10, cpuSeconds: round2(coordinator.cpuSeconds + workerCpu), coordinatorCpuSeconds: round2(coordinator.cpuSeconds), workerCpuSeconds: round2(workerCpu), loadBefore, loadAfter: load() };
    runs[name].push(run);
    log(`  ${name}: ${run.seconds.toFixed(1)} s, ${run.cpuSeconds} CPU-s (coordinator ${run.coordinatorCpuSeconds}, workers ${run.workerCpuSeconds}), load ${loadBefore} -> ${run.loadAfter}`);
  };
  try {
    const identical: boolean[] = [];
    for (let round = 1; round <= repeat; round++) {
      log(`bench --queue: round ${round} of ${repeat}`);
      for (const workers of [1, 2]) {
        await measure(`local${workers}` as Configuration, 0, ['run', '--corpus', corpus.dir, '--out', outDir(`local${workers}`), '--workers', String(workers), '--no-report', '--force']);
      }
      for (const workers of [1, 2]) {
        await measure(`queue${workers}` as Configuration, workers, ['run', '--corpus', corpus.dir, '--out', outDir(`queue${workers}`), '--no-report', '--force', '--queue', url]);
      }
      {
        // Both processes do the whole corpus: twice the articles in the wall time of the slower one.
        const localArgs = (dir: string): string[] => ['run', '--corpus', corpus.dir, '--out', dir, '--workers', '1', '--no-report', '--force'];
        for (const side of ['a', 'b']) rmSync(outDir(`independent-${side}`), { recursive: true, force: true });
        const loadBefore = load();
        const begin = Date.now();
        const both = await Promise.all(['a', 'b'].map((side) => startTimed(localArgs(outDir(`independent-${side}`))).done));
        const ms = Date.now() - begin;
        const failed = both.find((r) => r.code > 1);
        if (failed) throw new Error(`bench --queue: an independent run exited ${failed.code}:\n${failed.stderr}`);
        const cpu = round2(both.reduce((sum, r) => sum + r.cpuSeconds, 0));
        const run: Run = { seconds: ms / 1000, articlesPerSecond: Math.round(((2 * corpus.articles) / (ms / 1000)) * 10) / 10, cpuSeconds: cpu, coordinatorCpuSeconds: cpu, workerCpuSeconds: 0, loadBefore, loadAfter: load() };
        runs.independent2.push(run);
        log(`  independent2: ${run.seconds.toFixed(1)} s for 2 x ${corpus.articles} articles, ${run.cpuSeconds} CPU-s, load ${loadBefore} -> ${run.loadAfter}`);
      }
      identical.push(outputsEqual(outDir('local1'), outDir('queue1')) && outputsEqual(outDir('local1'), outDir('queue2')) && outputsEqual(outDir('local1'), outDir('local2')));
    }
    // Per round: CPU seconds of coordinator and worker beyond those of the local run, per article; wall
    // time likewise; and the wall-time ratio of 2 worker processes (or threads) to 1.
    const rounds = runs.local1.map((local1, i) => {
      const queue1 = runs.queue1[i]!;
      return {
        overheadCpuMsPerArticle: round2(((queue1.cpuSeconds - local1.cpuSeconds) * 1000) / corpus.articles),
        overheadCpuShare: Math.round(((queue1.cpuSeconds - local1.cpuSeconds) / local1.cpuSeconds) * 1000) / 1000,
        overheadWallMsPerArticle: round2(((queue1.seconds - local1.seconds) * 1000) / corpus.articles),
        speedup2Workers: round2(queue1.seconds / runs.queue2[i]!.seconds),
        speedup2Local: round2(local1.seconds / runs.local2[i]!.seconds),
        // Throughput of two independent processes over one's: the machine's own ceiling for 2 processes.
        speedup2Independent: round2(runs.independent2[i]!.articlesPerSecond / local1.articlesPerSecond),
      };
    });
    const summary = {
      articles: corpus.articles,
      words: corpus.words,
      cpus: os.availableParallelism(),
      runs,
      rounds,
      mean: Object.fromEntries(Object.keys(rounds[0]!).map((k) => [k, Math.round(mean(rounds.map((r) => r[k as keyof (typeof rounds)[number]])) * 1000) / 1000])),
      outputsByteIdentical: identical.every(Boolean),
    };
    writeFileSync(path.join(benchDir, 'queue-results.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const lines = [
      `distributed runs, ${corpus.articles} articles, ${corpus.words} words, ${summary.cpus} CPUs (wall time from the coordinator's start to its exit, model loading included)`,
      ...CONFIGURATIONS.flatMap((name) =>
        runs[name].map((r, i) => `  ${name.padEnd(7)} #${i + 1} ${r.seconds.toFixed(1).padStart(7)} s ${r.articlesPerSecond.toFixed(1).padStart(7)} articles/s ${r.cpuSeconds.toFixed(1).padStart(7)} CPU-s (${r.coordinatorCpuSeconds.toFixed(1)} + workers ${r.workerCpuSeconds.toFixed(1)})   load ${r.loadBefore} -> ${r.loadAfter}`),
      ),
      ...rounds.map(
        (r, i) =>
          `  round ${i + 1}: 2 worker processes vs 1 ${r.speedup2Workers}x (local 2 threads vs 1: ${r.speedup2Local}x; 2 independent processes vs 1: ${r.speedup2Independent}x); queue overhead ${r.overheadCpuMsPerArticle} CPU-ms per article (${(r.overheadCpuShare * 100).toFixed(1)}% of the local run's CPU), ${r.overheadWallMsPerArticle} wall-ms per article`,
      ),
      `  outputs byte-identical to the local run: ${summary.outputsByteIdentical ? 'yes' : 'NO'}`,
      `results: ${path.relative(root, path.join(benchDir, 'queue-results.json'))}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const child of started) if (child.exitCode === null && child.pid) spawnSync('pkill', ['-KILL', '-P', String(child.pid)]);
    if (redis.pid) process.kill(redis.pid, 'SIGKILL');
  }
}
