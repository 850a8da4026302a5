import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadArticle, parseArticleBytes, scanArticleFile, type IngestOptions } from '../../src/ingest/corpus.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

const ENGLISH = 'The foreign minister said on Tuesday that talks with Venezuela would resume next week in Caracas.';
const options: IngestOptions = { maxBytes: 20_000, defaultPublicationDate: null, language: { policy: 'reject', minConfidence: 0.6, minWords: 12 } };
const page = readFileSync(new URL('./fixtures/city-hall-budget.html', import.meta.url));
const exportCsv = readFileSync(new URL('./fixtures/monitoring-export.csv', import.meta.url));
const jsonl = [JSON.stringify({ id: 'j-1', date: '2026-01-14', text: ENGLISH }), '', JSON.stringify({ text: `${ENGLISH} Second.` }), '{"broken": '].join('\n');

async function scanAndLoad(files: Record<string, Uint8Array | string>, relPath: string) {
  const dir = makeTempDir(files);
  const scanned = await scanArticleFile(dir, relPath, Buffer.byteLength(files[relPath]!), options);
  return { scanned, loaded: scanned.articles.map((ref) => loadArticle(dir, ref, options)) };
}
const strip = (results: ReturnType<typeof loadArticle>[]) => results.map((r) => (r.ok ? { ...r.article, sourcePath: r.article.sourcePath.replace('.gz', '') } : r));

describe('gzip archives read like the files they hold', () => {
  it.each([
    ['dump.jsonl', jsonl],
    ['jan.csv', exportCsv],
    ['page.html', page],
    ['note.txt', `Talks Resume\n\n${ENGLISH}`],
    ['story.md', `---\nid: md-1\ndate: January 14, 2026\n---\n${ENGLISH}`],
  ] as const)('%s.gz reads like the plain file', async (name, content) => {
    const plain = await scanAndLoad({ [name]: content }, name);
    const packed = await scanAndLoad({ [`${name}.gz`]: gzipSync(content) }, `${name}.gz`);
    expect(packed.scanned.articles.map((a) => [a.id, a.line, a.contentHash])).toEqual(plain.scanned.articles.map((a) => [a.id, a.line, a.contentHash]));
    expect(packed.scanned.errors.map((e) => [e.articleId, e.line, e.reason])).toEqual(plain.scanned.errors.map((e) => [e.articleId, e.line, e.reason]));
    expect(strip(packed.loaded)).toEqual(strip(plain.loaded));
    expect(packed.loaded.length).toBeGreaterThan(0);
  });

  it('a truncated or corrupt archive is one error row, never a crash', async () => {
    const truncated = gzipSync(exportCsv).subarray(0, 200);
    expect((await scanAndLoad({ 'cut.csv.gz': truncated }, 'cut.csv.gz')).scanned).toEqual({ articles: [], errors: [{ articleId: null, file: 'cut.csv.gz', line: null, reason: 'corrupt gzip archive: unexpected end of file' }] });
    expect((await scanAndLoad({ 'fake.txt.gz': ENGLISH }, 'fake.txt.gz')).scanned.errors).toEqual([{ articleId: 'fake', file: 'fake.txt.gz', line: null, reason: 'corrupt gzip archive: incorrect header check' }]);
  });

  it('one article decompressing past ingest.maxBytes is over the size limit', async () => {
    const { scanned } = await scanAndLoad({ 'big.txt.gz': gzipSync(`${ENGLISH} `.repeat(1000)) }, 'big.txt.gz');
    expect(scanned.errors[0]!.reason).toBe('file decompresses to more than 20000 bytes, over the size limit (ingest.maxBytes)');
  });

  it('annotate reads a gzipped page from its bytes, and refuses a CSV', () => {
    const ref = (relPath: string, length: number) => ({ id: '', relPath, line: null, byteStart: 0, byteEnd: length });
    const html = parseArticleBytes(gzipSync(page), ref('page.html.gz', 0), options, false);
    expect(html.ok && html.article.metadata.title).toBe('Council Approves $1.2 Billion Budget After Late-Night Vote');
    const csv = parseArticleBytes(exportCsv, ref('jan.csv', exportCsv.length), options, false);
    expect(!csv.ok && csv.error.reason).toBe('a .csv file holds many articles: put it in a corpus folder and use "run"');
  });
});
