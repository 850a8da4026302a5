import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
    'page.html': '<p>x</p>',
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
  it('finds every article, id, byte range and error, duplicates included', () => {
    const dir = corpus();
    const cached = freshScan(dir);
    expect(cached.refs.map((r) => r.id)).toEqual(['alpha', 'b/plain', 'd:5', 'line-1', 'zeta']);
    expect(cached.errors.some((e) => /duplicate id "zeta"/u.test(e.reason))).toBe(true);
  });

  it('reads only changed files on a rerun, and still agrees with a fresh scan', () => {
    const dir = corpus();
    const first = scanCorpusCached(dir, options, null);
    const again = scanCorpusCached(dir, options, first.files);
    expect(again.filesRead).toBe(0);
    expect(again.refs).toEqual(first.refs);
    expect(again.errors).toEqual(first.errors);

    writeFileSync(path.join(dir, 'b', 'plain.txt'), `${ENGLISH} They agreed.`);
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ id: 'alpha', text: ENGLISH.replace('Tuesday', 'Monday!') }));
    utimesSync(path.join(dir, 'c.json'), 1_000, 1_000); // same size, older time: still a change
    rmSync(path.join(dir, 'e', 'empty.txt'));
    writeFileSync(path.join(dir, 'new.txt'), ENGLISH);
    const third = scanCorpusCached(dir, options, again.files);
    expect(third.filesRead).toBe(3);
    expect(plain(third)).toEqual(plain(freshScan(dir)));
    expect(third.refs.find((r) => r.id === 'alpha')!.contentHash).not.toBe(first.refs.find((r) => r.id === 'alpha')!.contentHash);
  });
});
