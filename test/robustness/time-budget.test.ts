import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateConfig, type LoadedConfig } from '../../src/config/load.js';
import { analyzeCorpus, type RunSummary } from '../../src/pipeline/analyze-corpus.js';
import { longSentence } from '../../scripts/pathological-texts.js';
import { outputBytes, readCsv } from '../helpers/check-output.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

/**
 * A runaway article is stopped by the worker watchdog, recorded in errors.csv, and the batch goes on
 * with a fresh worker. The runaway: 100,000 words in one sentence with the sentence split turned off
 * (limits.maxSentenceTokens above its length), several seconds of work even now that the stages are
 * close to linear (20,000 words came to finish within 2 s), against a budget of 1 s (the seed
 * article takes ~0.1 s).
 */
const seed = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');
const seedAs = (id: string): string => seed.replace('id: us-colombia-relations', `id: ${id}`);
const runaway = longSentence(100_000);
const LIMITS = { articleSeconds: 1, maxSentenceTokens: 1_000_000 };

function loaded(dir: string, out: string, concurrency: number, limits: object): LoadedConfig {
  const result = validateConfig({ corpus: 'corpus', output: out, concurrency, outputs: { report: false }, limits }, path.join(dir, 'pipeline.config.json'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

let dir: string;
/** The same corpus without the runaway. */
let dir2: string;
let budgeted: RunSummary;
let twoWorkers: RunSummary;

beforeAll(async () => {
  const articles = { 'a-seed.md': seedAs('a-seed'), 'z-seed.md': seedAs('z-seed').replace('Petro', 'Gustavo Petro') };
  dir = makeTempDir({ ...Object.fromEntries(Object.entries(articles).map(([k, v]) => [`corpus/${k}`, v])), 'corpus/m-runaway.txt': runaway });
  dir2 = makeTempDir(Object.fromEntries(Object.entries(articles).map(([k, v]) => [`corpus/${k}`, v])));
  budgeted = await analyzeCorpus(loaded(dir, 'out-budget', 1, LIMITS));
  twoWorkers = await analyzeCorpus(loaded(dir, 'out-two', 2, LIMITS));
}, 120_000);

describe('the time budget per article', () => {
  it('stops the runaway article, records it in errors.csv, and analyzes the articles after it', () => {
    for (const [summary, out] of [[budgeted, 'out-budget'], [twoWorkers, 'out-two']] as const) {
      expect(summary).toMatchObject({ ok: 2, rejected: 1, analyzedInMainThread: 0 });
      const errors = readCsv(path.join(dir, out, 'errors.csv'));
      expect(errors).toEqual([{ article_id: 'm-runaway', file: 'm-runaway.txt', line: '', reason: 'analysis exceeded 1 s (limits.articleSeconds)' }]);
      const ids = readCsv(path.join(dir, out, 'articles.csv')).map((r) => r.article_id);
      expect(ids).toEqual(['a-seed', 'z-seed']);
      expect(existsSync(path.join(dir, out, 'json', 'm-runaway.json'))).toBe(false);
      // No temporary file of the stopped worker is left behind.
      expect(readdirSync(path.join(dir, out, 'json')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
    // The worker that ran it was replaced: one lost, and the concurrency-1 run still had a worker for z-seed.
    expect(budgeted.workersLost).toBe(1);
    expect(budgeted.workers).toBe(1);
  });

  it('analyzes in worker threads the way the main thread does: same bytes as a run without a budget', async () => {
    const unbudgeted = await analyzeCorpus(loaded(dir2, 'out-main', 1, { ...LIMITS, articleSeconds: 0 }));
    expect(unbudgeted.workers).toBe(0);
    expect(unbudgeted.analyzedInMainThread).toBe(2);
    const budgetedBytes = outputBytes(path.join(dir, 'out-budget'));
    const mainBytes = outputBytes(path.join(dir2, 'out-main'));
    expect(budgetedBytes.get('json/a-seed.json')).toBeDefined();
    for (const file of ['json/a-seed.json', 'json/z-seed.json']) expect(budgetedBytes.get(file), file).toBe(mainBytes.get(file));
  }, 120_000);
});
