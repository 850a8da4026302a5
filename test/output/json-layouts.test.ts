import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateConfig, type LoadedConfig } from '../../src/config/load.js';
import type { JsonLayout } from '../../src/output/json-layouts.js';
import { createArticleJsonWriter, openArticleJson } from '../../src/output/json-store.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { checkGolden } from '../../src/regression/check.js';
import { DiffInputError, diffOutputs } from '../../src/regression/diff-outputs.js';
import { writeReport } from '../../src/report/index.js';
import { readCsv } from '../helpers/check-output.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

/**
 * Every `outputs.json` layout on the golden fixture articles (real news text, one of them two articles
 * in a JSON Lines file): the same article JSON as `files`, the same CSV tables, and the report, `diff`,
 * `check`, incremental reruns and deleted articles working on each.
 */
const fixtures = path.resolve(import.meta.dirname, '../golden/fixtures');
const IDS = ['border-talks', 'emoji-first', 'summit-wire-1', 'summit-wire-2', 'trade-sanctions'];
const LAYOUTS: readonly JsonLayout[] = ['files', 'sharded', 'jsonl', 'none'];

let root: string;

function configFor(layout: JsonLayout | boolean, output: string, corpus = 'corpus', threads = false): LoadedConfig {
  // No time budget: articles are analyzed in this thread, which loads the models once for the whole file
  // (with `threads`, two worker threads under the default budget analyze them, as in most runs).
  const run = threads ? { concurrency: 2 } : { concurrency: 1, limits: { articleSeconds: 0 } };
  const result = validateConfig({ corpus, output, ...run, outputs: { json: layout, report: false } }, path.join(root, 'pipeline.config.json'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

/** Every article's JSON of an output folder, as `files` writes it, by file name. */
function articleTexts(outputDir: string): Map<string, string> {
  const reader = openArticleJson(outputDir);
  try {
    return new Map(reader.list().map((a) => [a.name, `${JSON.stringify(JSON.parse(reader.readListed(a)), null, 2)}\n`]));
  } finally {
    reader.close();
  }
}

const tableBytes = (outputDir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(outputDir).filter((n) => n.endsWith('.csv')).sort().map((n) => [n, readFileSync(path.join(outputDir, n), 'utf8')]));

/** Files of the json folder, relative to it, sorted (hidden ones too). */
function jsonFolder(outputDir: string): string[] {
  const dir = path.join(outputDir, 'json');
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  root = makeTempDir({}, 'json-layouts-');
  cpSync(path.join(fixtures, 'articles'), path.join(root, 'corpus'), { recursive: true });
  for (const layout of LAYOUTS) await analyzeCorpus(configFor(layout, layout));
}, 240_000);

describe('outputs.json layouts', () => {
  it('hold the same article JSON as files, where each layout says, beside the same CSV tables', () => {
    const reference = articleTexts(path.join(root, 'files'));
    expect([...reference.keys()]).toEqual(IDS.map((id) => `${id}.json`));
    for (const [name, text] of reference) expect(text).toBe(readFileSync(path.join(root, 'files', 'json', name), 'utf8'));
    for (const layout of ['sharded', 'jsonl'] as const) expect(articleTexts(path.join(root, layout)), layout).toEqual(reference);

    // sharded: json/<first 2 hex of sha256(id)>/<id>.json
    expect(jsonFolder(path.join(root, 'sharded'))).toEqual(IDS.map((id) => `${createHash('sha256').update(id).digest('hex').slice(0, 2)}/${id}.json`).sort());
    // jsonl: one shard (under 10,000 articles) whose lines, inflated as one stream, are the articles in id order, and the index.
    expect(jsonFolder(path.join(root, 'jsonl'))).toEqual(['articles-00000.jsonl.gz', 'index.csv']);
    const lines = gunzipSync(readFileSync(path.join(root, 'jsonl', 'json', 'articles-00000.jsonl.gz'))).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(IDS);
    const index = readCsv(path.join(root, 'jsonl', 'json', 'index.csv'));
    expect(index.map((r) => [r.id, r.shard])).toEqual(IDS.map((id) => [id, 'articles-00000.jsonl.gz']));
    expect(Number(index[1]!.offset)).toBe(Number(index[0]!.bytes));
    // none: no JSON at all.
    expect(existsSync(path.join(root, 'none', 'json'))).toBe(false);

    const tables = tableBytes(path.join(root, 'files'));
    expect(Object.keys(tables)).toContain('entities.csv');
    for (const layout of ['sharded', 'jsonl', 'none'] as const) expect(tableBytes(path.join(root, layout)), layout).toEqual(tables);
    // The manifest names each article's file, and the layout.
    const manifest = JSON.parse(readFileSync(path.join(root, 'jsonl', 'manifest.json'), 'utf8')) as { json_layout: string; articles: Array<{ json: string | null }> };
    expect(manifest.json_layout).toBe('jsonl');
    expect(new Set(manifest.articles.map((a) => a.json))).toEqual(new Set(['json/articles-00000.jsonl.gz']));
  });

  it('writes the same bytes when worker threads analyze the articles', async () => {
    for (const layout of ['sharded', 'jsonl'] as const) {
      const summary = await analyzeCorpus(configFor(layout, `${layout}-threads`, 'corpus', true));
      expect(summary.workers, layout).toBe(2);
      const files = jsonFolder(path.join(root, layout));
      expect(jsonFolder(path.join(root, `${layout}-threads`))).toEqual(files);
      for (const file of files) expect(readFileSync(path.join(root, `${layout}-threads`, 'json', file)).equals(readFileSync(path.join(root, layout, 'json', file))), file).toBe(true);
    }
  }, 120_000);

  it('gives jsonl shards that DuckDB reads as JSON Lines', async () => {
    const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
    const connection = await instance.connect();
    const glob = path.join(root, 'jsonl', 'json', '*.jsonl.gz').replaceAll("'", "''");
    const result = await connection.runAndReadAll(`SELECT id, dct, tension.index AS tension FROM read_json('${glob}', format = 'newline_delimited') ORDER BY id`);
    const rows = result.getRowObjectsJson() as Array<{ id: string; dct: string | null; tension: number }>;
    connection.closeSync();
    instance.closeSync();
    const articles = readCsv(path.join(root, 'files', 'articles.csv'));
    expect(rows.map((r) => [r.id, r.dct ?? ''])).toEqual(articles.map((a) => [a.article_id, a.dct]));
    const reader = openArticleJson(path.join(root, 'files'));
    expect(rows.map((r) => r.tension)).toEqual(IDS.map((id) => (JSON.parse(reader.read(id)!) as { tension: { index: number } }).tension.index));
    reader.close();
  });

  it('writes the same jsonl bytes when every article is analyzed again', async () => {
    const out = path.join(root, 'jsonl-forced');
    await analyzeCorpus(configFor('jsonl', 'jsonl-forced'));
    const first = readFileSync(path.join(out, 'json', 'articles-00000.jsonl.gz'));
    const summary = await analyzeCorpus(configFor('jsonl', 'jsonl-forced'), { force: true });
    expect(summary.ok).toBe(IDS.length);
    expect(readFileSync(path.join(out, 'json', 'articles-00000.jsonl.gz')).equals(first)).toBe(true);
    expect(readFileSync(path.join(out, 'json', 'index.csv'), 'utf8')).toBe(readFileSync(path.join(root, 'jsonl', 'json', 'index.csv'), 'utf8'));
    expect(first.equals(readFileSync(path.join(root, 'jsonl', 'json', 'articles-00000.jsonl.gz')))).toBe(true);
  });

  it('reuses every article on an unchanged rerun, and drops a deleted article from each layout', async () => {
    for (const layout of LAYOUTS) {
      const name = `rerun-${layout}`;
      const corpus = `corpus-${layout}`;
      cpSync(path.join(fixtures, 'articles'), path.join(root, corpus), { recursive: true });
      await analyzeCorpus(configFor(layout, name, corpus));
      const out = path.join(root, name);
      const shard = path.join(out, 'json', 'articles-00000.jsonl.gz');
      const shardBefore = layout === 'jsonl' ? statSync(shard).mtimeMs : 0;
      const rerun = await analyzeCorpus(configFor(layout, name, corpus));
      expect(rerun, layout).toMatchObject({ ok: 0, unchanged: IDS.length });
      // An unchanged jsonl shard is not written again.
      if (layout === 'jsonl') expect(statSync(shard).mtimeMs).toBe(shardBefore);
      expect(tableBytes(out), layout).toEqual(tableBytes(path.join(root, 'files')));

      rmSync(path.join(root, corpus, 'emoji-first.txt'));
      const after = await analyzeCorpus(configFor(layout, name, corpus));
      expect(after, layout).toMatchObject({ ok: 0, unchanged: IDS.length - 1 });
      const left = IDS.filter((id) => id !== 'emoji-first');
      expect(readCsv(path.join(out, 'articles.csv')).map((r) => r.article_id)).toEqual(left);
      if (layout === 'none') {
        expect(existsSync(path.join(out, 'json'))).toBe(false);
        continue;
      }
      const reader = openArticleJson(out);
      expect(reader.has('emoji-first'), layout).toBe(false);
      expect(reader.list().map((a) => a.name)).toEqual(left.map((id) => `${id}.json`));
      reader.close();
      expect(jsonFolder(out).some((f) => f.includes('emoji-first')), layout).toBe(false);
      if (layout === 'jsonl') expect(readCsv(path.join(out, 'json', 'index.csv')).map((r) => r.id)).toEqual(left);
      const expected = articleTexts(path.join(root, 'files'));
      expected.delete('emoji-first.json');
      expect(articleTexts(out)).toEqual(expected);
    }
  }, 240_000);

  it('moves the JSON of unchanged articles when the layout changes, analyzing nothing again', async () => {
    const out = path.join(root, 'moving');
    await analyzeCorpus(configFor('files', 'moving'));
    const reference = articleTexts(path.join(root, 'files'));
    for (const layout of ['sharded', 'jsonl', 'files', 'jsonl', 'sharded'] as const) {
      const summary = await analyzeCorpus(configFor(layout, 'moving'));
      expect(summary, layout).toMatchObject({ ok: 0, unchanged: IDS.length });
      expect(articleTexts(out), layout).toEqual(reference);
      // Nothing of the layout before is left.
      const files = jsonFolder(out);
      if (layout === 'files') expect(files).toEqual([...reference.keys()]);
      if (layout === 'jsonl') expect(files).toEqual(['articles-00000.jsonl.gz', 'index.csv']);
      if (layout === 'sharded') expect(files.every((f) => /^[0-9a-f]{2}\//u.test(f))).toBe(true);
    }
    // From none to a layout with JSON: its articles have no JSON to keep, so they are analyzed again.
    await analyzeCorpus(configFor('none', 'moving'));
    expect(existsSync(path.join(out, 'json'))).toBe(false);
    const back = await analyzeCorpus(configFor('jsonl', 'moving'));
    expect(back).toMatchObject({ ok: IDS.length, unchanged: 0 });
    expect(articleTexts(out)).toEqual(reference);
  }, 240_000);

  it('with none, reruns from the CSV rows, and analyzes again only when those changed', async () => {
    const out = path.join(root, 'rerun-none-csv');
    await analyzeCorpus(configFor('none', 'rerun-none-csv'));
    expect(await analyzeCorpus(configFor('none', 'rerun-none-csv'))).toMatchObject({ ok: 0, unchanged: IDS.length });
    // A table edited by hand: its rows can no longer be copied, and there is no JSON to rebuild them from.
    writeFileSync(path.join(out, 'dates.csv'), `${readFileSync(path.join(out, 'dates.csv'), 'utf8')}\r\n`);
    expect(await analyzeCorpus(configFor('none', 'rerun-none-csv'))).toMatchObject({ ok: IDS.length, unchanged: 0 });
    expect(tableBytes(out)).toEqual(tableBytes(path.join(root, 'files')));
  }, 120_000);

  it('gives the report every article page in each layout with JSON, and says why there is none with none', async () => {
    for (const layout of LAYOUTS) {
      const out = path.join(root, layout);
      const { pages } = await writeReport(out);
      const index = readFileSync(path.join(out, 'report', 'index.html'), 'utf8');
      if (layout === 'none') {
        expect(pages).toBe(1);
        expect(index).toContain('outputs.json is &quot;none&quot;');
        continue;
      }
      expect(pages, layout).toBe(IDS.length + 1);
      const page = readFileSync(path.join(out, 'report', 'articles', 'border-talks.html'), 'utf8');
      expect(page).toContain('Border');
      const location = openArticleJson(out).location('border-talks')!;
      expect(page).toContain(`../../${location.split('/').map(encodeURIComponent).join('/')}`);
    }
  });

  it('diffs folders of any layouts against each other and a golden folder, and refuses one without JSON', () => {
    for (const a of ['files', 'sharded', 'jsonl'] as const) {
      for (const b of ['files', 'sharded', 'jsonl'] as const) expect(diffOutputs(path.join(root, a), path.join(root, b)).totals, `${a} ${b}`).toMatchObject({ articlesCompared: IDS.length, changes: 0 });
    }
    expect(diffOutputs(path.join(fixtures, 'expected'), path.join(root, 'jsonl')).totals).toMatchObject({ articlesCompared: IDS.length, changes: 0 });
    // An article changed in a jsonl shard is found.
    const changed = path.join(root, 'jsonl-changed');
    cpSync(path.join(root, 'jsonl'), changed, { recursive: true });
    const reader = openArticleJson(path.join(root, 'jsonl'));
    const texts = IDS.map((id) => JSON.parse(reader.read(id)!) as { id: string; headline: { text: string } | null });
    reader.close();
    texts[0]!.headline = { ...texts[0]!.headline!, text: 'Another headline' };
    writeJsonl(changed, texts);
    expect(diffOutputs(path.join(root, 'sharded'), changed).totals).toMatchObject({ articlesCompared: IDS.length, articlesChanged: 1 });
    expect(() => diffOutputs(path.join(root, 'files'), path.join(root, 'none'))).toThrow(DiffInputError);
    expect(() => diffOutputs(path.join(root, 'files'), path.join(root, 'none'))).toThrow(/outputs\.json "none"/u);
  });

  it('checks against the golden files in every layout (none checks through files)', async () => {
    const golden = path.join(fixtures, 'expected');
    for (const layout of LAYOUTS) {
      const result = await checkGolden(configFor(layout, 'unused'), golden);
      expect(result.report.totals, layout).toMatchObject({ articlesCompared: IDS.length, changes: 0, failing: 0 });
    }
    // --update from a jsonl run writes the golden files exactly as files writes them.
    const copy = makeTempDir({}, 'json-layouts-golden-');
    const updated = await checkGolden(configFor('jsonl', 'unused'), copy, { update: true });
    expect(updated.updated).toEqual({ written: IDS.length, removed: 0 });
    for (const id of IDS) expect(readFileSync(path.join(copy, `${id}.json`), 'utf8')).toBe(readFileSync(path.join(golden, `${id}.json`), 'utf8'));
  }, 240_000);

  it('splits jsonl into shards in id order, and rewrites only the shards whose articles changed', () => {
    const source = openArticleJson(path.join(root, 'files'));
    const articles = IDS.map((id) => ({ id, text: source.read(id)! }));
    source.close();
    const out = makeTempDir({}, 'json-layouts-shards-');
    const write = (ids: readonly string[]): void => {
      const previous = openArticleJson(out);
      const writer = createArticleJsonWriter(out, 'jsonl', previous, 2);
      for (const a of articles) if (ids.includes(a.id)) writer.put(a.id, previous.has(a.id) ? { kind: 'previous' } : { kind: 'text', text: a.text });
      writer.commit();
      previous.close();
    };
    write(IDS);
    expect(jsonFolder(out)).toEqual(['articles-00000.jsonl.gz', 'articles-00001.jsonl.gz', 'articles-00002.jsonl.gz', 'index.csv']);
    const shardIds = (n: number): string[] => gunzipSync(readFileSync(path.join(out, 'json', `articles-0000${n}.jsonl.gz`))).toString('utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect([0, 1, 2].map(shardIds)).toEqual([IDS.slice(0, 2), IDS.slice(2, 4), IDS.slice(4)]);
    const firstShard = statSync(path.join(out, 'json', 'articles-00000.jsonl.gz')).mtimeMs;
    // The fourth article leaves: the first shard stays as it was, the second is rewritten, the third goes.
    const left = IDS.filter((id) => id !== 'summit-wire-2');
    write(left);
    expect(jsonFolder(out)).toEqual(['articles-00000.jsonl.gz', 'articles-00001.jsonl.gz', 'index.csv']);
    expect(statSync(path.join(out, 'json', 'articles-00000.jsonl.gz')).mtimeMs).toBe(firstShard);
    expect([0, 1].map(shardIds)).toEqual([left.slice(0, 2), left.slice(2)]);
    const expected = new Map([...articleTexts(path.join(root, 'files'))].filter(([name]) => name !== 'summit-wire-2.json'));
    expect(articleTexts(out)).toEqual(expected);
  });
});

describe('outputs.json in the config', () => {
  it('takes a layout name, true and false as files and none, and refuses anything else naming the layouts', () => {
    const json = (value: unknown) => {
      const result = validateConfig({ outputs: { json: value } }, null);
      return result.ok ? result.value.config.outputs.json : result.errors.join('\n');
    };
    expect(LAYOUTS.map(json)).toEqual(LAYOUTS);
    expect(json(true)).toBe('files');
    expect(json(false)).toBe('none');
    expect(validateConfig({}, null)).toMatchObject({ ok: true, value: { config: { outputs: { json: 'files' } } } });
    expect(json('shards')).toMatch(/outputs\.json.*"files", "sharded", "jsonl", "none"/su);
  });
});

/** A jsonl folder holding these articles, written through the store (the same writer a run uses). */
function writeJsonl(outputDir: string, articles: ReadonlyArray<{ id: string }>): void {
  const writer = createArticleJsonWriter(outputDir, 'jsonl', openArticleJson(path.join(outputDir, 'no-such-folder')));
  for (const a of articles) writer.put(a.id, { kind: 'text', text: JSON.stringify(a) });
  writer.commit();
}
