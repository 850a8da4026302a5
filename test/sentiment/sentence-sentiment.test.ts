import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { validateConfig } from '../../src/config/load.js';
import { analyzeArticle } from '../../src/pipeline/analyze-article.js';
import { createDocument } from '../../src/segment/create-document.js';
import { SENTIMENT_FEATURES } from '../../src/sentiment/features.js';
import { scoreSentiment, sentimentConfigSchema } from '../../src/sentiment/index.js';
import { SENTIMENT_MODEL } from '../../src/sentiment/features.js';

/** The sentiment stage on a segmented text, with the `sentiment` config section as written. */
const analyze = (text: string, config: z.input<typeof sentimentConfigSchema> = {}) => scoreSentiment(createDocument({ id: 'test', text }), sentimentConfigSchema.parse(config));
const sentimentOf = (text: string): number => analyze(text).sentiment;
const rulesOf = (text: string): number => analyze(text, { method: 'rules' }).sentiment;
/** The 3-class reading of the eval (±0.05 on -1..1). */
const classOf = (score: number): string => (score >= 0.05 ? 'positive' : score <= -0.05 ? 'negative' : 'neutral');

describe('[sentiment] sentence sentiment (trained model, the default)', () => {
  it.each([
    ['The summit was a great success and both leaders praised the friendly talks.', 'positive'],
    ['The attack killed dozens of civilians and destroyed the hospital.', 'negative'],
    ['The plan is good.', 'positive'],
    ['The plan is not good.', 'negative'],
    ['The food was good, but the service was terrible.', 'negative'],
    ['The service was terrible, but the food was good.', 'positive'],
    ["Trump had previously criticized Petro's government and even threatened military action against Colombia.", 'negative'],
    // Reducing verbs reverse what they govern.
    ['A diet rich in vegetables can reduce the risk of cancer.', 'positive'],
    // A word VADER lacks is read from AFINN or ML-SentiCon.
    ["Saddam Hussein's dictatorship is one of the most barbaric tyrannies.", 'negative'],
  ])('%s -> %s', (text, expected) => {
    expect(classOf(sentimentOf(text))).toBe(expected);
  });
  it('stays on -1..1 and orders strong above mild', () => {
    const strong = sentimentOf('The attack killed dozens of civilians and destroyed the hospital.');
    const mild = sentimentOf('The decision was bad.');
    expect(strong).toBeGreaterThanOrEqual(-1);
    expect(strong).toBeLessThan(mild);
    expect(sentimentOf('The summit was a great success and both leaders praised the friendly talks.')).toBeGreaterThan(sentimentOf('The plan is good.'));
  });
  it('quoted words weigh less than the writer\'s own', () => {
    expect(Math.abs(sentimentOf('He called the deal "a disaster".'))).toBeLessThan(Math.abs(sentimentOf('He called the deal a disaster.')));
  });
  it('a word like "constructor" is not looked up on the object prototype', () => {
    expect(Number.isFinite(sentimentOf('The constructor of the toString method hasOwnProperty.'))).toBe(true);
  });
  it('the committed weights are in feature order', () => {
    expect(SENTIMENT_MODEL.features).toEqual(SENTIMENT_FEATURES);
    expect(SENTIMENT_MODEL.weights).toHaveLength(SENTIMENT_FEATURES.length);
  });
});

describe('[sentiment] sentence sentiment, rules only (method: rules)', () => {
  it('scores on -1..1 with the expected sign, 0 without sentiment words', () => {
    expect(rulesOf('The summit was a great success and both leaders praised the friendly talks.')).toBeGreaterThan(0.3);
    expect(rulesOf('The attack killed dozens of civilians and destroyed the hospital.')).toBeLessThan(-0.3);
    expect(rulesOf('The committee will meet on Tuesday.')).toBe(0);
  });
  it('negation flips and damps', () => {
    const plain = rulesOf('The plan is good.');
    const negated = rulesOf('The plan is not good.');
    expect(plain).toBeGreaterThan(0);
    expect(negated).toBeLessThan(0);
    expect(Math.abs(negated)).toBeLessThan(Math.abs(plain));
  });
  it('"no doubt", "no wonder" do not negate what follows', () => {
    expect(rulesOf('No wonder Americans cherish this art.')).toBeGreaterThan(0);
    expect(rulesOf('There is no doubt the reform is a success.')).toBeGreaterThan(0);
  });
  it('intensifiers strengthen and hedges weaken', () => {
    expect(rulesOf('The decision was very bad.')).toBeLessThan(rulesOf('The decision was bad.'));
    expect(Math.abs(rulesOf('The decision may be bad.'))).toBeLessThan(Math.abs(rulesOf('The decision is bad.')));
  });
  it('a reducing word reverses its object, which ends at a preposition', () => {
    expect(rulesOf('A diet rich in vegetables can reduce the risk of cancer.')).toBeGreaterThan(0);
    expect(rulesOf('The new rules will prevent violence at the border.')).toBeGreaterThan(0);
    const off = analyze('The new rules will prevent violence at the border.', { method: 'rules', reducerFactor: 1 }).sentiment;
    expect(off).toBeLessThan(0);
  });
  it('the config defaults name the model and the reducer factor', () => {
    const config = sentimentConfigSchema.parse({});
    expect(config.method).toBe('model');
    expect(config.reducerFactor).toBe(-0.5);
  });
});

describe('[sentiment] sentence sentiment negative cases: factual sentences read neutral', () => {
  it.each([
    'The ministry published the figures on Monday.',
    'The talks were held in Geneva and lasted three hours.',
    'The report lists 40 projects in six provinces.',
  ])('%s', (text) => {
    expect(classOf(sentimentOf(text))).toBe('neutral');
  });

  // A known lean of the trained model: "committee", "will" and "meet" lean positive in the NYT ratings
  // and the word vectors, so this reads 0.07 (0.3 on the raters' -4..+4 scale), just over the 0.05 band.
  // It must stay small, far below an evaluative sentence.
  it('The committee will meet on Tuesday. (within 0.1, far below praise)', () => {
    const factual = sentimentOf('The committee will meet on Tuesday.');
    expect(Math.abs(factual)).toBeLessThan(0.1);
    expect(sentimentOf('The summit was a great success and both leaders praised the friendly talks.')).toBeGreaterThan(factual + 0.3);
  });
});

describe('[tension] sentiment model fitting (src/sentiment/fit.ts)', () => {
  it('ridge recovers the weights of a noiseless linear rule, and CV keeps articles whole', async () => {
    const { crossValidate, fitRidge } = await import('../../src/sentiment/fit.js');
    const x = Array.from({ length: 200 }, (_, i) => [Math.sin(i), (i % 7) - 3, Math.cos(i * 0.3)]);
    const y = x.map(([a, b, c]) => 0.5 + 2 * a! - 0.25 * b! + c!);
    const fit = fitRidge(x, y, 1e-9);
    expect(fit.intercept).toBeCloseTo(0.5, 4);
    expect(fit.weights.map((w) => Math.round(w * 1e4) / 1e4)).toEqual([2, -0.25, 1]);
    // 20 articles of 10 sentences: out-of-fold predictions of a noiseless rule are still exact.
    const records = y.map((score, i) => ({ id: `nyt-${Math.floor(i / 10)}_${i % 10}`, text: '', score }));
    const cv = crossValidate(records, x, 1e-9);
    cv.forEach((p, i) => expect(p).toBeCloseTo(Math.max(-4, Math.min(4, y[i]!)), 3));
  });
});

describe('[sentiment] a stage of its own in analyzeArticle', () => {
  const text = 'The attack killed dozens of civilians. The summit was a great success and both leaders praised the friendly talks.';
  const run = (stages: Record<string, boolean>, sentiment: z.input<typeof sentimentConfigSchema> = {}) => {
    const loaded = validateConfig({ stages, sentiment }, null);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    return analyzeArticle({ id: 'a', text, dct: '2026-01-14' }, loaded.value.config);
  };

  it('runs without the tension stage, and its layer is absent when it is off', () => {
    const alone = run({ tension: false });
    expect(alone.sentences.map((s) => Math.sign(s.sentiment!))).toEqual([-1, 1]);
    expect(alone.tension).toBeUndefined();
    expect(alone.sentences.every((s) => s.tension === undefined)).toBe(true);
    const off = run({ sentiment: false, tension: false });
    expect(off.sentiment).toBeUndefined();
    expect(off.sentences.every((s) => s.sentiment === undefined)).toBe(true);
  });

  it('gives the tension stage the same sentence scores it publishes, under its own config section', () => {
    const both = run({});
    expect(both.sentences.map((s) => s.sentiment)).toEqual(run({ tension: false }).sentences.map((s) => s.sentiment));
    expect(both.sentences[0]!.tension!.label).toBe('escalation');
    expect(run({}, { method: 'rules' }).sentences[0]!.sentiment).toBe(analyze(text, { method: 'rules' }).sentences[0]!.sentiment);
  });
});
