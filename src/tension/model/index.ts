import weightsData from './weights.json' with { type: 'json' };

/**
 * The trained sentence classifier of the tension stage: multinomial logistic regression over the
 * features of features.ts, fitted by train.ts on the three public tension sets (weights.json says which,
 * with their attribution). Run time is a sparse dot product per sentence, with no downloads.
 */

export const TENSION_LABELS = ['conflict', 'cooperation', 'neutral'] as const;
export type TensionClass = (typeof TENSION_LABELS)[number];

export interface TensionModel {
  readonly labels: readonly string[];
  /** Feature -> one weight per label, in `labels` order. */
  readonly weights: Readonly<Record<string, readonly number[]>>;
  readonly trainedOn: readonly string[];
  readonly examples: number;
  readonly attribution: string;
  readonly options: Readonly<Record<string, number>>;
}

export const TENSION_MODEL: TensionModel = weightsData as unknown as TensionModel;

/** Feature weights as a Map: looked up once per feature of every sentence, so built once per model. */
const compiled = new WeakMap<TensionModel, Map<string, readonly number[]>>();

function weightMap(model: TensionModel): Map<string, readonly number[]> {
  let map = compiled.get(model);
  if (!map) {
    map = new Map(Object.entries(model.weights));
    compiled.set(model, map);
  }
  return map;
}

/** Class probabilities for a feature list (a feature repeated counts each time). */
export function classify(model: TensionModel, features: readonly string[]): { label: string; probabilities: number[] } {
  return softmaxChoice(featureScores(model, features), model.labels);
}

/** Each label's summed weight over the features (a feature repeated counts each time); no softmax yet. */
export function featureScores(model: TensionModel, features: readonly string[]): number[] {
  const K = model.labels.length;
  const scores = new Array<number>(K).fill(0);
  const map = weightMap(model);
  for (const f of features) {
    const w = map.get(f);
    if (w) for (let k = 0; k < K; k++) scores[k]! += w[k] ?? 0;
  }
  return scores;
}

/** The label of the highest score and every label's probability (a softmax, stable against large scores). */
export function softmaxChoice(scores: readonly number[], labels: readonly string[]): { label: string; probabilities: number[] } {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  const probabilities = scores.map((s) => {
    const e = Math.exp(s - max);
    sum += e;
    return e;
  });
  let best = 0;
  for (let k = 0; k < probabilities.length; k++) {
    probabilities[k] = probabilities[k]! / sum;
    if (probabilities[k]! > probabilities[best]!) best = k;
  }
  return { label: labels[best]!, probabilities };
}
