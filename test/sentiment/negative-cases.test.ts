import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/segment/create-document.js';
import { readSentiment } from '../../src/sentiment/score.js';

/** Factual news sentences with no evaluative word: the model must not read a tone into them. */
describe('[sentiment] negative cases: factual sentences read neutral (|score| < 0.05)', () => {
  it.each([
    'The ministry published the figures on Monday.',
    'The talks were held in Geneva and lasted three hours.',
    'The report lists 40 projects in six provinces.',
    'The delegation arrived in Bogota on Wednesday morning.',
    'The bill was sent to the Senate after a second reading.',
    'Officials said the census would be completed by March.',
    '',
    '12.5% of 2,000',
  ])('%j', (text) => {
    const doc = createDocument({ id: 'test', text });
    const s = readSentiment(doc.tokens, 0, doc.tokens.length).score;
    expect(Math.abs(s)).toBeLessThan(0.05);
  });
});
