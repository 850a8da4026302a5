import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { QUEUE_NAME, type JobResult } from '../../src/distributed/protocol.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { longSentence } from '../../scripts/pathological-texts.js';
import { outputBytes, readCsv } from '../helpers/check-output.js';
import { killRunning, startCliProcess, type CliProcess } from '../helpers/cli-process.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

/**
 * The time budget per article in a distributed worker, against a real redis-server and the built CLI:
 * the runaway of test/robustness/time-budget.test.ts (100,000 words in one sentence, the sentence split
 * off, several seconds of work) against `limits.articleSeconds` 1 is stopped in the worker's analysis
 * thread, recorded in errors.csv with the local run's reason, and the same worker process goes on with
 * the jobs after it. The output folder equals a local run's byte for byte (manifest aside).
 */
const seed = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');
const seedAs = (id: string): string => seed.replace('id: us-colombia-relations', `id: ${id}`);
const SEEDS = { 'a-seed.md': seedAs('a-seed'), 'n-seed.md': seedAs('n-seed').replace('Petro', 'Gustavo Petro'), 'z-seed.md': seedAs('z-seed') };
const LIMITS = { articleSeconds: 1, maxSentenceTokens: 1_000_000 };
// One article per job, so the runaway's job is followed by jobs of its own; a short lock, so a worker
// whose event loop an article blocked would lose the job to the stalled check.
const QUEUE = { batchSize: 1, attempts: 2, backoffMs: 50, lockDurationMs: 2000, stalledIntervalMs: 500 };


/** Every process started, killed by its PID at the end if still running (a failed test leaves none). */
const started: CliProcess[] = [];

function startCli(cwd: string, args: readonly string[]): CliProcess {
  const process_ = startCliProcess(cwd, args);
  started.push(process_);
  return process_;
}

function writeConfig(dir: string, limits: object): void {
  writeFileSync(path.join(dir, 'pipeline.config.json'), JSON.stringify({ outputs: { report: false }, limits, queue: QUEUE }));
}

let redis: TestRedis;
let events: QueueEvents;
let worker: CliProcess;
/** The corpus with the runaway, and the same corpus without it. */
let dir: string;
let dir2: string;
/** Every completed job's result, in the order the queue reported them. */
const completed: JobResult[] = [];

beforeAll(async () => {
  if (!existsSync(path.resolve(import.meta.dirname, '../../dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  redis = await startRedis();
  dir = makeTempDir({ ...Object.fromEntries(Object.entries(SEEDS).map(([k, v]) => [`corpus/${k}`, v])), 'corpus/m-runaway.txt': longSentence(100_000) });
  dir2 = makeTempDir(Object.fromEntries(Object.entries(SEEDS).map(([k, v]) => [`corpus/${k}`, v])));
  writeConfig(dir, LIMITS);
  writeConfig(dir2, { ...LIMITS, articleSeconds: 0 });
  events = new QueueEvents(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
  events.on('error', () => undefined);
  events.on('completed', ({ returnvalue }) => completed.push(returnvalue as unknown as JobResult));
  await events.waitUntilReady();
  // One worker process for both runs below, started while the local reference run goes.
  worker = startCli(dir, ['worker', '--queue', redis.url]);
  const loaded = validateConfig({ corpus: 'corpus', output: 'local', concurrency: 1, outputs: { report: false }, limits: LIMITS, queue: QUEUE }, path.join(dir, 'pipeline.config.json'));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const local = await analyzeCorpus(loaded.value);
  expect(local).toMatchObject({ ok: 3, rejected: 1 });
}, 120_000);

afterAll(async () => {
  killRunning(started);
  await events?.close().catch(() => undefined);
  await redis?.kill();
});

describe('the time budget in a distributed worker', () => {
  it('stops the runaway article with the local run\'s reason, and the same worker analyzes the jobs after it', async () => {
    const coordinator = startCli(dir, ['run', '--config', 'pipeline.config.json', '--out', 'out-queue', '--queue', redis.url]);
    const code = await coordinator.exited;
    expect(code, coordinator.output()).toBe(1); // the runaway is a rejected article, as in the local run
    const errors = readCsv(path.join(dir, 'out-queue', 'errors.csv'));
    expect(errors).toEqual([{ article_id: 'm-runaway', file: 'm-runaway.txt', line: '', reason: 'analysis exceeded 1 s (limits.articleSeconds)' }]);
    expect(existsSync(path.join(dir, 'out-queue', 'json', 'm-runaway.json'))).toBe(false);
    expect(readdirSync(path.join(dir, 'out-queue', 'json')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const reference = outputBytes(path.join(dir, 'local'));
    const got = outputBytes(path.join(dir, 'out-queue'));
    expect([...got.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [file, bytes] of reference) expect(got.get(file), file).toBe(bytes);

    // One worker, jobs taken in order: the runaway's job completed (not stalled, not retried) with the
    // rejection, and the two jobs after it were analyzed by the same process, which is still running.
    const stoppedAt = completed.findIndex((r) => r.rejected.some((x) => x.id === 'm-runaway'));
    expect(stoppedAt).toBeGreaterThanOrEqual(0);
    expect(completed.slice(stoppedAt + 1).map((r) => r.written)).toEqual([1, 1]);
    expect(completed).toHaveLength(4);
    expect(worker.child.exitCode).toBeNull();
    expect(worker.output()).not.toMatch(/error|failed/iu);
  }, 120_000);

  it('without a budget (articleSeconds 0) analyzes in the worker process itself, with the same JSON', async () => {
    const coordinator = startCli(dir2, ['run', '--config', 'pipeline.config.json', '--out', 'out-unbudgeted', '--queue', redis.url]);
    const code = await coordinator.exited;
    expect(code, coordinator.output()).toBe(0);
    // The same worker process served this run too, after the budgeted one.
    expect(worker.output().match(/serving the run/gu)).toHaveLength(2);
    const reference = outputBytes(path.join(dir, 'local'));
    const got = outputBytes(path.join(dir2, 'out-unbudgeted'));
    expect([...got.keys()].filter((f) => f.startsWith('json/')).sort()).toEqual(['json/a-seed.json', 'json/n-seed.json', 'json/z-seed.json']);
    for (const file of ['json/a-seed.json', 'json/n-seed.json', 'json/z-seed.json']) expect(got.get(file), file).toBe(reference.get(file));
  }, 120_000);
});
