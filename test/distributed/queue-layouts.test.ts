import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import type { JsonLayout } from '../../src/output/json-layouts.js';
import { openArticleJson } from '../../src/output/json-store.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { killRunning, startCliProcess, type CliProcess } from '../helpers/cli-process.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

/**
 * `run --queue` with every `outputs.json` layout, against a real redis-server and a worker process (the
 * built CLI): workers write the article's file in `files` and `sharded`, and hand it over under
 * `json/.incoming/` in `jsonl` and `none`, where the coordinator stores it in id order (or only reads
 * it); the tables and the article JSON are the local run's, and no hand-over file is left.
 */
const fixtures = path.resolve(import.meta.dirname, '../golden/fixtures/articles');
const CONFIG = { outputs: { report: false }, queue: { batchSize: 2, attempts: 2, backoffMs: 50, lockDurationMs: 2000, stalledIntervalMs: 500 } };

let dir: string;
let redis: TestRedis;
const started: CliProcess[] = [];

function startCli(args: readonly string[]): CliProcess {
  const process_ = startCliProcess(dir, args);
  started.push(process_);
  return process_;
}

const tables = (out: string): Record<string, string> =>
  Object.fromEntries(readdirSync(path.join(dir, out)).filter((n) => n.endsWith('.csv')).sort().map((n) => [n, readFileSync(path.join(dir, out, n), 'utf8')]));

function articles(out: string): Map<string, unknown> {
  const reader = openArticleJson(path.join(dir, out));
  try {
    return new Map(reader.list().map((a) => [a.name, JSON.parse(reader.readListed(a))]));
  } finally {
    reader.close();
  }
}

const incoming = (out: string): number => {
  const folder = path.join(dir, out, 'json', '.incoming');
  return existsSync(folder) ? (readdirSync(folder, { recursive: true }) as string[]).filter((n) => n.endsWith('.json')).length : 0;
};

beforeAll(async () => {
  if (!existsSync(path.resolve(import.meta.dirname, '../../dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  redis = await startRedis();
  dir = makeTempDir({ 'corpus/bad/empty.txt': '' });
  cpSync(fixtures, path.join(dir, 'corpus', 'news'), { recursive: true });
  for (const layout of ['files', 'sharded', 'jsonl', 'none'] as const) writeFileSync(path.join(dir, `${layout}.config.json`), JSON.stringify({ ...CONFIG, outputs: { ...CONFIG.outputs, json: layout } }));
  const worker = startCli(['worker', '--queue', redis.url]);
  void worker.exited;
  const loaded = validateConfig({ ...CONFIG, output: 'local', concurrency: 1 }, path.join(dir, 'files.config.json'));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  expect((await analyzeCorpus(loaded.value)).rejected).toBe(1);
}, 60_000);

afterAll(async () => {
  killRunning(started);
  await redis?.kill();
});

describe('run --queue in each outputs.json layout', () => {
  it('writes the local run\'s tables and article JSON, and leaves no hand-over file', async () => {
    const reference = articles('local');
    expect(reference.size).toBe(5);
    for (const layout of ['sharded', 'jsonl', 'none'] as JsonLayout[]) {
      const out = `out-${layout}`;
      const coordinator = startCli(['run', '--config', `${layout}.config.json`, '--out', out, '--queue', redis.url]);
      const code = await coordinator.exited;
      expect(code, coordinator.output()).toBe(1); // the empty file, as in the local run
      expect(coordinator.output()).toMatch(/5 articles to analyze in 3 jobs/u);
      expect(tables(out), layout).toEqual(tables('local'));
      expect(incoming(out), layout).toBe(0);
      if (layout === 'none') expect(existsSync(path.join(dir, out, 'json', '.incoming'))).toBe(false);
      else expect(articles(out), layout).toEqual(reference);
    }
  }, 120_000);

  it('resumes a jsonl run whose coordinator was killed, from the workers\' hand-over files', async () => {
    const out = 'out-jsonl-restart';
    const first = startCli(['run', '--config', 'jsonl.config.json', '--out', out, '--queue', redis.url]);
    const until = Date.now() + 30_000;
    while (incoming(out) < 2 && first.child.exitCode === null && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(path.join(dir, out, 'articles.csv'))).toBe(false);
    const second = startCli(['run', '--config', 'jsonl.config.json', '--out', out, '--queue', redis.url]);
    expect(await second.exited, second.output()).toBe(1);
    expect(tables(out)).toEqual(tables('local'));
    expect(articles(out)).toEqual(articles('local'));
    expect(incoming(out)).toBe(0);
  }, 120_000);
});
