import { describe, expect, it } from 'vitest';
import { analyze } from './helpers.js';

const sentimentOf = (text: string): number => analyze(text).sentiment;

describe('[tension] sentence sentiment', () => {
  it('scores on -1..1 with the expected sign', () => {
    expect(sentimentOf('The summit was a great success and both leaders praised the friendly talks.')).toBeGreaterThan(0.3);
    expect(sentimentOf('The attack killed dozens of civilians and destroyed the hospital.')).toBeLessThan(-0.3);
    expect(sentimentOf('The committee will meet on Tuesday.')).toBe(0);
  });
  it('negation flips and damps', () => {
    const plain = sentimentOf('The plan is good.');
    const negated = sentimentOf('The plan is not good.');
    expect(plain).toBeGreaterThan(0);
    expect(negated).toBeLessThan(0);
    expect(Math.abs(negated)).toBeLessThan(Math.abs(plain));
  });
  it('intensifiers strengthen and hedges weaken', () => {
    expect(sentimentOf('The decision was very bad.')).toBeLessThan(sentimentOf('The decision was bad.'));
    expect(Math.abs(sentimentOf('The decision may be bad.'))).toBeLessThan(Math.abs(sentimentOf('The decision is bad.')));
  });
  it('the clause after "but" weighs more than the one it concedes', () => {
    expect(sentimentOf('The food was good, but the service was terrible.')).toBeLessThan(0);
    expect(sentimentOf('The service was terrible, but the food was good.')).toBeGreaterThan(0);
  });
  it('quoted words weigh less than the writer\'s own', () => {
    expect(Math.abs(sentimentOf('He called the deal "a disaster".'))).toBeLessThan(Math.abs(sentimentOf('He called the deal a disaster.')));
  });
  it('reads the threat sentence of the seed article as negative (wink calls it mildly positive)', () => {
    expect(sentimentOf("Trump had previously criticized Petro's government and even threatened military action against Colombia.")).toBeLessThan(-0.3);
  });
  it('a word like "constructor" is not looked up on the object prototype', () => {
    expect(Number.isFinite(sentimentOf('The constructor of the toString method hasOwnProperty.'))).toBe(true);
  });
});
