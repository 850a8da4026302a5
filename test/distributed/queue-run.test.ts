import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { validateConfig } from '../../src/config/load.js';
import { ACTIVE_RUN_KEY, QUEUE_NAME, runDescriptionKey } from '../../src/distributed/protocol.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { outputBytes, readCsv } from '../helpers/check-output.js';
import { killRunning, startCliProcess, type CliProcess } from '../helpers/cli-process.js';
import { freePort, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { captureIo, makeTempDir } from '../helpers/temp-corpus.js';

/**
 * Distributed runs against a real redis-server: a coordinator and worker processes (the built CLI,
 * `bin/article-pipeline.js`) on a small corpus of real news text with bad files, compared byte for byte
 * with a local run (manifest aside). Faults: a worker killed with SIGKILL mid-run, an article that
 * fails on every attempt, a coordinator killed and restarted, Redis killed mid-run.
 */
const seed = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');
const evalFile = new URL('../../../shared/eval/timex-dev.jsonl', import.meta.url);
const ENGLISH = 'The foreign minister said on Tuesday that talks with Venezuela would resume next week in Caracas, easing months of tension.';
const SPANISH = 'El presidente de Colombia se reunirá con el presidente de Estados Unidos en la Casa Blanca el 3 de febrero, anunció el gobierno colombiano el miércoles.';

function corpusFiles(): Record<string, string> {
  const files: Record<string, string> = { 'seed/us-colombia-relations.md': seed };
  const lines = existsSync(evalFile) ? readFileSync(evalFile, 'utf8').split('\n').filter((l) => l.trim() !== '').slice(0, 5) : [];
  lines.forEach((line, i) => {
    const doc = JSON.parse(line) as { id: string; dct: string; text: string };
    files[`news/${String(20 - i)}.json`] = JSON.stringify({ id: `art-${String((i * 3) % 5)}-${doc.id}`, date: doc.dct, text: doc.text.trim() });
  });
  for (let i = lines.length; i < 5; i++) files[`short/${i}.txt`] = `Talks Resume\n\n${ENGLISH} Round ${i} ended without an agreement on Friday.`;
  files['bad/empty.txt'] = ''; // rejected by the coordinator's scan
  files['bad/spanish.txt'] = SPANISH; // rejected by a worker's language check
  files['batch.jsonl'] = [JSON.stringify({ id: 'line-1', date: '2026-01-14', text: ENGLISH }), '{"id": "broken", '].join('\n');
  return files;
}

// Short lock and stall check so a killed worker's job moves on within about 2 s; none of these keys
// enters the config hash, so the local run is comparable.
const CONFIG = { outputs: { report: false }, queue: { batchSize: 2, attempts: 2, backoffMs: 50, lockDurationMs: 2000, stalledIntervalMs: 500 } };

const startCli = (args: readonly string[]): CliProcess => startCliProcess(dir, args);

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const jsonCount = (out: string): number => (existsSync(path.join(out, 'json')) ? readdirSync(path.join(out, 'json')).filter((n) => n.endsWith('.json')).length : 0);
const coordinate = (out: string): CliProcess => startCli(['run', '--config', 'pipeline.config.json', '--out', out, '--queue', redis.url]);

function expectSameOutputs(out: string): void {
  const reference = outputBytes(path.join(dir, 'local'));
  const got = outputBytes(path.join(dir, out));
  expect([...got.keys()].sort()).toEqual([...reference.keys()].sort());
  for (const [file, bytes] of reference) expect(got.get(file), `${out}/${file}`).toBe(bytes);
}

let dir: string;
let redis: TestRedis;
let queue: Queue;
let worker: CliProcess | null = null;
const started: CliProcess[] = [];

beforeAll(async () => {
  if (!existsSync(path.resolve(import.meta.dirname, '../../dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  redis = await startRedis();
  dir = makeTempDir(Object.fromEntries(Object.entries(corpusFiles()).map(([k, v]) => [`corpus/${k}`, v])));
  writeFileSync(path.join(dir, 'pipeline.config.json'), JSON.stringify(CONFIG));
  const loaded = validateConfig({ ...CONFIG, output: 'local', concurrency: 1 }, path.join(dir, 'pipeline.config.json'));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  queue = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
  queue.on('error', () => undefined);
  // A worker that lives through the runs below, as on a cluster; the reference run meanwhile.
  worker = startCli(['worker', '--queue', redis.url]);
  started.push(worker);
  const local = await analyzeCorpus(loaded.value);
  expect(local.rejected).toBe(3);
}, 60_000);

afterAll(async () => {
  killRunning(started);
  await queue?.close().catch(() => undefined);
  await redis?.kill();
});

describe('run --queue with worker processes', () => {
  it('gives the local run\'s tables and JSON byte for byte, though a worker is killed with SIGKILL mid-job', async () => {
    const second = startCli(['worker', '--queue', redis.url]);
    started.push(second);
    const coordinator = coordinate('out-kill');
    // Both workers hold a job: the second one dies holding its own.
    await waitFor('both workers busy', async () => (await queue.getActiveCount()) >= 2 || coordinator.child.exitCode !== null);
    second.child.kill('SIGKILL');
    const code = await coordinator.exited;
    expect(coordinator.output()).toMatch(/8 articles to analyze in 4 jobs/u);
    expect(code, coordinator.output()).toBe(1); // three bad inputs, as in the local run
    expectSameOutputs('out-kill');
    const errors = readCsv(path.join(dir, 'out-kill', 'errors.csv')).map((r) => `${r.file}: ${r.reason}`);
    expect(errors.some((e) => /^bad\/spanish\.txt: not English/u.test(e))).toBe(true);
  }, 60_000);

  it('records an article that fails on every attempt in errors.csv, and writes the rest', async () => {
    await queue.pause(); // jobs wait until a file has changed under the coordinator's scan
    const coordinator = coordinate('out-poison');
    await waitFor('the jobs', () => /articles to analyze/u.test(coordinator.output()));
    const batch = path.join(dir, 'corpus', 'batch.jsonl');
    const original = readFileSync(batch, 'utf8');
    writeFileSync(batch, original.replace('talks with Venezuela', 'talks with Guatemala'));
    await queue.resume();
    const code = await coordinator.exited;
    writeFileSync(batch, original);
    expect(code, coordinator.output()).toBe(1);
    const errors = readCsv(path.join(dir, 'out-poison', 'errors.csv'));
    expect(errors.find((e) => e.file === 'batch.jsonl' && e.line === '1')?.reason).toBe('analysis failed on every attempt: batch.jsonl:1 changed since the coordinator scanned it; run the coordinator again');
    const ids = readCsv(path.join(dir, 'out-poison', 'articles.csv')).map((r) => r.article_id);
    const reference = readCsv(path.join(dir, 'local', 'articles.csv')).map((r) => r.article_id);
    expect(ids).toEqual(reference.filter((id) => id !== 'line-1'));
    expect(existsSync(path.join(dir, 'out-poison', 'json', 'line-1.json'))).toBe(false);
  }, 60_000);

  it('resumes when the coordinator is killed and started again, without redoing finished articles', async () => {
    const first = coordinate('out-restart');
    await waitFor('a few articles', () => jsonCount(path.join(dir, 'out-restart')) >= 3 || first.child.exitCode !== null);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(path.join(dir, 'out-restart', 'articles.csv'))).toBe(false);
    // The worker goes on with the queued jobs meanwhile.
    // (A job is completed after its JSON is written; earlier runs' completed jobs were cleaned at their end.)
    await waitFor('the queued jobs', async () => (await queue.getCompletedCount()) === 4);
    const restartedAt = Date.now();
    const second = coordinate('out-restart');
    const code = await second.exited;
    expect(code, second.output()).toBe(1);
    expect(second.output()).toMatch(/8 articles to analyze in 4 jobs \(8 already done by an earlier coordinator of this run\)/u);
    const jsonDir = path.join(dir, 'out-restart', 'json');
    for (const name of readdirSync(jsonDir)) expect(statSync(path.join(jsonDir, name)).mtimeMs, name).toBeLessThan(restartedAt);
    expectSameOutputs('out-restart');
  }, 60_000);

  it('makes a worker refuse the jobs of a coordinator of another version', async () => {
    const client = new Redis({ host: '127.0.0.1', port: redis.port });
    const description = { runKey: 'other', toolVersion: '0.0.0-other', configHash: 'f'.repeat(64), config: CONFIG, corpusDir: dir, outputDir: path.join(dir, 'other') };
    await client.multi().set(runDescriptionKey('other'), JSON.stringify(description)).set(ACTIVE_RUN_KEY, 'other').exec();
    const refusing = startCli(['worker', '--queue', redis.url]);
    started.push(refusing);
    const code = await refusing.exited;
    await client.multi().del(runDescriptionKey('other')).del(ACTIVE_RUN_KEY).exec();
    await client.quit();
    expect(code).toBe(2);
    expect(refusing.output()).toMatch(/refusing the jobs of this run: the coordinator runs article-pipeline 0\.0\.0-other with config hash ffffffffffff, this worker is article-pipeline \d/u);
  }, 30_000);

  it('never prints the password of an unreachable Redis, and exits 2', async () => {
    const port = await freePort();
    const { io, err } = captureIo();
    const code = await main(['run', '--config', path.join(dir, 'pipeline.config.json'), '--out', path.join(dir, 'out-unreachable'), '--queue', `redis://:s3cr%3At-pass@127.0.0.1:${port}/0`], io);
    expect(code).toBe(2);
    expect(err()).toMatch(new RegExp(`cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}/0`, 'u'));
    expect(err()).not.toMatch(/s3cr/u);
    expect(existsSync(path.join(dir, 'out-unreachable', 'articles.csv'))).toBe(false);
  }, 30_000);

  it('exits 2 with a clear message and writes no table when Redis dies mid-run', async () => {
    const coordinator = coordinate('out-lost');
    await waitFor('a first article', () => jsonCount(path.join(dir, 'out-lost')) >= 1 || coordinator.child.exitCode !== null);
    await redis.kill();
    const code = await coordinator.exited;
    expect(code).toBe(2);
    expect(coordinator.output()).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0 .*gave up after 5 s; no table or manifest was written/u);
    const left = readdirSync(path.join(dir, 'out-lost'));
    expect(left.filter((name) => name !== 'json')).toEqual([]);
    expect(await worker!.exited).toBe(2);
    expect(worker!.output()).toMatch(/cannot reach Redis/u);
  }, 60_000);
});
