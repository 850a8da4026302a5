import { describe, expect, it } from 'vitest';
import { evenShare, type GoldDocument } from '../../src/eval/entities.js';

const doc = (id: string, source: string): GoldDocument => ({ id, source, text: '', entities: [] });

describe('[entities] eval --train-fraction (learning curve)', () => {
  it('keeps an even spread of each source, in proportion, whatever the input order', () => {
    const docs = [doc('a6', 'news'), doc('b1', 'wiki'), doc('a1', 'news'), doc('a2', 'news'), doc('a3', 'news'), doc('b2', 'wiki'), doc('a4', 'news'), doc('a5', 'news')];
    const half = evenShare(docs, (d) => d, 0.5).map((d) => d.id);
    expect(half).toEqual(['a2', 'a4', 'a6', 'b2']);
    expect(evenShare([...docs].reverse(), (d) => d, 0.5).map((d) => d.id)).toEqual(half);
    expect(evenShare(docs, (d) => d, 1)).toHaveLength(8);
    // A quarter of two documents is half a document: none.
    expect(evenShare(docs, (d) => d, 0.25).map((d) => d.id)).toEqual(['a4']);
  });
});
