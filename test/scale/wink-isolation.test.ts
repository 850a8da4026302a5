import { describe, expect, it } from 'vitest';
import { beginWinkDocument, winkIsolationActive } from '../../src/nlp/wink-isolation.js';
import { createDocument } from '../../src/segment/create-document.js';

/**
 * wink-nlp keeps every new word it meets and then tokenizes differently ("KO's" as one token once it
 * has seen it). The corpus runner hides those learned words between documents, so an article's tokens
 * never depend on the articles read before it in the same thread.
 */
const tokens = (text: string): string[] => {
  beginWinkDocument();
  return createDocument({ id: 't', text, dct: null }).tokens.map((t) => t.value);
};

describe('wink isolation between documents', () => {
  const target = "He took a 38-0 record with 34 KO's into the ring against Ken Norton.";
  it('tokenizes an article the same whatever was read before it', () => {
    const fresh = tokens(target);
    expect(winkIsolationActive()).toBe(true);
    for (const earlier of ["He finished the year 1977 40-1 with 36 KO's.", "Fans shouted \"KO's!\" as Dr. Zheng-Wu's X-7 test ran (KO's)."]) {
      tokens(earlier);
      expect(tokens(target)).toEqual(fresh);
    }
    expect(fresh).toContain('KO');
  });

  it('still treats a word the document itself introduced the way a fresh process does', () => {
    const text = "Zorblax's plan failed. Zorblax's, they said, was over; Zorblax's.";
    const first = tokens(text);
    tokens("Zorblax's");
    expect(tokens(text)).toEqual(first);
  });
});
