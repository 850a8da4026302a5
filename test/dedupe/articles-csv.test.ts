import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { readCsv } from '../helpers/check-output.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

/**
 * Stories in a corpus run: the seed article, a syndicated copy of it a day later (new headline, a
 * wire dateline, its last paragraph dropped, one sentence reworded) and a different article about the
 * same two countries; `articles.csv` links the copy to the original, and an unchanged rerun (whose
 * rows are copied, not recomputed) gives the same table.
 */
const seed = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');
const body = seed.replace(/^---[\s\S]*?---\n/u, '');
const paragraphs = body.split(/\n\s*\n/u).filter((p) => p.trim() !== '');
const copy = [
  'Colombian leader heads to Washington as ties thaw',
  ...paragraphs.slice(1, -1).map((p, i) => (i === 1 ? p.replace(/\bsaid\b/u, 'told reporters') : p)),
].join('\n\n');
const other = `Colombia and US Sign Coffee Trade Accord

BOGOTÁ — Colombia's trade ministry said on Thursday that it had signed a coffee export accord with the United States, ending a year of negotiations over tariffs and quotas.

The agreement lowers duties on roasted coffee and sets up a joint committee that will meet every six months in Washington or Bogotá to review the quotas.

Growers' associations welcomed the deal, though some exporters said the quotas were smaller than they had hoped.`;

function run(dir: string) {
  const config = validateConfig({ corpus: 'corpus', output: 'out', concurrency: 1, outputs: { report: false } }, path.join(dir, 'pipeline.config.json'));
  if (!config.ok) throw new Error(config.errors.join('\n'));
  return analyzeCorpus(config.value);
}

describe('[dedupe] story_id and duplicate_of in articles.csv', () => {
  it('links a syndicated copy to the original and keeps a different article apart, across an unchanged rerun', async () => {
    const dir = makeTempDir({
      'corpus/us-colombia-relations.md': seed,
      'corpus/wire-copy.json': JSON.stringify({ id: 'wire-copy', date: '2026-01-15', source: 'Wire Service', text: copy }),
      'corpus/coffee-accord.json': JSON.stringify({ id: 'coffee-accord', date: '2026-01-15', text: other }),
    });
    const summary = await run(dir);
    expect(summary.duplicates).toBe(1);
    const rows = readCsv(path.join(dir, 'out/articles.csv'));
    const byId = Object.fromEntries(rows.map((r) => [r.article_id, r]));
    expect(byId['wire-copy']).toMatchObject({ story_id: 'us-colombia-relations', duplicate_of: 'us-colombia-relations' });
    expect(byId['us-colombia-relations']).toMatchObject({ story_id: 'us-colombia-relations', duplicate_of: '' });
    expect(byId['coffee-accord']).toMatchObject({ story_id: 'coffee-accord', duplicate_of: '' });

    const before = readFileSync(path.join(dir, 'out/articles.csv'));
    const again = await run(dir);
    expect(again.unchanged).toBe(3);
    expect(readFileSync(path.join(dir, 'out/articles.csv')).equals(before)).toBe(true);
  }, 120_000);

  it('moves the story to an earlier copy added later, without analyzing the others again', async () => {
    const dir = makeTempDir({ 'corpus/wire-copy.json': JSON.stringify({ id: 'wire-copy', date: '2026-01-15', text: copy }) });
    await run(dir);
    expect(readCsv(path.join(dir, 'out/articles.csv'))[0]).toMatchObject({ story_id: 'wire-copy', duplicate_of: '' });
    writeFileSync(path.join(dir, 'corpus/us-colombia-relations.md'), seed);
    const second = await run(dir);
    expect(second).toMatchObject({ ok: 1, unchanged: 1 });
    const rows = readCsv(path.join(dir, 'out/articles.csv'));
    expect(rows.map((r) => [r.article_id, r.story_id, r.duplicate_of])).toEqual([
      ['us-colombia-relations', 'us-colombia-relations', ''],
      ['wire-copy', 'us-colombia-relations', 'us-colombia-relations'],
    ]);
  }, 120_000);
});
