import { describe, expect, it } from 'vitest';
import { trainLogistic } from '../../src/entities/model/logistic.js';
import { bestLabel, labelProbabilities, type LinearModelWeights } from '../../src/entities/model/linear-model.js';

const predictLabel = (model: LinearModelWeights, features: readonly string[]): string => bestLabel(model, labelProbabilities(model, features, new Float64Array(model.labels.length)));

describe('[entities] logistic regression (the classifier)', () => {
  const examples = [
    { features: ['bias', 'last=records', 'cue=ORG'], label: 'ORG' },
    { features: ['bias', 'last=band', 'cue=ORG'], label: 'ORG' },
    { features: ['bias', 'first-is-first-name', 'last-is-last-name'], label: 'PERSON' },
    { features: ['bias', 'first-is-first-name', 'cue=PERSON'], label: 'PERSON' },
    { features: ['bias', 'all-common', 'sentence-start'], label: 'NONE' },
    { features: ['bias', 'all-common'], label: 'NONE' },
  ];
  const labels = ['NONE', 'PERSON', 'ORG'];

  it('learns the training labels', () => {
    const model = trainLogistic(examples, labels, { l2: 0.05, iterations: 200 });
    for (const ex of examples) expect(predictLabel(model, ex.features)).toBe(ex.label);
    expect(predictLabel(model, ['bias', 'cue=ORG'])).toBe('ORG');
  });

  it('does not depend on the order of the examples', () => {
    const a = trainLogistic(examples, labels, { l2: 0.05, iterations: 200 });
    const b = trainLogistic([...examples].reverse(), labels, { l2: 0.05, iterations: 200 });
    for (const [feature, row] of Object.entries(a.weights)) {
      for (const [label, w] of Object.entries(row)) expect(Math.abs(w - (b.weights[feature]?.[label] ?? 0))).toBeLessThanOrEqual(0.002);
    }
  });
});
