import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManifestWriter, type Manifest, type ManifestArticle } from '../../src/pipeline/manifest.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const scratch = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'manifest-writer-'));
  dirs.push(dir);
  return dir;
};

const head: Omit<Manifest, 'articles' | 'files'> = {
  tool: 'article-pipeline',
  version: '0.1.0',
  config_hash: 'c0ffee',
  json_layout: 'sharded',
  started_at: '2026-12-04T03:00:00.000Z',
  csv_files: { sentences: { bytes: 120, mtime_ms: 1764817200000.5 } },
};
const written = (id: string): ManifestArticle => ({
  id,
  source_path: `news/${id}.md`,
  content_hash: `hash-of-${id}`,
  status: 'ok',
  json: `json/ab/${id}.json`,
  counts: { sentences: 3, entities: 5, timexes: 1, tensionCues: 2 } as ManifestArticle['counts'],
  csv: { sentences: [0, 120], events: [40, 80] },
});
const rejected: ManifestArticle = { id: '', source_path: 'exports/feed.csv:7', content_hash: '', status: 'rejected', json: null };

async function streamed(articles: readonly ManifestArticle[], files: Manifest['files']): Promise<string> {
  const dir = scratch();
  const writer = new ManifestWriter(dir);
  for (const entry of articles) writer.add(entry);
  await writer.finish(head, files);
  // Only the manifest is left: the scratch file of entries is gone.
  expect(readdirSync(dir)).toEqual(['manifest.json']);
  return readFileSync(path.join(dir, 'manifest.json'), 'utf8');
}

describe('the streamed manifest', () => {
  it('has the bytes JSON.stringify gives the whole manifest, entries with quotes and line breaks included', async () => {
    const articles = [written('a-1'), written('quote"and\nbreak'), rejected];
    const files: Manifest['files'] = {
      'news/a-1.md': { bytes: 900, mtime_ms: 1764817100000, articles: [['a-1', null, 0, 900, 'hash-of-a-1']], errors: [] },
      'exports/feed.csv': { bytes: 5000, mtime_ms: 1764817000000, articles: [['feed:1', 1, 30, 700, 'h']], errors: [[null, 7, 'row 7 has no text']] },
    };
    expect(await streamed(articles, files)).toBe(`${JSON.stringify({ ...head, articles, files }, null, 2)}\n`);
  });

  it('writes empty lists as JSON.stringify does, and leaves out absent file records', async () => {
    expect(await streamed([], {})).toBe(`${JSON.stringify({ ...head, articles: [], files: {} }, null, 2)}\n`);
    expect(await streamed([rejected], undefined)).toBe(`${JSON.stringify({ ...head, articles: [rejected] }, null, 2)}\n`);
  });

  it('streams entries past its write buffer in order', async () => {
    const articles = Array.from({ length: 3000 }, (_, i) => written(`article-${String(i).padStart(5, '0')}`));
    const text = await streamed(articles, {});
    expect(text).toBe(`${JSON.stringify({ ...head, articles, files: {} }, null, 2)}\n`);
  });

  it('leaves no manifest and no scratch file when the run fails before it finishes', () => {
    const dir = scratch();
    const writer = new ManifestWriter(dir);
    writer.add(written('a-1'));
    writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
