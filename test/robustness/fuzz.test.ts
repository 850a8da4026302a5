import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyArticle, checkArticle } from './fuzz-articles.js';

/**
 * Random and mutated articles (test/robustness/fuzz-articles.ts) with a fixed seed and a bounded number
 * of cases, so a run of `npm test` is reproducible; `npm run fuzz` runs many more with fresh seeds.
 */
describe('fuzzed articles', () => {
  it('never throw, keep offsets exact and the JSON valid, and finish within the time budget', () => {
    fc.assert(
      fc.property(anyArticle(), (article) => {
        expect(checkArticle(article)).toEqual([]);
      }),
      { seed: 20, numRuns: 120 },
    );
  }, 120_000);
});
