/**
 * `npm run bench`: throughput, memory and incremental-rerun speed of the pipeline (issue 8).
 *
 * Builds (or reuses) corpora under .bench/ from the texts in ../shared/eval, then measures, each in a
 * fresh process running the compiled package (dist/):
 *   - every stage on its own (words/s, articles/s), on the first 500 articles;
 *   - the whole run with 1 worker (the main thread) and with 2 worker threads: words/s, articles/s,
 *     peak RSS, start-up time; and checks that both outputs are byte for byte the same;
 *   - an unchanged rerun (incremental) against the full run;
 *   - peak RSS on 1,000 and 10,000 articles.
 * Prints a table and writes .bench/results.json. Options: --quick (no 10k run), --articles N;
 * --queue measures distributed runs instead (scripts/bench-queue.ts).
 * Speed lives here, never in a timed unit test.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBenchCorpus, type BenchCorpus } from './bench-corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = path.join(root, '.bench');
const evalDir = process.env.BENCH_EVAL_DIR ?? path.join(root, '..', 'shared', 'eval');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const articlesArg = argv.indexOf('--articles');
const mainCount = articlesArg >= 0 ? Number(argv[articlesArg + 1]) : 2000;

interface RunResult {
  readonly startupMs: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly summary: { ok: number; unchanged: number; rejected: number; workers: number; workerStartupMs: number | null; analyzedInMainThread: number; elapsedMs: number };
}
interface StageResult {
  readonly articles: number;
  readonly words: number;
  readonly startupMs: number;
  readonly maxRssMb: number;
  readonly stages: Array<{ stage: string; ms: number | null; cpuMs: number | null; missing?: boolean }>;
}

/** A private copy of dist/, so a build by someone else in the same tree cannot change the code mid-run. */
const snapshot = path.join(benchDir, 'snapshot');
const distCopy = path.join(snapshot, 'dist');

function child<T>(mode: 'run' | 'stages', args: object): T {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-child.mjs'), mode, JSON.stringify({ ...args, dist: distCopy })], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`bench child ${mode} failed (${result.status}):\n${result.stderr}`);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

/** One-minute load average: other processes on the machine make wall times slower, not CPU times. */
const load = (): number => Math.round(os.loadavg()[0]! * 100) / 100;

function run(corpus: BenchCorpus, output: string, workers: number, force: boolean): RunResult & { wordsPerSecond: number; articlesPerSecond: number; loadBefore: number; loadAfter: number } {
  const loadBefore = load();
  const result = child<RunResult>('run', { corpus: corpus.dir, output, workers, force });
  const seconds = result.ms / 1000;
  return { ...result, wordsPerSecond: corpus.words / seconds, articlesPerSecond: corpus.articles / seconds, loadBefore, loadAfter: load() };
}

/** Every output file but the manifest (the one file allowed to differ: it holds the start time). */
function sameOutputs(a: string, b: string): { same: boolean; files: number; firstDifference: string | null } {
  const list = (dir: string, rel = ''): string[] =>
    readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(dir, path.join(rel, e.name)) : e.name === 'manifest.json' ? [] : [path.join(rel, e.name)]));
  const filesA = list(a).sort();
  const filesB = list(b).sort();
  if (filesA.join('\n') !== filesB.join('\n')) return { same: false, files: filesA.length, firstDifference: 'different file lists' };
  for (const file of filesA) if (!readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))) return { same: false, files: filesA.length, firstDifference: file };
  return { same: true, files: filesA.length, firstDifference: null };
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function main(): void {
  if (!existsSync(path.join(root, 'dist', 'pipeline', 'analyze-corpus.js'))) throw new Error('bench: dist/ is missing: run `npm run build` first (npm run bench does)');
  if (!existsSync(evalDir)) throw new Error(`bench: ${evalDir} not found (set BENCH_EVAL_DIR to the folder with the eval .jsonl files)`);
  mkdirSync(benchDir, { recursive: true });
  rmSync(snapshot, { recursive: true, force: true });
  cpSync(path.join(root, 'dist'), distCopy, { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(snapshot, 'package.json')); // module type, version
  const log = (line: string): void => void process.stderr.write(`${line}\n`);

  log(`bench: corpora under ${benchDir}`);
  const main2k = buildBenchCorpus(evalDir, path.join(benchDir, `corpus-${mainCount}`), mainCount);
  const c1k = buildBenchCorpus(evalDir, path.join(benchDir, 'corpus-1000'), 1000);
  const c10k = quick ? null : buildBenchCorpus(evalDir, path.join(benchDir, 'corpus-10000'), 10000);
  log(`bench: ${fmt(main2k.articles)} articles, ${fmt(main2k.words)} words (${fmt(main2k.words / main2k.articles)} words/article)`);

  log('bench: stages, one at a time (first 500 articles)');
  const stages = child<StageResult>('stages', { corpus: main2k.dir, limit: 500 });

  const out = (name: string): string => path.join(benchDir, 'out', name);
  log('bench: full run, 1 worker');
  const one = run(main2k, out('w1'), 1, true);
  log('bench: full run, 2 workers');
  const two = run(main2k, out('w2'), 2, true);
  log('bench: comparing the two outputs byte for byte');
  const identical = sameOutputs(out('w1'), out('w2'));
  log('bench: unchanged rerun (incremental), 2 workers');
  const rerun = run(main2k, out('w2'), 2, false);
  log('bench: memory, 1,000 articles, 2 workers');
  const mem1k = run(c1k, out('mem-1k'), 2, true);
  let mem10k: ReturnType<typeof run> | null = null;
  let addOne: ReturnType<typeof run> | null = null;
  if (c10k) {
    log('bench: memory, 10,000 articles, 2 workers');
    mem10k = run(c10k, out('mem-10k'), 2, true);
    // Issue 16: one new article in a 10k corpus reruns in seconds (the rest reused, stories and the
    // dyad series rebuilt from the per-article rows).
    log('bench: 10,000 articles plus one new article, incremental');
    const added = path.join(c10k.dir, 'added-article.md');
    const firstArticle = readdirSync(c10k.dir, { recursive: true, withFileTypes: true }).find((f) => f.isFile() && f.name.endsWith('.md'))!;
    writeFileSync(added, readFileSync(path.join(firstArticle.parentPath, firstArticle.name), 'utf8').replace(/^id: .*$/mu, 'id: added-article'));
    try {
      addOne = run(c10k, out('mem-10k'), 2, false);
    } finally {
      rmSync(added, { force: true });
    }
    rmSync(out('mem-10k'), { recursive: true, force: true });
  }

  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
  const perStage = stages.stages.map((s) => ({
    stage: s.stage,
    ms: s.ms === null ? null : Math.round(s.ms),
    cpuMs: s.cpuMs === null ? null : Math.round(s.cpuMs),
    wordsPerSecond: s.ms === null ? null : Math.round(stages.words / (s.ms / 1000)),
    wordsPerCpuSecond: s.cpuMs === null ? null : Math.round(stages.words / (s.cpuMs / 1000)),
    articlesPerSecond: s.ms === null ? null : Math.round((stages.articles / (s.ms / 1000)) * 10) / 10,
    missing: s.missing ?? false,
  }));
  const shape = (r: ReturnType<typeof run>, c: BenchCorpus) => ({
    articles: c.articles,
    words: c.words,
    seconds: Math.round(r.ms) / 1000,
    cpuSeconds: Math.round(r.cpuMs) / 1000,
    wordsPerSecond: Math.round(r.wordsPerSecond),
    wordsPerCpuSecond: Math.round(c.words / (r.cpuMs / 1000)),
    loadAverage: [r.loadBefore, r.loadAfter],
    articlesPerSecond: Math.round(r.articlesPerSecond * 10) / 10,
    peakRssMb: Math.round(r.maxRssMb),
    startupMs: Math.round(r.startupMs),
    workerStartupMs: r.summary.workerStartupMs,
    workerThreads: r.summary.workers,
    analyzedInMainThread: r.summary.analyzedInMainThread,
    ok: r.summary.ok,
    unchanged: r.summary.unchanged,
    rejected: r.summary.rejected,
  });
  const results = {
    date: new Date().toISOString(),
    machine,
    corpus: { articles: main2k.articles, words: main2k.words, bytes: main2k.bytes, source: 'recombined from ../shared/eval' },
    stages: { articles: stages.articles, words: stages.words, perStage },
    workers1: shape(one, main2k),
    workers2: shape(two, main2k),
    speedup2Workers: Math.round((one.ms / two.ms) * 100) / 100,
    identicalOutput: identical,
    incremental: { fullSeconds: Math.round(two.ms) / 1000, rerunSeconds: Math.round(rerun.ms) / 1000, speedup: Math.round(two.ms / rerun.ms), unchanged: rerun.summary.unchanged },
    oneAddedTo10k: addOne ? { seconds: Math.round(addOne.ms) / 1000, analyzed: addOne.summary.ok, unchanged: addOne.summary.unchanged, peakRssMb: Math.round(addOne.maxRssMb) } : null,
    memory: { articles1k: shape(mem1k, c1k), articles10k: mem10k && c10k ? shape(mem10k, c10k) : null },
  };
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(benchDir, `results-${results.date.replace(/[:.]/gu, '-')}.json`), `${JSON.stringify(results, null, 2)}\n`);

  const lines = [
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}`,
    `corpus: ${fmt(main2k.articles)} articles, ${fmt(main2k.words)} words (recombined from ../shared/eval)`,
    '',
    `per stage (${stages.articles} articles, ${fmt(stages.words)} words, one core):`,
    ...perStage.map((s) =>
      s.missing
        ? `  ${s.stage.padEnd(26)} (not built yet)`
        : `  ${s.stage.padEnd(26)} ${fmt(s.wordsPerSecond ?? 0).padStart(11)} words/s ${fmt(s.articlesPerSecond ?? 0, 1).padStart(9)} articles/s ${fmt(s.wordsPerCpuSecond ?? 0).padStart(11)} words/CPU-s`,
    ),
    '',
    `whole run (load average ${load()})  words/s   articles/s   peak RSS   start-up`,
    ...[
      ['1 worker', results.workers1],
      ['2 workers', results.workers2],
    ].map(([name, r]) => {
      const x = r as typeof results.workers1;
      const startup = `${x.startupMs} ms${x.workerStartupMs === null ? '' : ` + workers ${x.workerStartupMs} ms`}`;
      return `  ${String(name).padEnd(22)} ${fmt(x.wordsPerSecond).padStart(9)} ${fmt(x.articlesPerSecond, 1).padStart(12)} ${`${x.peakRssMb} MB`.padStart(10)}   ${startup}; ${fmt(x.wordsPerCpuSecond)} words/CPU-s, load ${x.loadAverage.join('->')}`;
    }),
    `  2 workers (main thread + 1 worker thread; the main thread analyzed ${results.workers2.analyzedInMainThread} of ${results.workers2.ok}) vs 1: ${results.speedup2Workers}x; outputs byte-identical: ${identical.same ? `yes (${identical.files} files)` : `NO (${identical.firstDifference})`}`,
    '',
    `incremental: unchanged rerun ${results.incremental.rerunSeconds} s vs full ${results.incremental.fullSeconds} s: ${results.incremental.speedup}x faster`,
    `one article added to 10k: ${results.oneAddedTo10k ? `${results.oneAddedTo10k.seconds} s (${results.oneAddedTo10k.analyzed} analyzed, ${fmt(results.oneAddedTo10k.unchanged)} unchanged; stories and dyad series rebuilt)` : '(skipped: --quick)'}`,
    `memory (peak RSS, 2 workers): 1k articles ${results.memory.articles1k.peakRssMb} MB; 10k articles ${results.memory.articles10k ? `${results.memory.articles10k.peakRssMb} MB` : '(skipped: --quick)'}`,
    '',
    `results: ${path.relative(root, path.join(benchDir, 'results.json'))}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (argv.includes('--queue')) {
  const { benchQueue } = await import('./bench-queue.js');
  await benchQueue({ root, benchDir, evalDir, articles: articlesArg >= 0 ? mainCount : 600 });
} else {
  main();
}
