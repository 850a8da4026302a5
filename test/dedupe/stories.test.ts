import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignStories, type DedupeInput } from '../../src/dedupe/cluster.js';
import { decodeSignature, encodeSignature, estimatedJaccard, minhashSignature, SIGNATURE_SIZE } from '../../src/dedupe/minhash.js';

/** Real wire and newspaper articles from the public TimeML gold data, read by path. */
function goldArticle(id: string): { text: string; dct: string } {
  const file = path.resolve(__dirname, '../../../shared/eval/timex-dev.jsonl');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.includes(`"${id}"`)) {
      const record = JSON.parse(line) as { id: string; text: string; dct: string };
      if (record.id === id) return { text: record.text.trim(), dct: record.dct };
    }
  }
  throw new Error(`${id} not in timex-dev.jsonl`);
}

const input = (id: string, text: string, date: string | null): DedupeInput => ({ id, date, signature: minhashSignature(text) });

describe('[dedupe] near-duplicate stories', () => {
  const gulf = goldArticle('AP900815-0044');
  const paragraphs = gulf.text.split(/\n\s*\n|\n/u).filter((p) => p.trim() !== '');

  it('finds a syndicated copy with a new headline, a changed dateline, a dropped last paragraph and reworded sentences', () => {
    const edited = [
      'Iraq offers peace plan as troops mass on Saudi border',
      `BAGHDAD (Reuters) - ${paragraphs[0]}`,
      ...paragraphs.slice(1, -1).map((p, i) => (i % 4 === 1 ? p.replace(/\bsaid\b/u, 'stated').replace(/\bthe\b/u, 'a') : p)),
    ].join('\n\n');
    expect(estimatedJaccard(minhashSignature(gulf.text), minhashSignature(edited))).toBeGreaterThan(0.6);
    const stories = assignStories([input('wire', gulf.text, '1990-08-15'), input('outlet-b', edited, '1990-08-16')]);
    expect(stories.map((s) => s.storyId)).toEqual(['wire', 'wire']);
    expect(stories[1]!.duplicateOf).toBe('wire');
    expect(stories[0]!.duplicateOf).toBeNull();
  });

  it('keeps different outlets reporting the same crisis apart', () => {
    const ids = ['AP900815-0044', 'AP900816-0139', 'WSJ900813-0157'];
    const stories = assignStories(ids.map((id) => input(id, goldArticle(id).text, goldArticle(id).dct)));
    expect(stories.map((s) => s.storyId)).toEqual(ids);
    expect(stories.every((s) => s.duplicateOf === null)).toBe(true);
  });

  it('makes the earliest dated copy the story, undated copies last, then by id', () => {
    const stories = assignStories([
      input('b-undated', gulf.text, null),
      input('c-later', gulf.text, '1990-08-17'),
      input('z-first', gulf.text, '1990-08-15'),
      input('a-first', gulf.text, '1990-08-15'),
    ]);
    expect(stories.map((s) => s.storyId)).toEqual(['a-first', 'a-first', 'a-first', 'a-first']);
    expect(stories.map((s) => s.duplicateOf)).toEqual(['a-first', 'a-first', 'a-first', null]);
  });

  it('gives the same stories whatever the input order', () => {
    const articles = [
      input('one', gulf.text, '1990-08-15'),
      input('two', paragraphs.slice(0, -2).join('\n\n'), '1990-08-15'),
      input('three', goldArticle('WSJ900813-0157').text, '1990-08-13'),
      input('four', goldArticle('AP900816-0139').text, '1990-08-16'),
    ];
    const forward = assignStories(articles);
    const backward = assignStories([...articles].reverse()).reverse();
    expect(backward).toEqual(forward);
  });

  it('puts a thousand copies of one wire story in one story through bucket representatives', () => {
    const copies = Array.from({ length: 1000 }, (_, i) => input(`copy-${String(i).padStart(4, '0')}`, `${gulf.text}\n\nItem ${i}.`, '1990-08-15'));
    const stories = assignStories(copies);
    expect(new Set(stories.map((s) => s.storyId))).toEqual(new Set(['copy-0000']));
  });

  it('never merges texts without words, and stores signatures as text exactly', () => {
    const stories = assignStories([input('empty-a', '', '2026-01-01'), input('empty-b', ' — ', '2026-01-01')]);
    expect(stories.map((s) => s.storyId)).toEqual(['empty-a', 'empty-b']);
    const signature = minhashSignature(gulf.text);
    expect(signature).toHaveLength(SIGNATURE_SIZE);
    expect(Array.from(decodeSignature(encodeSignature(signature))!)).toEqual(Array.from(signature));
    expect(decodeSignature('not a signature')).toBeNull();
  });

  it('reads case, spacing and punctuation edits as the same text', () => {
    const a = minhashSignature('The Foreign Ministry said on Monday that talks would resume in Geneva next week.');
    const b = minhashSignature('the foreign ministry said, on Monday,  that talks would resume in Geneva next week');
    expect(estimatedJaccard(a, b)).toBe(1);
  });
});
