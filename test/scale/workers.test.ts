import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateConfig, type LoadedConfig } from '../../src/config/load.js';
import { analyzeCorpus, type RunSummary } from '../../src/pipeline/analyze-corpus.js';
import { findWorkerEntry } from '../../src/pipeline/worker-pool.js';
import { outputBytes, readCsv } from '../helpers/check-output.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

/**
 * Parallel runs must be invisible in the output: the same corpus analyzed by one worker thread (under
 * the time budget), by the main thread beside worker threads (no budget) and by more threads gives the
 * same JSON and CSV bytes, rows in id order; and an unchanged
 * corpus is not analyzed again. Real news text: the seed article and, when ../shared/eval is there,
 * MEANTIME/TimeBank articles from the timex dev file.
 */
const seed = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');
const evalFile = new URL('../../../shared/eval/timex-dev.jsonl', import.meta.url);
const ENGLISH = 'The foreign minister said on Tuesday that talks with Venezuela would resume next week in Caracas, easing months of tension.';

function corpusFiles(): Record<string, string> {
  const files: Record<string, string> = { 'seed/us-colombia-relations.md': seed };
  if (existsSync(evalFile)) {
    const lines = readFileSync(evalFile, 'utf8').split('\n').filter((l) => l.trim() !== '').slice(0, 14);
    lines.forEach((line, i) => {
      const doc = JSON.parse(line) as { id: string; dct: string; text: string };
      // Ids deliberately out of file order, so id order and discovery order differ.
      files[`batch-${i % 3}/${String(100 - i)}.json`] = JSON.stringify({ id: `art-${String((i * 7) % 14).padStart(2, '0')}-${doc.id}`, date: doc.dct, text: doc.text.trim() });
    });
  } else {
    console.warn('test/scale: ../shared/eval not found; using the seed article and short texts only');
    for (let i = 0; i < 8; i++) files[`short/${i}.txt`] = `Talks Resume\n\n${ENGLISH} Round ${i} ended without an agreement on Friday.`;
  }
  files['bad/empty.txt'] = '';
  files['batch.jsonl'] = [JSON.stringify({ id: 'line-1', text: ENGLISH }), '{"id": "broken", ', JSON.stringify({ id: 'line-1', text: ENGLISH })].join('\n');
  return files;
}

/** `articleSeconds` 0: no time budget, so the main thread analyzes beside N - 1 worker threads. */
function loaded(dir: string, out: string, concurrency: number, articleSeconds?: number): LoadedConfig {
  const limits = articleSeconds === undefined ? {} : { articleSeconds };
  const result = validateConfig({ corpus: 'corpus', output: out, concurrency, outputs: { report: false }, limits }, path.join(dir, 'pipeline.config.json'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

const manifestArticles = (out: string): unknown[] =>
  (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { articles: Array<Record<string, unknown>> }).articles.map(({ id, status, content_hash, json }) => ({ id, status, content_hash, json }));

let dir: string;
let single: RunSummary;
let multi: RunSummary;
let three: RunSummary;

beforeAll(async () => {
  dir = makeTempDir(Object.fromEntries(Object.entries(corpusFiles()).map(([k, v]) => [`corpus/${k}`, v])));
  // With the default time budget every article goes to a worker thread, also with concurrency 1.
  single = await analyzeCorpus(loaded(dir, 'out-1', 1));
  multi = await analyzeCorpus(loaded(dir, 'out-2', 2, 0));
  three = await analyzeCorpus(loaded(dir, 'out-3', 3, 0));
}, 120_000);

describe('worker threads', () => {
  it('find their code when the pipeline runs from source (tsx) as from dist/', () => {
    expect(findWorkerEntry()?.kind).toBe('source');
    expect(single.workers).toBe(1); // under the time budget, the main thread does not analyze
    expect(single.analyzedInMainThread).toBe(0);
    expect(multi.workers).toBe(1); // without a budget, the main thread is the second worker
    expect(three.workers).toBe(2);
    // both kinds of thread analyzed articles of the same run
    expect(multi.analyzedInMainThread).toBeGreaterThan(0);
    expect(multi.analyzedInMainThread).toBeLessThan(multi.ok);
    expect(multi.workerStartupMs).not.toBeNull();
  });

  it('give byte for byte the output of a single-worker run', () => {
    const a = outputBytes(path.join(dir, 'out-1'));
    expect(a.size).toBeGreaterThan(5);
    for (const other of ['out-2', 'out-3']) {
      const b = outputBytes(path.join(dir, other));
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [file, bytes] of a) expect(b.get(file), `${other}/${file}`).toBe(bytes);
      expect(manifestArticles(path.join(dir, other))).toEqual(manifestArticles(path.join(dir, 'out-1')));
    }
    const { elapsedMs: _a, outputDir: _b, workers: _c, workerStartupMs: _d, analyzedInMainThread: _i, workersLost: _k, ...rest } = multi;
    const { elapsedMs: _e, outputDir: _f, workers: _g, workerStartupMs: _h, analyzedInMainThread: _j, workersLost: _l, ...restSingle } = single;
    expect(rest).toEqual(restSingle);
  });

  it('write every table in article-id order, whatever the order of the files', () => {
    const out = path.join(dir, 'out-2');
    const ids = readCsv(path.join(out, 'articles.csv')).map((r) => r.article_id!);
    expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(ids.length).toBe(multi.ok);
    for (const table of ['sentences', 'entities', 'tension_cues']) {
      if (!existsSync(path.join(out, `${table}.csv`))) continue;
      const rowIds = readCsv(path.join(out, `${table}.csv`)).map((r) => r.article_id!);
      const firstSeen = [...new Set(rowIds)];
      expect(firstSeen, table).toEqual(ids.filter((id) => firstSeen.includes(id)));
      // each article's rows are contiguous
      expect(rowIds.filter((id, i) => i > 0 && id !== rowIds[i - 1]).length, table).toBe(firstSeen.length - 1);
    }
    expect(multi.rejected).toBe(3);
  });
});

describe('incremental reruns', () => {
  it('analyze nothing and start no thread when nothing changed, with the same bytes', async () => {
    const out = path.join(dir, 'out-2');
    const before = outputBytes(out);
    const rerun = await analyzeCorpus(loaded(dir, 'out-2', 2, 0));
    expect(rerun).toMatchObject({ ok: 0, unchanged: multi.ok, rejected: 3, workers: 0, sentences: multi.sentences, entities: multi.entities });
    const after = outputBytes(out);
    for (const [file, bytes] of before) expect(after.get(file), file).toBe(bytes);
  });

  it('rebuild rows from the JSON when a CSV was edited since, and recompute a changed article', async () => {
    const out = path.join(dir, 'out-1');
    appendFileSync(path.join(out, 'sentences.csv'), 'edited by hand\r\n');
    const rerun = await analyzeCorpus(loaded(dir, 'out-1', 1));
    expect(rerun).toMatchObject({ ok: 0, unchanged: single.ok });
    const a = outputBytes(path.join(dir, 'out-2'));
    for (const [file, bytes] of outputBytes(out)) expect(a.get(file), file).toBe(bytes);

    writeFileSync(path.join(dir, 'corpus', 'seed', 'us-colombia-relations.md'), `${seed}\nThe talks ended on Friday.\n`);
    const changed = await analyzeCorpus(loaded(dir, 'out-1', 1));
    expect(changed).toMatchObject({ ok: 1, unchanged: single.ok - 1 });
    expect(readCsv(path.join(out, 'sentences.csv')).some((s) => s.text === 'The talks ended on Friday.')).toBe(true);
  });
});
