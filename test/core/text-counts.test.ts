import { describe, expect, it } from 'vitest';
import { codePointConverter } from '../../src/document/offsets.js';
import { wordCount } from '../../src/output/csv-tables.js';

const SAMPLES = [
  '',
  ' ',
  'one',
  '  two  words  ',
  'Bogotá\u00a0and\u2009Washington\u3000met',
  'tab\tnew\nline\r\nvertical\u000bform\u000c',
  'emoji 😀 pair and lone \ud800 high and \udc00 low',
  '\ufeffBOM start\u2028line sep\u2029para sep\u202fnarrow\u205fmath\u1680ogham',
  'ends with a high surrogate \ud83d',
];

describe('[output] article text counts', () => {
  it('match Array.from(text).length and the split/filter word count', () => {
    const all = [...SAMPLES];
    for (let unit = 0; unit < 0x3100; unit++) all.push(`a${String.fromCharCode(unit)}b c`);
    for (const text of all) {
      expect(codePointConverter(text)(text.length), JSON.stringify(text)).toBe(Array.from(text).length);
      expect(wordCount(text), JSON.stringify(text)).toBe(text.split(/\s+/u).filter((w) => w !== '').length);
    }
  });
});
