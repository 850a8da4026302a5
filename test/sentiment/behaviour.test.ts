import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/segment/create-document.js';
import { DEFAULT_SENTIMENT_OPTIONS, readSentiment, type SentimentOptions } from '../../src/sentiment/score.js';
import { embeddingValence, SENTIMENT_FEATURES, sentenceFeatures } from '../../src/sentiment/features.js';
import { readRules } from '../../src/sentiment/score.js';
import { SENTIMENT_MODEL } from '../../src/sentiment/features.js';

const here = '[sentiment] ';

/** The stage's reading of a text taken as one sentence (all its tokens). */
function score(text: string, options: Partial<SentimentOptions> = {}): number {
  const doc = createDocument({ id: 'test', text });
  return readSentiment(doc.tokens, 0, doc.tokens.length, { ...DEFAULT_SENTIMENT_OPTIONS, ...options }).score;
}
function features(text: string): Record<string, number> {
  const doc = createDocument({ id: 'test', text });
  const n = doc.tokens.length;
  const values = sentenceFeatures(doc.tokens, 0, n, readRules(doc.tokens, 0, n), DEFAULT_SENTIMENT_OPTIONS.negationScope);
  return Object.fromEntries(SENTIMENT_FEATURES.map((name, i) => [name, values[i]!]));
}
/** The 3-class reading of the eval (±0.05 on -1..1). */
const classOf = (s: number): string => (s >= 0.05 ? 'positive' : s <= -0.05 ? 'negative' : 'neutral');

describe(`${here}sentences from news and opinion prose (model, the default)`, () => {
  it.each([
    ['The ceasefire brought a welcome calm to the border towns after months of shelling.', 'positive'],
    ['Both governments praised the agreement as a historic step toward lasting peace.', 'positive'],
    ['The bombing killed 31 people and wounded dozens more at a crowded market.', 'negative'],
    ['Critics called the crackdown brutal and accused the police of torturing detainees.', 'negative'],
    // Words no word list rates: read from the word vectors.
    ['The talks ended in stalemate and the carnage in the north went on.', 'negative'],
  ])('%s -> %s', (text, expected) => {
    expect(classOf(score(text))).toBe(expected);
  });
});

describe(`${here}negation`, () => {
  it.each([
    ['The reform is a success.', 'The reform is not a success.'],
    ['The minister was honest about the costs.', 'The minister was never honest about the costs.'],
    ['The new policy helped the refugees.', 'The new policy did not help the refugees at all.'],
  ])('"%s" reads above "%s"', (plain, negated) => {
    expect(score(plain)).toBeGreaterThan(score(negated));
  });
  it('a negator stops at a comma: "not" in the first clause leaves the second alone', () => {
    expect(score('The vote was not close, and the result was a triumph for the reformers.')).toBeGreaterThan(0.05);
  });
  it('"no doubt" and "not only" do not negate', () => {
    expect(score('There is no doubt the treaty is a remarkable achievement.')).toBeGreaterThan(0.05);
    expect(score('The plan is not only cheap but also effective.')).toBeGreaterThan(0.05);
  });
});

describe(`${here}contrast`, () => {
  it('the clause after "but" carries the point', () => {
    expect(score('The economy grew, but unemployment rose sharply and wages fell.')).toBeLessThan(-0.05);
    const recovering = score('The economy struggled, but the recovery is now strong and jobs are returning.');
    expect(recovering).toBeGreaterThan(0);
    expect(recovering).toBeGreaterThan(score('The recovery is now strong and jobs are returning, but the economy struggled.'));
    expect(score('The food was good, but the service was terrible.')).toBeLessThan(score('The service was terrible, but the food was good.'));
  });
  it('the embedding valences weigh the contrast like the rules', () => {
    const before = features('The outcome was a disaster, but the talks were a breakthrough.');
    const after = features('The talks were a breakthrough, but the outcome was a disaster.');
    expect(before['embeddingSum']!).toBeGreaterThan(after['embeddingSum']!);
  });
});

describe(`${here}intensifiers and hedges`, () => {
  it('an intensifier strengthens, a hedge weakens', () => {
    expect(score('The decision was extremely bad for the farmers.')).toBeLessThan(score('The decision was bad for the farmers.'));
    expect(Math.abs(score('The decision may be bad for the farmers.', { method: 'rules' }))).toBeLessThan(Math.abs(score('The decision is bad for the farmers.', { method: 'rules' })));
  });
});

describe(`${here}quotes`, () => {
  it('words inside quotation marks weigh less than the writer\'s own', () => {
    expect(Math.abs(score('He called the deal "a disaster".', { method: 'rules' }))).toBeLessThan(Math.abs(score('He called the deal a disaster.', { method: 'rules' })));
  });
});

describe(`${here}word vectors`, () => {
  it('induced valences have the sign of the word and are near 0 for everyday words', () => {
    for (const w of ['carnage', 'stalemate', 'massacre', 'famine']) expect(embeddingValence(w)!, w).toBeLessThan(-0.3);
    for (const w of ['breakthrough', 'prosperity', 'friendship']) expect(embeddingValence(w)!, w).toBeGreaterThan(0.3);
    for (const w of ['tuesday', 'figures', 'published', 'province']) expect(Math.abs(embeddingValence(w)!), w).toBeLessThan(0.3);
  });
  it('unknown words and prototype names find nothing', () => {
    expect(embeddingValence('qwzxv')).toBeUndefined();
    expect(embeddingValence('constructor')).not.toBe(Object.prototype.constructor);
    expect(Number.isFinite(score('The constructor of the toString method hasOwnProperty __proto__.'))).toBe(true);
  });
});

describe(`${here}the committed model`, () => {
  it('has one weight per feature and per-lemma corrections within the raters\' scale', () => {
    expect(SENTIMENT_MODEL.features).toEqual(SENTIMENT_FEATURES);
    expect(SENTIMENT_MODEL.weights).toHaveLength(SENTIMENT_FEATURES.length);
    const corrections = Object.values(SENTIMENT_MODEL.adjustments);
    expect(corrections.length).toBeGreaterThan(1000);
    for (const v of corrections) expect(Math.abs(v)).toBeLessThan(4);
  });
  it('scores stay on -1..1', () => {
    for (const text of ['Murder, rape, torture, massacre, genocide and terror!', 'Wonderful, glorious, joyful, triumphant success and love!']) {
      const s = score(text);
      expect(s).toBeGreaterThanOrEqual(-1);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});
