import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle, scanArticleFile, type IngestOptions } from '../../src/ingest/corpus.js';
import { DEFAULT_TABLE_OPTIONS } from '../../src/ingest/options.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

const exportCsv = readFileSync(new URL('./fixtures/monitoring-export.csv', import.meta.url));
const base: IngestOptions = { maxBytes: 10_000, defaultPublicationDate: null, language: { policy: 'reject', minConfidence: 0.6, minWords: 12 } };
const withId: IngestOptions = { ...base, table: { columns: { ...DEFAULT_TABLE_OPTIONS.columns, id: 'Article ID' } } };

async function scanAndLoad(files: Record<string, string | Uint8Array>, relPath: string, options: IngestOptions) {
  const dir = makeTempDir(files);
  const size = Buffer.byteLength(files[relPath]!);
  const scanned = await scanArticleFile(dir, relPath, size, options);
  const loaded = scanned.articles.map((ref) => loadArticle(dir, ref, options));
  return { scanned, loaded };
}

describe('a CSV export from a monitoring service (BOM, CRLF, quoted line breaks, commas and quotes)', () => {
  it('gives one article per good row, with the mapped fields and the other columns as metadata', async () => {
    const { scanned, loaded } = await scanAndLoad({ 'exports/jan.csv': exportCsv }, 'exports/jan.csv', withId);
    expect(scanned.articles.map((a) => [a.id, a.line])).toEqual([['mon-0001', 1], ['mon-0002', 2], ['exports/jan:6', 6]]);
    const first = loaded[0]!;
    if (!first.ok) throw new Error(first.error.reason);
    expect(first.article).toMatchObject({ id: 'mon-0001', sourcePath: 'exports/jan.csv:1', dct: '2026-01-14', dctSource: 'metadata' });
    expect(first.article.metadata).toEqual({
      'id': 'mon-0001',
      'title': 'Petro, Trump to meet at White House',
      'date': 'Wed, 14 Jan 2026 10:00:00 GMT',
      'source': 'Agence Example',
      'url': 'https://news.example.com/a/0001',
      'Section': 'World',
      'Word Count': '38',
    });
    // The quoted line breaks are the article's paragraph break; the CRLF record end is not in the text.
    expect(first.article.text).toBe('BOGOTÁ — Colombian President Gustavo Petro will meet U.S. President Donald Trump at the White House on Feb. 3, his office said on Wednesday.\n\nThe meeting follows weeks of tension over tariffs and deportation flights, officials said.');
    const second = loaded[1]!;
    expect(second.ok && [second.article.metadata.title, second.article.dct]).toEqual(['Ministers say talks "constructive"', '2026-01-14']);
    expect(second.ok && second.article.text).toContain('as "constructive" and');
    const sixth = loaded[2]!;
    expect(sixth.ok && [sixth.article.dct, sixth.article.metadata.url, 'id' in sixth.article.metadata]).toEqual(['2026-01-14', undefined, false]);
  });

  it('records each bad row once, naming file and row, and reads the rest', async () => {
    const { scanned } = await scanAndLoad({ 'exports/jan.csv': exportCsv }, 'exports/jan.csv', withId);
    expect(scanned.errors).toEqual([
      { articleId: 'mon-0003', file: 'exports/jan.csv', line: 3, reason: 'missing text: the "Body" column is empty (row 3 starts on line 6)' },
      { articleId: 'mon-0004', file: 'exports/jan.csv', line: 4, reason: expect.stringMatching(/^invalid date "14\/01\/2026": expected ISO 8601 .* \(row 4 starts on line 7\)$/u) },
      { articleId: 'mon-0005', file: 'exports/jan.csv', line: 5, reason: '7 fields where the header has 8 (row 5 starts on line 8)' },
    ]);
  });

  it('gives the same content hash on the second read as in the scan, and a new one when a row changes', async () => {
    const { scanned, loaded } = await scanAndLoad({ 'jan.csv': exportCsv }, 'jan.csv', withId);
    expect(loaded.map((r) => r.ok && r.article.contentHash)).toEqual(scanned.articles.map((a) => a.contentHash));
    const edited = Buffer.from(exportCsv.toString('utf8').replace('Agence Example', 'Agence Exemple'));
    const again = await scanAndLoad({ 'jan.csv': edited }, 'jan.csv', withId);
    expect(again.scanned.articles.map((a) => a.contentHash === scanned.articles.find((b) => b.id === a.id)!.contentHash)).toEqual([false, true, true]);
  });

  it('without a mapping for "Article ID", ids are file:row and the column passes through', async () => {
    const { scanned, loaded } = await scanAndLoad({ 'jan.csv': exportCsv }, 'jan.csv', base);
    expect(scanned.articles.map((a) => a.id)).toEqual(['jan:1', 'jan:2', 'jan:6']);
    expect(loaded[0]!.ok && loaded[0]!.article.metadata['Article ID']).toBe('mon-0001');
  });
});

describe('column mapping and whole-file problems', () => {
  it('recognizes common column names in any case, and reads a TSV', async () => {
    const tsv = 'PubDate\tHEADLINE\tContent\tpermalink\n2026-01-14\tTalks resume\tThe foreign minister said talks with Venezuela would resume next week in Caracas.\thttps://x.example/1\n';
    const { loaded } = await scanAndLoad({ 'feed.tsv': tsv }, 'feed.tsv', base);
    expect(loaded[0]!.ok && loaded[0]!.article).toMatchObject({ id: 'feed:1', dct: '2026-01-14', metadata: { title: 'Talks resume', url: 'https://x.example/1' }, text: 'The foreign minister said talks with Venezuela would resume next week in Caracas.' });
  });
  it('a file whose header has no text column, or lacks a configured column, is one error', async () => {
    const csv = 'headline,date\nA,2026-01-14\n';
    expect((await scanAndLoad({ 'a.csv': csv }, 'a.csv', base)).scanned.errors).toEqual([{ articleId: null, file: 'a.csv', line: null, reason: 'no text column: the header has "headline", "date"; name one in ingest.table.columns.text' }]);
    const mapped: IngestOptions = { ...base, table: { columns: { ...DEFAULT_TABLE_OPTIONS.columns, text: 'story_text' } } };
    expect((await scanAndLoad({ 'a.csv': 'text\nx\n' }, 'a.csv', mapped)).scanned.errors[0]!.reason).toBe('no column "story_text" (ingest.table.columns.text) in the header: "text"');
    expect((await scanAndLoad({ 'a.csv': '' }, 'a.csv', base)).scanned.errors[0]!.reason).toBe('no header row: the file has no records');
  });
  it('a row over ingest.maxBytes is an error row; a stray quote loses only its own row', async () => {
    const big = `text,id\n"${'word '.repeat(3000)}",big\nThe minister said talks would resume next week.,ok-1\nsaid "quoted" badly,bad\nThe envoy arrived in Caracas on Monday for talks.,ok-2\n`;
    const { scanned, loaded } = await scanAndLoad({ 'b.csv': big }, 'b.csv', base);
    expect(scanned.articles.map((a) => a.id)).toEqual(['ok-1', 'ok-2']);
    // The row after the unreadable one reads back alone, with the scan's hash.
    expect(loaded.map((r) => r.ok && r.article.text)).toEqual(['The minister said talks would resume next week.', 'The envoy arrived in Caracas on Monday for talks.']);
    expect(loaded.map((r) => r.ok && r.article.contentHash)).toEqual(scanned.articles.map((a) => a.contentHash));
    expect(scanned.errors.map((e) => [e.articleId, e.line, e.reason.replace(/:.*/u, '')])).toEqual([['big', 1, 'row of 15007 bytes is over the size limit of 10000 bytes (ingest.maxBytes)'], ['b:3', 3, 'unreadable CSV record']]);
  });
});

describe('a CSV file edited while its rows are read', () => {
  // Rows of the same length, so the scan's byte ranges still hold a whole row after the edit.
  const rowText = (word: string, size: number) => `The foreign minister said the ${word} talks with Venezuela would resume next week in Caracas. `.repeat(Math.ceil(size / 90)).slice(0, size);
  const csv = (second: string, size: number) => `id,text\na,${rowText('trade', size)}\nb,${rowText(second, size)}\nc,${rowText('water', size)}\n`;
  const options: IngestOptions = { ...base, maxBytes: 1_000_000 };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('reads a row kept from the scan as the file now is once the file has changed', async () => {
    const dir = makeTempDir({ 'e.csv': csv('grain', 400) });
    const scanned = await scanArticleFile(dir, 'e.csv', Buffer.byteLength(csv('grain', 400)), options);
    const first = loadArticle(dir, scanned.articles[0]!, options);
    writeFileSync(path.join(dir, 'e.csv'), csv('arms!', 400));
    // A stat is trusted for the rows read within 20 ms of it; after that the edit is seen.
    await wait(40);
    const second = loadArticle(dir, scanned.articles[1]!, options);
    expect(first.ok && first.article.text).toBe(rowText('trade', 400));
    expect(second.ok && second.article.text).toBe(rowText('arms!', 400));
    expect(second.ok && second.article.contentHash).not.toBe(scanned.articles[1]!.contentHash);
  });

  it('reads a row it must take from the disk with the header the file now has, even right after a trusted stat', async () => {
    // Rows over 64 KB: each is one block read of its own. The rows are read from a copy that was not
    // scanned in this process (as a worker of a distributed run reads them), so none is kept in memory.
    // The edit swaps the two columns: same byte ranges, other header.
    const size = 70_000;
    const swapped = `text,id\n${rowText('trade', size)},a\n${rowText('arms!', size)},b\n${rowText('water', size)},c\n`;
    const scanDir = makeTempDir({ 'e.csv': csv('grain', size) });
    const scanned = await scanArticleFile(scanDir, 'e.csv', Buffer.byteLength(csv('grain', size)), options);
    const dir = makeTempDir({ 'e.csv': csv('grain', size) });
    const first = loadArticle(dir, scanned.articles[0]!, options);
    writeFileSync(path.join(dir, 'e.csv'), swapped);
    const second = loadArticle(dir, scanned.articles[1]!, options);
    expect(first.ok && first.article.text).toBe(rowText('trade', size));
    expect(second.ok && [second.article.id, second.article.text]).toEqual(['b', rowText('arms!', size)]);
  });
});
