/**
 * `npm run bench:pathological`: time per 1,000 words on the worst inputs found (issue 20) against normal
 * news, on the compiled package (dist/), in this process after a warm-up article:
 *   - normal news: the MEANTIME and TempEval articles of ../shared/eval (timex-meantime.jsonl);
 *   - one sentence of 30,000 words with no sentence punctuation, dense in tension cues and countries;
 *   - 10,000 capitalized tokens in a row;
 *   - 5,000 date-like tokens in a row ("January January 31 31 ...").
 * Each case runs `--repeats` times (default 3); the median is reported, with CPU time. The worst case
 * must stay within 5x of normal news per 1,000 words: the script exits 1 otherwise. Speed lives here,
 * never in a timed unit test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { capitalizedRun, dateRun, longSentence } from './pathological-texts.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = process.env.BENCH_EVAL_DIR ?? path.join(root, '..', 'shared', 'eval');
const argv = process.argv.slice(2);
const repeatsArg = argv.indexOf('--repeats');
const repeats = repeatsArg >= 0 ? Number(argv[repeatsArg + 1]) : 3;
const ALLOWED_RATIO = 5;

const { analyzeArticle } = (await import(path.join(root, 'dist', 'pipeline', 'analyze-article.js'))) as typeof import('../src/pipeline/analyze-article.js');
const { pipelineConfigSchema } = (await import(path.join(root, 'dist', 'config', 'schema.js'))) as typeof import('../src/config/schema.js');
const { toArticleJson } = (await import(path.join(root, 'dist', 'output', 'article-json.js'))) as typeof import('../src/output/article-json.js');
const config = pipelineConfigSchema.parse({});

const wordCount = (text: string): number => text.split(/\s+/u).filter((w) => w !== '').length;

function newsArticles(): Array<{ text: string; dct: string }> {
  const lines = readFileSync(path.join(evalDir, 'timex-meantime.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((l) => JSON.parse(l) as { text: string; dct: string });
}

interface Case {
  readonly name: string;
  readonly articles: ReadonlyArray<{ text: string; dct: string }>;
}

const cases: Case[] = [
  { name: 'normal news (timex-meantime.jsonl)', articles: newsArticles() },
  { name: 'one sentence of 30,000 words', articles: [{ text: longSentence(30_000), dct: '2026-01-14' }] },
  { name: '10,000 capitalized tokens', articles: [{ text: capitalizedRun(10_000), dct: '2026-01-14' }] },
  { name: '5,000 date-like tokens', articles: [{ text: dateRun(5_000), dct: '2026-01-14' }] },
];

const analyze = (article: { text: string; dct: string }, i: number): void => {
  toArticleJson(analyzeArticle({ id: `bench-${i}`, text: article.text, dct: article.dct, dctSource: 'metadata' }, config));
};
// Loads every model and lexicon before anything is timed.
analyze({ text: 'Talks resumed in Geneva on Tuesday between Colombia and the United States.', dct: '2026-01-14' }, -1);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const results = cases.map((c) => {
  const words = c.articles.reduce((sum, a) => sum + wordCount(a.text), 0);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const cpuBefore = process.cpuUsage();
    const before = performance.now();
    c.articles.forEach(analyze);
    wall.push(performance.now() - before);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = median(wall);
  const cpuMs = median(cpu);
  return { name: c.name, articles: c.articles.length, words, ms: Math.round(ms), cpuMs: Math.round(cpuMs), msPer1000Words: Math.round((ms / words) * 1000 * 10) / 10, cpuMsPer1000Words: Math.round((cpuMs / words) * 1000 * 10) / 10 };
});

// The ratio is taken on CPU time: other processes on a shared machine stretch wall times, not CPU times.
const normal = results[0]!.cpuMsPer1000Words;
console.log(`| input | articles | words | wall ms (median of ${repeats}) | CPU ms | wall ms per 1,000 words | CPU ms per 1,000 words | x normal (CPU) |`);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.articles} | ${r.words} | ${r.ms} | ${r.cpuMs} | ${r.msPer1000Words} | ${r.cpuMsPer1000Words} | ${(r.cpuMsPer1000Words / normal).toFixed(2)} |`);
const worst = results.slice(1).reduce((a, b) => (b.cpuMsPer1000Words > a.cpuMsPer1000Words ? b : a));
const ratio = worst.cpuMsPer1000Words / normal;
console.log(`worst: ${worst.name}, ${ratio.toFixed(2)}x normal news per 1,000 words (allowed ${ALLOWED_RATIO}x)`);
process.exitCode = ratio <= ALLOWED_RATIO ? 0 : 1;
