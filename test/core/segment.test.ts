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

describe('sentences over limits.maxSentenceTokens', () => {
  // A scraped list with no sentence punctuation: clauses joined by commas, "and", and one semicolon.
  const clause = (i: number): string => `the ministers of Colombia and Venezuela met in Caracas on day ${i} to discuss the border`;
  const text = `${Array.from({ length: 40 }, (_, i) => clause(i)).join(', ')}; then ${clause(99)}\n`;

  it('splits a long sentence into pieces of at most the limit, at clause boundaries, with exact offsets', () => {
    const seg = segmentText(text, { maxSentenceTokens: 50 });
    expect(seg.sentences.length).toBeGreaterThan(8);
    for (const s of seg.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      const contentTokens = seg.tokens.slice(s.tokenStart, s.tokenEnd).filter((t) => t.value.trim() !== '');
      expect(contentTokens.length).toBeLessThanOrEqual(50);
    }
    // Cut after a comma (the piece ends with it), never inside a clause.
    for (const s of seg.sentences.slice(0, -1)) expect(s.text.endsWith(',') || s.text.endsWith(';')).toBe(true);
    // The pieces cover the sentence: no token lost or repeated.
    expect(seg.sentences.map((s) => s.text).join(' ')).toBe(text.trim());
    expect(seg.diagnostics).toHaveLength(1);
    expect(seg.diagnostics[0]!.message).toMatch(/sentence of \d+ tokens \(over limits\.maxSentenceTokens 50\) was split into \d+ pieces/u);
  });

  it('falls back to fixed windows when there is no clause boundary', () => {
    const words = Array.from({ length: 130 }, (_, i) => `word${i}`).join(' ');
    const seg = segmentText(words, { maxSentenceTokens: 50 });
    expect(seg.sentences.map((s) => s.tokenEnd - s.tokenStart)).toEqual([50, 50, 30]);
    for (const s of seg.sentences) expect(words.slice(s.start, s.end)).toBe(s.text);
  });

  it('leaves sentences within the limit alone, with no diagnostic', () => {
    const seg = segmentText(text, { maxSentenceTokens: 1000 });
    expect(seg.sentences).toHaveLength(1);
    expect(seg.diagnostics).toEqual([]);
  });
});
