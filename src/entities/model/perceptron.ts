/**
 * A multi-class averaged perceptron (Collins 2002) over string features: small, exact and fast,
 * and its weights are a plain JSON object that loads offline.
 */
export interface PerceptronWeights {
  readonly labels: readonly string[];
  /** feature -> label -> weight (averaged); zero weights are left out. */
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
  /** Reused by every prediction (predictions are synchronous and never nested). */
  readonly scores: Float64Array;
}
const compiled = new WeakMap<PerceptronWeights, CompiledModel>();

function compile(model: PerceptronWeights): CompiledModel {
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
  done = { table, bias, scores: new Float64Array(model.labels.length) };
  compiled.set(model, done);
  return done;
}

export function predictLabel(model: PerceptronWeights, features: readonly string[]): string {
  const { table, bias, scores } = compile(model);
  scores.set(bias);
  const n = scores.length;
  for (const f of features) {
    const w = table.get(f);
    if (!w) continue;
    for (let i = 0; i < n; i++) scores[i]! += w[i]!;
  }
  // Ties go to the earlier label, so the order of `labels` makes predictions deterministic.
  let best = 0;
  for (let i = 1; i < n; i++) if (scores[i]! > scores[best]!) best = i;
  return model.labels[best]!;
}

/** Trains with a seeded shuffle per epoch so the same data always gives the same weights. */
export function trainPerceptron(examples: readonly TrainingExample[], labels: readonly string[], epochs = 12, seed = 42): PerceptronWeights {
  const weights = new Map<string, Map<string, number>>();
  const totals = new Map<string, Map<string, number>>();
  const stamps = new Map<string, Map<string, number>>();
  let step = 0;
  const get = (m: Map<string, Map<string, number>>, f: string): Map<string, number> => {
    let row = m.get(f);
    if (!row) {
      row = new Map();
      m.set(f, row);
    }
    return row;
  };
  const update = (f: string, label: string, delta: number): void => {
    const w = get(weights, f);
    const t = get(totals, f);
    const s = get(stamps, f);
    const current = w.get(label) ?? 0;
    t.set(label, (t.get(label) ?? 0) + (step - (s.get(label) ?? 0)) * current);
    s.set(label, step);
    w.set(label, current + delta);
  };
  const order = examples.map((_, i) => i);
  let state = seed >>> 0;
  const random = (): number => {
    // mulberry32: a tiny seeded generator, enough for shuffling.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      step++;
      const ex = examples[index]!;
      const guess = predictLive(weights, labels, ex.features);
      if (guess === ex.label) continue;
      for (const f of ex.features) {
        update(f, ex.label, 1);
        update(f, guess, -1);
      }
    }
  }
  const averaged: Record<string, Record<string, number>> = {};
  for (const [f, row] of weights) {
    for (const [label, w] of row) {
      const total = (totals.get(f)?.get(label) ?? 0) + (step - (stamps.get(f)?.get(label) ?? 0)) * w;
      const avg = Math.round((total / step) * 1000) / 1000;
      if (avg !== 0) (averaged[f] ??= {})[label] = avg;
    }
  }
  return { labels, weights: averaged };
}

/** Prediction on the live weights during training (same tie rule as `predictLabel`). */
function predictLive(weights: Map<string, Map<string, number>>, labels: readonly string[], features: readonly string[]): string {
  const scores = new Map<string, number>();
  for (const f of features) {
    const row = weights.get(f);
    if (!row) continue;
    for (const [label, w] of row) scores.set(label, (scores.get(label) ?? 0) + w);
  }
  let best = labels[0]!;
  let bestScore = -Infinity;
  for (const label of labels) {
    const s = scores.get(label) ?? 0;
    if (s > bestScore) {
      best = label;
      bestScore = s;
    }
  }
  return best;
}
