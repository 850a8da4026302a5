import { describe, expect, it } from 'vitest';
import { segmentText, splitParagraphs } from '../../src/segment/index.js';

describe('segmentation of news layout', () => {
  const text = 'Petro to Meet Donald Trump at the White House\n\nBOGOTÁ / WASHINGTON — Colombian President Gustavo Petro will meet U.S. President Donald Trump on February 3. Officials said the U.S. military had no plans.\n\nA second paragraph without a final period';
  const seg = segmentText(text);

  it('marks a title-case first line as the headline and keeps it in the text', () => {
    expect(seg.headline).toEqual({ start: 0, end: 45, text: 'Petro to Meet Donald Trump at the White House' });
    expect(seg.sentences[0]!.text).toBe(seg.headline!.text);
  });
  it('records the dateline and its places, and does not glue it to the first sentence', () => {
    expect(seg.dateline?.text).toBe('BOGOTÁ / WASHINGTON —');
    expect(seg.dateline?.places.map((p) => p.text)).toEqual(['BOGOTÁ', 'WASHINGTON']);
    expect(seg.sentences[1]!.text.startsWith('Colombian President Gustavo Petro')).toBe(true);
  });
  it('does not split after "U.S." inside a sentence, and always splits at paragraph breaks', () => {
    expect(seg.sentences.map((s) => s.text)).toEqual([
      'Petro to Meet Donald Trump at the White House',
      'Colombian President Gustavo Petro will meet U.S. President Donald Trump on February 3.',
      'Officials said the U.S. military had no plans.',
      'A second paragraph without a final period',
    ]);
    expect(seg.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
  });
  it('gives every sentence offsets that slice back to its text', () => {
    for (const s of seg.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const t of seg.tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
  });
  it('recognizes agency datelines', () => {
    const agency = segmentText('LONDON, March 3 (Reuters) - British ministers met on Tuesday.');
    expect(agency.dateline?.text).toBe('LONDON, March 3 (Reuters) -');
    expect(segmentText('A man said — nothing.').dateline).toBeNull();
  });
  it('splits paragraphs on blank lines only', () => {
    expect(splitParagraphs('a\nb\n\n  c\n')).toEqual([{ start: 0, end: 3 }, { start: 7, end: 8 }]);
  });
});
