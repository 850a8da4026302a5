import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { validateConfig } from '../../src/config/load.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { readCsv } from '../helpers/check-output.js';
import { captureIo, makeTempDir } from '../helpers/temp-corpus.js';

/**
 * dyad_series.csv from a corpus written for it (test/series/corpus): an article of 2026-01-20 that tells
 * of sanctions on March 3, 2025, a threat "in late 2025", an accusation "on Monday" and an undated
 * condemnation; a wire copy of it a day later (new headline, new dateline, last paragraph dropped);
 * and an article of 2026-02-10 on Colombia and Ecuador agreeing (both ways) to resume talks, praise "in
 * December 2025" and a threat that was not made. Every row below was checked by hand against events.csv.
 */
const CORPUS = path.join(__dirname, 'corpus');
const files = Object.fromEntries(['sanctions-review.md', 'sanctions-wire-copy.md', 'talks-resume.md'].map((f) => [`corpus/${f}`, readFileSync(path.join(CORPUS, f), 'utf8')]));

const HEADER = 'source_country,target_country,date_basis,period,period_start,events,articles,stories,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,no_quad,mean_goldstein,net_tension,date_day,date_month,date_coarser,date_vague,events_raw,articles_raw';
const MONTHLY = [
  HEADER,
  // Praise in December 2025 (a month-precise date); in February: the headline's agreement and talks
  // (no date in their sentence: vague, on the publication date) and "agreed ... on Monday".
  'COL,ECU,event,month,2025-12-01,1,1,1,1,0,0,0,0,3.5,-1,0,1,0,0,1,1',
  'COL,ECU,event,month,2026-02-01,3,1,1,3,0,0,0,0,3,-1,1,0,0,2,3,1',
  'COL,ECU,published,month,2026-02-01,4,1,1,4,0,0,0,0,3.125,-1,1,1,0,2,4,1',
  // "Colombia and Ecuador Agree to Resume Border Talks": reciprocal, so Ecuador acted toward Colombia too.
  // "Ecuador did not threaten Colombia" is negated and counts nowhere.
  'ECU,COL,event,month,2026-02-01,2,1,1,2,0,0,0,0,2.5,-1,0,0,0,2,2,1',
  'ECU,COL,published,month,2026-02-01,2,1,1,2,0,0,0,0,2.5,-1,0,0,0,2,2,1',
  // Sanctions on March 3, 2025 (a CAMEO 17 and a 16 trigger), counted once; the wire copy's in the raw counts.
  'USA,VEN,event,month,2025-03-01,2,1,1,0,0,1,1,0,-5.5,1,2,0,0,0,4,2',
  // "threatened ... in late 2025": 2025-09-01..2025-12-31, midpoint October 31.
  'USA,VEN,event,month,2025-10-01,1,1,1,0,0,1,0,0,-6,1,0,0,1,0,2,2',
  // "On Monday" = 2026-01-19; raw adds the copy's accusation and its new headline's "pressure".
  'USA,VEN,event,month,2026-01-01,1,1,1,0,0,1,0,0,-2,1,1,0,0,0,3,2',
  // On the publication date, all four of the story's events fall in January 2026.
  'USA,VEN,published,month,2026-01-01,4,1,1,0,0,3,1,0,-4.75,1,3,0,1,0,9,2',
  'VEN,USA,event,month,2026-01-01,1,1,1,0,0,1,0,0,-2,1,0,0,0,1,2,2',
  'VEN,USA,published,month,2026-01-01,1,1,1,0,0,1,0,0,-2,1,0,0,0,1,2,2',
];

function setUp(aggregate: Record<string, unknown> = {}, report = false) {
  const raw = { corpus: 'corpus', output: 'out', concurrency: 1, outputs: { report }, aggregate };
  const dir = makeTempDir({ ...files, 'pipeline.config.json': JSON.stringify(raw) });
  const config = validateConfig(raw, path.join(dir, 'pipeline.config.json'));
  if (!config.ok) throw new Error(config.errors.join('\n'));
  return { dir, loaded: config.value, series: () => readFileSync(path.join(dir, 'out', 'dyad_series.csv'), 'utf8').split('\r\n').filter((l) => l !== '') };
}

describe('[series] dyad_series.csv of a run', () => {
  it('places events on the date they happened, beside the publication date, with the wire copy counted once', async () => {
    const { loaded, series, dir } = setUp();
    await analyzeCorpus(loaded);
    expect(series()).toEqual(MONTHLY);
    expect(readCsv(path.join(dir, 'out', 'articles.csv')).find((a) => a.article_id === 'sanctions-wire-copy')).toMatchObject({ story_id: 'sanctions-review', duplicate_of: 'sanctions-review' });

    // `aggregate` rebuilds it by ISO week on the event basis alone, without analyzing again.
    const cli = captureIo();
    const code = await main(['aggregate', '-c', path.join(dir, 'pipeline.config.json'), '--period', 'week', '--basis', 'event'], cli.io);
    expect(code, cli.err()).toBe(0);
    expect(cli.err()).toContain('dyad_series.csv: 7 rows');
    const weekly = series();
    expect(weekly[0]).toBe(HEADER);
    expect(weekly.slice(1).map((row) => row.split(',').slice(0, 6).join(','))).toEqual([
      'COL,ECU,event,week,2025-12-15,1', // "in December 2025": its midpoint, December 16, is in the week of Monday December 15
      'COL,ECU,event,week,2026-02-09,3',
      'ECU,COL,event,week,2026-02-09,2',
      'USA,VEN,event,week,2025-03-03,2',
      'USA,VEN,event,week,2025-10-27,1',
      'USA,VEN,event,week,2026-01-19,1',
      'VEN,USA,event,week,2026-01-19,1',
    ]);
  });

  it('counts every copy when aggregate.dedupe is off', async () => {
    const { loaded, series } = setUp({ dedupe: false });
    await analyzeCorpus(loaded);
    const rows = series().slice(1).map((r) => r.split(','));
    const march = rows.find((r) => r[0] === 'USA' && r[2] === 'event' && r[4] === '2025-03-01')!;
    expect([march[5], march[6], march[7]]).toEqual(['4', '2', '1']); // events, articles, stories
  });

  it('charts the busiest pairs on both date bases in the report, and marks the copy on its page', async () => {
    const { dir } = setUp({}, true);
    const cli = captureIo();
    expect(await main(['run', '-c', path.join(dir, 'pipeline.config.json')], cli.io), cli.err()).toBe(0);
    const corpusPage = readFileSync(path.join(dir, 'out', 'report', 'index.html'), 'utf8');
    const series = corpusPage.slice(corpusPage.indexOf('id="h-series"'), corpusPage.indexOf('id="h-entities"'));
    // Ranked by events: COL → ECU and USA → VEN (4 each, by name), then ECU → COL (2), VEN → USA (1).
    expect([...series.matchAll(/<h3 id="h-series-\d">([^<]+)<small>\((\d+) events?\)/gu)].map((m) => `${m[1]!.trim()} ${m[2]}`)).toEqual(['COL → ECU 4', 'USA → VEN 4', 'ECU → COL 2', 'VEN → USA 1']);
    // USA → VEN by month: March and October 2025 appear only on the event basis.
    expect(series).toContain('<tr><td>2025-03</td><td class="num">2</td><td class="num">0</td></tr>');
    expect(series).toContain('<tr><td>2025-10</td><td class="num">1</td><td class="num">0</td></tr>');
    expect(series).toContain('<tr><td>2026-01</td><td class="num">1</td><td class="num">4</td></tr>');
    expect(corpusPage).toContain('copy of <code>sanctions-review</code>');
    const copyPage = readFileSync(path.join(dir, 'out', 'report', 'articles', 'sanctions-wire-copy.html'), 'utf8');
    expect(copyPage).toContain('A copy of <a href="sanctions-review.html"><code>sanctions-review</code></a>');
    expect(readFileSync(path.join(dir, 'out', 'report', 'articles', 'sanctions-review.html'), 'utf8')).not.toContain('A copy of');
  });
});
