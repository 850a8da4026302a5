import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { makeTempDir } from '../helpers/temp-corpus.js';
import { readCsv } from '../helpers/check-output.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const ENGLISH = 'The foreign minister said on Tuesday that talks with Venezuela would resume next week in Caracas, easing months of tension.';

/** A corpus of every new format: pages, a CSV export, a TSV, gzip archives; run, rerun, edit, --only. */
function setUp(extraConfig: object = {}) {
  const dir = makeTempDir({
    'corpus/pages/city-hall-budget.html': fixture('city-hall-budget.html'),
    'corpus/pages/wire-talks-geneva.htm.gz': gzipSync(fixture('wire-talks-geneva.htm')),
    'corpus/pages/section-front.html': fixture('section-front.html'),
    'corpus/exports/jan.csv': fixture('monitoring-export.csv'),
    'corpus/exports/feed.tsv': `title\tdate\ttext\nTalks resume\t13 January 2026\t${ENGLISH}\n`,
    'corpus/dumps/day.jsonl.gz': gzipSync([JSON.stringify({ id: 'dump-1', text: ENGLISH }), JSON.stringify({ text: `${ENGLISH} Again.` })].join('\n')),
    'corpus/dumps/cut.csv.gz': gzipSync(fixture('monitoring-export.csv')).subarray(0, 300),
  });
  const configFile = path.join(dir, 'pipeline.config.json');
  writeFileSync(configFile, JSON.stringify({ outputs: { report: false }, concurrency: 1, ingest: { table: { columns: { id: 'Article ID' } } }, ...extraConfig }));
  const load = () => {
    const loaded = loadConfig(configFile);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    return loaded.value;
  };
  return { dir, load };
}

describe('a run over HTML, CSV, TSV and gzip files', () => {
  it('analyzes every article, rejects the bad ones with a reason, and reruns incrementally', async () => {
    const { dir, load } = setUp();
    const first = await analyzeCorpus(load());
        const articles = readCsv(path.join(dir, 'output', 'articles.csv'));
    expect(articles.map((row) => [row.article_id, row.source_path, row.dct, row.title])).toEqual([
      ['dump-1', 'dumps/day.jsonl.gz:1', '', ''],
      ['dumps/day:2', 'dumps/day.jsonl.gz:2', '', ''],
      ['exports/jan:6', 'exports/jan.csv:6', '2026-01-14', 'No id in this row'],
      ['mon-0001', 'exports/jan.csv:1', '2026-01-14', 'Petro, Trump to meet at White House'],
      ['mon-0002', 'exports/jan.csv:2', '2026-01-14', 'Ministers say talks "constructive"'],
      ['pages/city-hall-budget', 'pages/city-hall-budget.html', '2026-01-14', 'Council Approves $1.2 Billion Budget After Late-Night Vote'],
      ['pages/wire-talks-geneva', 'pages/wire-talks-geneva.htm.gz', '2026-01-14', 'Colombia and U.S. Agree to Resume Talks in Geneva'],
    ]);
    const page = JSON.parse(readFileSync(path.join(dir, 'output', 'json', 'pages%2Fcity-hall-budget.json'), 'utf8')) as { headline: { text: string }; metadata: Record<string, string> };
    expect(page.headline.text).toBe('Council Approves $1.2 Billion Budget After Late-Night Vote');
    expect(page.metadata.url).toBe('https://ledger.example.com/news/2026/01/14/council-budget');
    const errors = readCsv(path.join(dir, 'output', 'errors.csv'));
    expect(errors.map((row) => [row.file, row.line, (row.reason ?? '').slice(0, 40)])).toEqual([
      ['dumps/cut.csv.gz', '', 'corrupt gzip archive: unexpected end of '],
      // The mapping applies to every table of the corpus: a file without the column is refused whole.
      ['exports/feed.tsv', '', 'no column "Article ID" (ingest.table.col'],
      ['exports/jan.csv', '3', 'missing text: the "Body" column is empty'],
      ['exports/jan.csv', '4', 'invalid date "14/01/2026": expected ISO '],
      ['exports/jan.csv', '5', '7 fields where the header has 8 (row 5 s'],
      ['pages/section-front.html', '', 'article text of 67 characters is under t'],
    ]);
    expect([first.ok, first.rejected, first.unchanged], JSON.stringify(first.errors)).toEqual([7, 6, 0]);

    const again = await analyzeCorpus(load());
    expect([again.ok, again.rejected, again.unchanged]).toEqual([0, 6, 7]);

    // One row edited: only it is analyzed again; the archive and the pages are not.
    const csvPath = path.join(dir, 'corpus', 'exports', 'jan.csv');
    writeFileSync(csvPath, readFileSync(csvPath, 'utf8').replace('Agence Example', 'Agence Exemple'));
    const edited = await analyzeCorpus(load());
    expect([edited.ok, edited.rejected, edited.unchanged]).toEqual([1, 6, 6]);
    expect(readCsv(path.join(dir, 'output', 'articles.csv')).find((row) => row.article_id === 'mon-0001')!.source).toBe('Agence Exemple');

    // --only: of two edited rows, the listed one is analyzed; the other keeps its previous outputs.
    writeFileSync(csvPath, readFileSync(csvPath, 'utf8').replace('Agence Exemple', 'Agence Example').replace('Example Times,https://times.example.com/talks', 'The Example Times,https://times.example.com/talks'));
    const only = await analyzeCorpus(load(), { only: ['mon-0002'] });
    expect([only.ok, only.unchanged]).toEqual([1, 6]);
    const rows = readCsv(path.join(dir, 'output', 'articles.csv'));
    expect(['mon-0001', 'mon-0002'].map((id) => rows.find((row) => row.article_id === id)!.source)).toEqual(['Agence Exemple', 'The Example Times']);
  }, 120_000);

  it('applies ingest.maxBytes to each page, decompressed', async () => {
    const { load } = setUp({ ingest: { maxBytes: 1_000, table: { columns: { id: 'Article ID' } } } });
    const summary = await analyzeCorpus(load());
    const reasons = summary.errors.map((e) => `${e.file}:${e.line ?? ''} ${e.reason}`);
    expect(reasons, reasons.join('\n')).toContain('pages/city-hall-budget.html: file of 5526 bytes is over the size limit of 1000 bytes (ingest.maxBytes)');
    expect(reasons).toContain('pages/wire-talks-geneva.htm.gz: file decompresses to more than 1000 bytes, over the size limit (ingest.maxBytes)');
    expect(summary.ok).toBe(5);
  }, 120_000);
});
