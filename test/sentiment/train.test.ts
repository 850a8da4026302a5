import { describe, expect, it } from 'vitest';
import { crossValidateModel, fitSentenceModel, lemmaAdjustments, predictRow, type TrainingRow } from '../../src/sentiment/fit.js';

describe('[sentiment] per-lemma corrections and the stacked fit (src/sentiment/fit.ts)', () => {
  it('a correction is the residual sum over (occurrences + shrink), rounded, zeros left out', () => {
    const rows: TrainingRow[] = [
      { x: [0], lemmas: ['truce', 'the'] },
      { x: [0], lemmas: ['truce'] },
      { x: [0], lemmas: ['siege'] },
    ];
    const adjustments = lemmaAdjustments(rows, [1, 2, 0], 10);
    expect(adjustments.get('truce')).toBeCloseTo(3 / 12, 3);
    expect(adjustments.get('the')).toBeCloseTo(1 / 11, 3);
    expect(adjustments.has('siege')).toBe(false);
  });

  // 30 articles of 8 sentences; y = 2x, plus 1 where the sentence has the lemma "boon" (spread over all
  // articles), plus 3 where it has "local", a lemma of article 7 only.
  const records: { id: string; text: string; score: number }[] = [];
  const rows: TrainingRow[] = [];
  for (let a = 0; a < 30; a++) {
    for (let s = 0; s < 8; s++) {
      const x = Math.sin(a * 8 + s);
      const boon = (a + s) % 3 === 0;
      const local = a === 7 && s % 2 === 0;
      rows.push({ x: [x], lemmas: ['the', ...(boon ? ['boon'] : []), ...(local ? ['local'] : [])] });
      records.push({ id: `nyt-${a}_${s}`, text: '', score: 2 * x + (boon ? 1 : 0) + (local ? 3 : 0) });
    }
  }

  it('learns a lemma that recurs across articles', () => {
    const model = fitSentenceModel(rows, records.map((r) => r.score), records.map((_, i) => Math.floor(i / 8) % 10));
    expect(model.adjustments.get('boon')!).toBeGreaterThan(0.5);
    const withBoon = predictRow(model, { x: [0], lemmas: ['the', 'boon'] });
    const without = predictRow(model, { x: [0], lemmas: ['the'] });
    expect(withBoon - without).toBeGreaterThan(0.5);
  });

  it('cross-validation never corrects an article with what its own sentences taught', () => {
    const cv = crossValidateModel(records, rows);
    // Article 7's "local" sentences are 3 above the rule; out of fold, nothing has seen "local".
    for (let s = 0; s < 8; s += 2) {
      const i = 7 * 8 + s;
      expect(records[i]!.score - cv[i]!).toBeGreaterThan(2.5);
    }
  });
});
