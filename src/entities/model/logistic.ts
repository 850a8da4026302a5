import type { LinearModelWeights, TrainingExample } from './linear-model.js';

/**
 * Multinomial logistic regression with an L2 penalty, fitted by L-BFGS over the whole training set.
 * The objective is convex, so the fit does not depend on the order of the examples (no seeds, no
 * shuffles), and a few changed examples move the weights only a little: an evaluation then measures
 * the change that was made rather than the luck of the example order.
 */
export interface LogisticOptions {
  /** The L2 penalty per weight (lambda / 2 * w^2, summed; the loss is summed over the examples). */
  readonly l2: number;
  /** L-BFGS iterations at most. */
  readonly iterations: number;
}

export function trainLogistic(examples: readonly TrainingExample[], labels: readonly string[], options: LogisticOptions): LinearModelWeights {
  const K = labels.length;
  const featureIndex = new Map<string, number>();
  const rows: Int32Array[] = [];
  const gold = new Int32Array(examples.length);
  examples.forEach((ex, i) => {
    const row = new Int32Array(ex.features.length);
    ex.features.forEach((f, j) => {
      let at = featureIndex.get(f);
      if (at === undefined) featureIndex.set(f, (at = featureIndex.size));
      row[j] = at;
    });
    rows.push(row);
    gold[i] = labels.indexOf(ex.label);
  });
  const n = featureIndex.size * K;
  const scores = new Float64Array(K);

  /** Loss and gradient at w. */
  const evaluate = (w: Float64Array, grad: Float64Array): number => {
    let loss = l2Penalty(w, grad, n, options.l2);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      scores.fill(0);
      for (const f of row) {
        const base = f * K;
        for (let k = 0; k < K; k++) scores[k]! += w[base + k]!;
      }
      const sum = exponentiate(scores, K);
      const y = gold[i]!;
      loss -= Math.log(scores[y]! / sum);
      for (let k = 0; k < K; k++) scores[k] = scores[k]! / sum - (k === y ? 1 : 0);
      for (const f of row) {
        const base = f * K;
        for (let k = 0; k < K; k++) grad[base + k]! += scores[k]!;
      }
    }
    return loss;
  };

  const w = lbfgs(n, evaluate, options.iterations);
  const weights: Record<string, Record<string, number>> = {};
  for (const [f, at] of featureIndex) {
    for (let k = 0; k < K; k++) {
      const v = Math.round(w[at * K + k]! * 1000) / 1000;
      if (v !== 0) (weights[f] ??= {})[labels[k]!] = v;
    }
  }
  return { labels, weights };
}

/** Sets the gradient to the L2 penalty's (l2 * w) and returns its loss (l2 / 2 * w^2, summed). */
export function l2Penalty(w: Float64Array, grad: Float64Array, n: number, l2: number): number {
  let loss = 0;
  for (let p = 0; p < n; p++) {
    grad[p] = l2 * w[p]!;
    loss += 0.5 * l2 * w[p]! * w[p]!;
  }
  return loss;
}

/** Replaces the first K scores by exp(score - max score), for a stable softmax, and returns their sum. */
export function exponentiate(scores: Float64Array, K: number): number {
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (scores[k]! > max) max = scores[k]!;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += (scores[k] = Math.exp(scores[k]! - max));
  return sum;
}

/** Limited-memory BFGS (Nocedal & Wright, algorithm 7.5) with a backtracking Armijo line search, from w = 0. */
export function lbfgs(n: number, evaluate: (w: Float64Array, grad: Float64Array) => number, iterations: number, memory = 10): Float64Array {
  let w = new Float64Array(n);
  let grad = new Float64Array(n);
  let loss = evaluate(w, grad);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const dot = (a: Float64Array, b: Float64Array): number => {
    let t = 0;
    for (let i = 0; i < n; i++) t += a[i]! * b[i]!;
    return t;
  };
  const direction = new Float64Array(n);
  const alpha: number[] = [];
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: direction = -H * grad.
    for (let i = 0; i < n; i++) direction[i] = -grad[i]!;
    for (let m = s.length - 1; m >= 0; m--) {
      alpha[m] = rho[m]! * dot(s[m]!, direction);
      const ym = y[m]!;
      for (let i = 0; i < n; i++) direction[i]! -= alpha[m]! * ym[i]!;
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
      for (let i = 0; i < n; i++) direction[i]! *= gamma;
    } else {
      const norm = Math.sqrt(dot(grad, grad));
      if (norm === 0) break;
      for (let i = 0; i < n; i++) direction[i]! /= norm;
    }
    for (let m = 0; m < s.length; m++) {
      const beta = rho[m]! * dot(y[m]!, direction);
      const sm = s[m]!;
      for (let i = 0; i < n; i++) direction[i]! += sm[i]! * (alpha[m]! - beta);
    }
    const slope = dot(grad, direction);
    if (slope >= 0) break;
    let step = 1;
    const next = new Float64Array(n);
    const nextGrad = new Float64Array(n);
    let nextLoss = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) next[i] = w[i]! + step * direction[i]!;
      nextLoss = evaluate(next, nextGrad);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextLoss < loss)) break;
    const sNew = new Float64Array(n);
    const yNew = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sNew[i] = next[i]! - w[i]!;
      yNew[i] = nextGrad[i]! - grad[i]!;
    }
    const sy = dot(sNew, yNew);
    if (sy > 1e-10) {
      s.push(sNew);
      y.push(yNew);
      rho.push(1 / sy);
      if (s.length > memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const converged = (loss - nextLoss) / Math.max(1, Math.abs(loss)) < 1e-7;
    w = next;
    grad = nextGrad;
    loss = nextLoss;
    if (converged) break;
  }
  return w;
}
