import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { IngestOptions } from '../../src/ingest/corpus.js';
import { scanCorpusCached } from '../../src/pipeline/scan-cache.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

const ENGLISH = 'The foreign minister said on Tuesday that talks with Venezuela would resume next week in Caracas.';
const options: IngestOptions = { maxBytes: 2_000, defaultPublicationDate: null, language: { policy: 'reject', minConfidence: 0.6, minWords: 12 } };

/** A scan that trusts cached records must give what a fresh scan gives, for good and bad files alike. */
const freshScan = (dir: string) => scanCorpusCached(dir, options, null);

function corpus(): string {
  return makeTempDir({
    'a.md': `---\nid: zeta\ndate: 2026-01-14\n---\n${ENGLISH}`,
    'b/plain.txt': ENGLISH,
    'c.json': JSON.stringify({ id: 'alpha', text: ENGLISH }),
    'd.jsonl': [JSON.stringify({ id: 'line-1', text: ENGLISH }), '', '{"id": "broken", ', JSON.stringify({ id: 'zeta', text: ENGLISH }), JSON.stringify({ text: ENGLISH })].join('\n'),
    'e/empty.txt': '',
    'e/huge.txt': `${ENGLISH} `.repeat(40),
    'e/date.md': `---\ndate: 14/01/2026\n---\n${ENGLISH}`,
    'page.pdf': '%PDF-1.7',
    'f/export.csv': `id,date,body\r\nc-1,"Jan 14, 2026","${ENGLISH}\nSecond paragraph."\r\n,2026-01-15,${ENGLISH}\r\nc-3,yesterday,${ENGLISH}\r\n`,
    'g/dump.jsonl.gz': gzipSync([JSON.stringify({ id: 'gz-1', text: ENGLISH }), JSON.stringify({ text: ENGLISH })].join('\n')),
    'g/broken.csv.gz': gzipSync(`text\n${ENGLISH}\n`).subarray(0, 20),
    'h/page.html': `<html><body><article><h1>Talks resume</h1><p>${ENGLISH}</p><p>${ENGLISH}</p></article></body></html>`,
  });
}

const plain = (scan: { refs: readonly object[]; errors: readonly object[] }) => ({
  refs: scan.refs.map((r) => {
    const { contentHash: _h, ...ref } = r as { contentHash?: string };
    return ref;
  }),
  errors: scan.errors,
});

describe('scanCorpusCached', () => {
  it('finds every article, id, byte range and error, duplicates included', async () => {
    const dir = corpus();
    const cached = await freshScan(dir);
    expect(cached.refs.map((r) => r.id)).toEqual(['alpha', 'b/plain', 'c-1', 'd:5', 'f/export:2', 'g/dump:2', 'gz-1', 'h/page', 'line-1', 'zeta']);
    expect(cached.errors.map((e) => `${e.file}:${e.line ?? ''}`)).toEqual(expect.arrayContaining(['f/export.csv:3', 'g/broken.csv.gz:', 'page.pdf:']));
    expect(cached.errors.some((e) => /duplicate id "zeta"/u.test(e.reason))).toBe(true);
  });

  it('reads only changed files on a rerun, and still agrees with a fresh scan', async () => {
    const dir = corpus();
    const first = await scanCorpusCached(dir, options, null);
    const again = await scanCorpusCached(dir, options, first.files);
    expect(again.filesRead).toBe(0);
    expect(again.refs).toEqual(first.refs);
    expect(again.errors).toEqual(first.errors);

    writeFileSync(path.join(dir, 'b', 'plain.txt'), `${ENGLISH} They agreed.`);
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ id: 'alpha', text: ENGLISH.replace('Tuesday', 'Monday!') }));
    utimesSync(path.join(dir, 'c.json'), 1_000, 1_000); // same size, older time: still a change
    rmSync(path.join(dir, 'e', 'empty.txt'));
    writeFileSync(path.join(dir, 'new.txt'), ENGLISH);
    const third = await scanCorpusCached(dir, options, again.files);
    expect(third.filesRead).toBe(3);
    expect(plain(third)).toEqual(plain(await freshScan(dir)));
    expect(third.refs.find((r) => r.id === 'alpha')!.contentHash).not.toBe(first.refs.find((r) => r.id === 'alpha')!.contentHash);
  });
});
