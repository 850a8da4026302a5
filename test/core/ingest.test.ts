import { describe, expect, it } from 'vitest';
import { parseArticleBytes, scanArticleFile, splitFrontMatter, type IngestOptions } from '../../src/ingest/corpus.js';
import { makeTempDir } from '../helpers/temp-corpus.js';
import { parsePublicationDate } from '../../src/ingest/metadata.js';
import { decodeArticleBytes } from '../../src/ingest/normalize.js';

const options: IngestOptions = { maxBytes: 10_000, defaultPublicationDate: null, language: { policy: 'reject', minConfidence: 0.3, minWords: 12 } };
const parse = (content: string | Uint8Array, relPath = 'a/story.txt', line: number | null = null, opts = options) => {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return parseArticleBytes(bytes, { id: '', relPath, line, byteStart: 0, byteEnd: bytes.length }, opts, false);
};
const ENGLISH = 'The Colombian government announced on Wednesday that the president will travel to Washington next month for talks.';

describe('stored text', () => {
  it('removes the BOM, turns CRLF and CR into LF and composes to NFC, cutting nothing else', () => {
    const decoded = decodeArticleBytes(Buffer.from('\uFEFFHeadline\r\n\r\nBogota\u0301 said.\rEnd.  ', 'utf8'));
    expect(decoded).toEqual({ ok: true, text: 'Headline\n\nBogotá said.\nEnd.  ' });
  });
  it('rejects invalid UTF-8 and binary files', () => {
    expect(decodeArticleBytes(Uint8Array.from([0x48, 0xff, 0xfe, 0x41]))).toEqual({ ok: false, reason: 'not valid UTF-8' });
    expect(decodeArticleBytes(Uint8Array.from([0x48, 0x00, 0x41]))).toMatchObject({ ok: false, reason: expect.stringContaining('binary') });
  });
});

describe('metadata', () => {
  it('reads YAML front matter and keeps unknown keys', () => {
    const result = parse(`---\nid: seed-1\ntitle: "A title"\ndate: 2026-01-14\nsection: world\n---\n${ENGLISH}`, 'x.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article).toMatchObject({ id: 'seed-1', dct: '2026-01-14', dctSource: 'metadata', text: ENGLISH });
    expect(result.article.metadata.section).toBe('world');
  });
  it('takes the id from the path without extension, and path:line for jsonl', () => {
    const txt = parse(ENGLISH, 'world/story.txt');
    expect(txt.ok && txt.article.id).toBe('world/story');
    const jsonl = parse(JSON.stringify({ text: ENGLISH }), 'batch/day.jsonl', 3);
    expect(jsonl.ok && jsonl.article.id).toBe('batch/day:3');
    expect(jsonl.ok && jsonl.article.sourcePath).toBe('batch/day.jsonl:3');
  });
  it('accepts ISO dates and date-times with offsets, taking the date as written', () => {
    expect(parsePublicationDate('2026-01-14')).toBe('2026-01-14');
    expect(parsePublicationDate('2026-01-14T23:30:00-05:00')).toBe('2026-01-14');
    expect(parsePublicationDate('2026-01-14T08:00Z')).toBe('2026-01-14');
    for (const bad of ['2026-02-30', '14/01/2026', '2026-1-4', '2026-01-14T10:00']) expect(parsePublicationDate(bad)).toBeNull();
  });
  it('uses the config default date when metadata has none, and records where the date came from', () => {
    const withDefault = parse(ENGLISH, 'x.txt', null, { ...options, defaultPublicationDate: '2025-05-01' });
    expect(withDefault.ok && [withDefault.article.dct, withDefault.article.dctSource]).toEqual(['2025-05-01', 'config']);
    const without = parse(ENGLISH);
    expect(without.ok && [without.article.dct, without.article.dctSource]).toEqual([null, 'none']);
  });
});

describe('bad input becomes a named error, never a throw', () => {
  const cases: Array<[string, string | Uint8Array, string, RegExp]> = [
    ['empty', '', 'e.txt', /empty article: no text/u],
    ['whitespace only', ' \n\t\n', 'e.txt', /only whitespace/u],
    ['front matter only', '---\ntitle: x\n---\n', 'e.md', /empty article/u],
    ['binary', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), 'b.txt', /binary/u],
    ['invalid UTF-8', Uint8Array.from([0x61, 0xc3, 0x28]), 'b.txt', /UTF-8/u],
    ['unclosed front matter', `---\ntitle: x\n${ENGLISH}`, 'f.md', /malformed front matter: no closing/u],
    ['bad YAML', `---\ntitle: [unclosed\n---\n${ENGLISH}`, 'f.md', /malformed front matter/u],
    ['malformed JSON', '{"text": "abc",', 'j.json', /malformed JSON/u],
    ['JSON array', '[1,2]', 'j.json', /one article object/u],
    ['missing text', '{"id": "x", "title": "t"}', 'j.json', /missing text/u],
    ['text not a string', '{"text": 42}', 'j.json', /must be a string/u],
    ['invalid date', `---\ndate: 2026-13-01\n---\n${ENGLISH}`, 'd.md', /invalid date "2026-13-01"/u],
    ['date not ISO', JSON.stringify({ text: ENGLISH, date: 'yesterday' }), 'd.json', /invalid date "yesterday"/u],
    ['empty id', JSON.stringify({ text: ENGLISH, id: '' }), 'd.json', /"id" must be a non-empty string/u],
  ];
  it.each(cases)('%s', (_label, content, relPath, reason) => {
    const result = parse(content, relPath);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.file).toBe(relPath);
    expect(result.error.reason).toMatch(reason);
  });
  it('over the size limit', () => {
    const result = parse(ENGLISH.repeat(200), 'big.txt');
    expect(!result.ok && result.error.reason).toMatch(/over the size limit of 10000 bytes/u);
  });
  it('rejects confidently non-English text, but never a short English article or a headline', () => {
    const spanish = 'El presidente de Colombia se reunirá con el presidente de Estados Unidos en la Casa Blanca el 3 de febrero, anunció el gobierno colombiano el miércoles, en una visita que los funcionarios describieron como una oportunidad para reparar las relaciones.';
    const rejected = parse(spanish, 'es.txt');
    expect(!rejected.ok && rejected.error.reason).toMatch(/not English: detected "es"/u);
    const warned = parse(spanish, 'es.txt', null, { ...options, language: { ...options.language, policy: 'warn' } });
    expect(warned.ok && warned.article.warnings[0]).toMatch(/not English/u);
    for (const english of ['Petro to Meet Donald Trump at the White House', 'Bogotá rejects sanctions.', ENGLISH]) expect(parse(english).ok).toBe(true);
  });
});

describe('front matter', () => {
  it('leaves text without front matter untouched', () => {
    expect(splitFrontMatter('--- not front matter')).toEqual({ ok: true, metadata: {}, body: '--- not front matter' });
  });
});

describe('jsonl scan', () => {
  it('reads a jsonl file larger than its read buffer line by line, with exact byte ranges', async () => {
    // ~3 MB: lines cross the 1 MB read chunks; one line is over the size limit and one is blank.
    const lines: string[] = [];
    for (let i = 1; i <= 3000; i++) lines.push(JSON.stringify({ id: `a${i}`, text: `${ENGLISH} Édition ${i}. ${'x'.repeat(900)}` }));
    lines[1499] = JSON.stringify({ id: 'huge', text: 'y'.repeat(20_000) });
    lines[1999] = '   ';
    const content = `${lines.join('\n')}\n`;
    const dir = makeTempDir({ 'batch.jsonl': content });
    const scanned = await scanArticleFile(dir, 'batch.jsonl', Buffer.byteLength(content), options);
    expect(scanned.articles).toHaveLength(2998);
    expect(scanned.errors).toEqual([{ articleId: 'batch:1500', file: 'batch.jsonl', line: 1500, reason: expect.stringMatching(/^article of 20\d\d\d bytes is over the size limit of 10000 bytes/u) }]);
    const bytes = Buffer.from(content, 'utf8');
    for (const article of scanned.articles) {
      const line = JSON.parse(bytes.subarray(article.byteStart, article.byteEnd).toString('utf8')) as { id: string };
      expect(line.id).toBe(`a${article.line}`);
    }
    expect(scanned.articles.at(-1)).toMatchObject({ id: 'a3000', line: 3000, byteEnd: bytes.length - 1 });
  });
});
