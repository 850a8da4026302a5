/**
 * A multi-class linear model over string features: the weights are a plain JSON object that loads
 * offline, and scoring is one array add per feature. The weights in `data/model-weights.json` are a multinomial
 * logistic regression's (trained by logistic.ts); any linear model of this shape scores the same way.
 */
export interface LinearModelWeights {
  readonly labels: readonly string[];
  /** feature -> label -> weight; zero weights are left out. */
  readonly weights: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Added to a label's score at prediction: shifts the precision/recall balance of that label. */
  readonly labelBias?: Readonly<Record<string, number>>;
}

export interface TrainingExample {
  readonly features: readonly string[];
  readonly label: string;
}

/** Weights indexed by label position, built once per model: scoring is then one array add per feature. */
interface CompiledModel {
  readonly table: Map<string, Float64Array>;
  readonly bias: Float64Array;
}
const compiled = new WeakMap<LinearModelWeights, CompiledModel>();

function compile(model: LinearModelWeights): CompiledModel {
  let done = compiled.get(model);
  if (done) return done;
  const table = new Map<string, Float64Array>();
  for (const [feature, row] of Object.entries(model.weights)) {
    const vector = new Float64Array(model.labels.length);
    model.labels.forEach((label, i) => (vector[i] = row[label] ?? 0));
    table.set(feature, vector);
  }
  const bias = new Float64Array(model.labels.length);
  model.labels.forEach((label, i) => (bias[i] = model.labelBias?.[label] ?? 0));
  done = { table, bias };
  compiled.set(model, done);
  return done;
}

/** The label with the highest value (score or probability); ties go to the earlier label, so predictions are deterministic. */
export function bestLabel(model: LinearModelWeights, values: Float64Array): string {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return model.labels[best]!;
}

/** The label scores (bias plus the weights of the features present), written into `out`. */
function scoreInto(model: LinearModelWeights, features: readonly string[], out: Float64Array): Float64Array {
  const { table, bias } = compile(model);
  out.set(bias);
  const n = out.length;
  for (const f of features) {
    const w = table.get(f);
    if (!w) continue;
    for (let i = 0; i < n; i++) out[i]! += w[i]!;
  }
  return out;
}

/**
 * The probability of every label (softmax of the scores, in the order of `labels`), written into `out`.
 * For a logistic regression these are its fitted probabilities.
 */
export function labelProbabilities(model: LinearModelWeights, features: readonly string[], out: Float64Array): Float64Array {
  scoreInto(model, features, out);
  const n = out.length;
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (out[i]! > max) max = out[i]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += out[i] = Math.exp(out[i]! - max);
  for (let i = 0; i < n; i++) out[i]! /= sum;
  return out;
}
