/**
 * `npm run bench:scale [-- --articles N] [--workers N] [--runs plain,parquet,sharded]`: what the outputs
 * for large corpora cost (issue 18) on N articles (default 100,000): the bench corpus (scripts/bench-corpus.ts,
 * 2,000 distinct documents) repeated with new ids, so every article is analyzed as a new one.
 *
 * Three runs, each in a fresh process on the compiled package (a private copy of dist/), each adding one
 * output to the one before:
 *   - plain:   CSV tables only (`outputs.json` "none");
 *   - parquet: + `outputs.parquet` (typed Parquet copies of every table);
 *   - sharded: + `outputs.json` "sharded" (json/<2 hex>/<id>.json): the configuration with both on.
 * Reports wall and CPU time, what each output adds over the run before it, peak RSS (target < 500 MB)
 * and the largest number of files in one JSON folder. Results go to .bench/scale-results.json.
 * Speed lives here, never in a timed unit test.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBenchCorpus } from './bench-corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = path.join(root, '.bench');
const evalDir = process.env.BENCH_EVAL_DIR ?? path.join(root, '..', 'shared', 'eval');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const articles = Number(option('--articles') ?? 100_000);
const workers = Number(option('--workers') ?? 2);
const BASE = 2000;

const RUNS = {
  plain: { json: 'none', parquet: false },
  parquet: { json: 'none', parquet: true },
  sharded: { json: 'sharded', parquet: true },
} as const;
type RunName = keyof typeof RUNS;
const runNames = (option('--runs') ?? 'plain,parquet,sharded').split(',') as RunName[];
for (const name of runNames) if (!(name in RUNS)) throw new Error(`bench:scale: unknown run ${name} (plain, parquet, sharded)`);

interface ChildResult {
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly summary: { ok: number; rejected: number; workers: number };
}

/** The base corpus's documents repeated under new ids (`scale-0000000`, ...), 1,000 per folder. */
function buildScaleCorpus(count: number): string {
  const dir = path.join(benchDir, `scale-corpus-${count}`);
  const stamp = path.join(dir, '.scale-corpus.json');
  const key = JSON.stringify({ version: 1, count, base: BASE });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return dir;
  const base = buildBenchCorpus(evalDir, path.join(benchDir, `corpus-${BASE}`), BASE);
  const sources: string[] = [];
  for (const sub of readdirSync(base.dir).sort()) {
    if (sub.startsWith('.')) continue;
    for (const file of readdirSync(path.join(base.dir, sub)).sort()) sources.push(readFileSync(path.join(base.dir, sub, file), 'utf8'));
  }
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const id = `scale-${String(i).padStart(7, '0')}`;
    const text = sources[i % sources.length]!.replace(/^id: .*$/mu, `id: ${id}`);
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(4, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${id}.md`), text);
  }
  writeFileSync(stamp, key);
  return dir;
}

function largestFolder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let largest = 0;
  const visit = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true });
    largest = Math.max(largest, entries.filter((e) => e.isFile()).length);
    for (const e of entries) if (e.isDirectory()) visit(path.join(d, e.name));
  };
  visit(dir);
  return largest;
}

const load = (): number => Math.round(os.loadavg()[0]! * 100) / 100;
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function main(): void {
  if (!existsSync(path.join(root, 'dist', 'pipeline', 'analyze-corpus.js'))) throw new Error('bench:scale: dist/ is missing: run `npm run build` first (npm run bench:scale does)');
  const snapshot = path.join(benchDir, `scale-snapshot-${process.pid}`);
  cpSync(path.join(root, 'dist'), path.join(snapshot, 'dist'), { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(snapshot, 'package.json'));
  const t0 = Date.now();
  const corpus = buildScaleCorpus(articles);
  console.log(`corpus: ${fmt(articles)} articles in ${corpus} (${fmt((Date.now() - t0) / 1000, 1)} s to build or check)`);
  const results: Array<{ run: RunName; outputs: object; ms: number; cpuMs: number; maxRssMb: number; ok: number; rejected: number; largestJsonFolder: number; loadBefore: number; loadAfter: number }> = [];
  try {
    for (const name of runNames) {
      const output = path.join(benchDir, `scale-out-${name}`);
      rmSync(output, { recursive: true, force: true });
      const loadBefore = load();
      const child = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-child.mjs'), 'run', JSON.stringify({ corpus, output, workers, force: true, dist: path.join(snapshot, 'dist'), outputs: RUNS[name] })], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (child.status !== 0) throw new Error(`bench:scale: run ${name} failed (${child.status}):\n${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as ChildResult;
      const entry = { run: name, outputs: RUNS[name], ms: result.ms, cpuMs: result.cpuMs, maxRssMb: result.maxRssMb, ok: result.summary.ok, rejected: result.summary.rejected, largestJsonFolder: largestFolder(path.join(output, 'json')), loadBefore, loadAfter: load() };
      results.push(entry);
      console.log(`${name}: ${fmt(entry.ms / 1000, 1)} s wall, ${fmt(entry.cpuMs / 1000, 1)} CPU-s, peak RSS ${fmt(entry.maxRssMb)} MB, ${fmt(entry.ok)} ok, largest JSON folder ${fmt(entry.largestJsonFolder)} files (load ${loadBefore} -> ${entry.loadAfter})`);
      // The outputs of a run are not needed once measured (at 100k the JSON alone is gigabytes).
      rmSync(output, { recursive: true, force: true });
    }
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
  console.log(`\n${'run'.padEnd(8)} ${'wall s'.padStart(9)} ${'CPU s'.padStart(9)} ${'adds wall'.padStart(10)} ${'adds CPU'.padStart(10)} ${'peak RSS'.padStart(9)}`);
  results.forEach((r, i) => {
    const before = i > 0 ? results[i - 1] : undefined;
    const adds = (a: number, b: number | undefined): string => (b === undefined ? '' : `${a - b >= 0 ? '+' : ''}${fmt((a - b) / 1000, 1)}`);
    console.log(`${r.run.padEnd(8)} ${fmt(r.ms / 1000, 1).padStart(9)} ${fmt(r.cpuMs / 1000, 1).padStart(9)} ${adds(r.ms, before?.ms).padStart(10)} ${adds(r.cpuMs, before?.cpuMs).padStart(10)} ${`${fmt(r.maxRssMb)} MB`.padStart(9)}`);
  });
  const worst = Math.max(...results.map((r) => r.maxRssMb));
  console.log(`peak RSS ${fmt(worst)} MB: ${worst < 500 ? 'under' : 'OVER'} the 500 MB target`);
  mkdirSync(benchDir, { recursive: true });
  writeFileSync(path.join(benchDir, 'scale-results.json'), `${JSON.stringify({ articles, workers, cpus: os.cpus().length, node: process.version, results }, null, 2)}\n`);
}

main();
