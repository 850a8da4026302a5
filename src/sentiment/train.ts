/**
 * Fitting and cross-validating the sentence model (ridge regression on standardized features). Used by the
 * training script (`train-model.ts`) and by the evaluation's cross-validated mode; the stage itself only
 * reads the committed weights.
 */
import { createDocument } from '../pipeline/create-document.js';
import { sentenceFeatures } from './features.js';
import { DEFAULT_SENTIMENT_OPTIONS, readRules } from './score.js';

/** Ridge penalty on the standardized weights (the intercept is not penalized). */
export const LAMBDA = 10;
export const FOLDS = 10;

export interface Rated {
  readonly id: string;
  readonly text: string;
  readonly score: number;
}

export interface Fit {
  readonly intercept: number;
  readonly weights: number[];
}

export function featuresOf(text: string): number[] {
  const doc = createDocument({ id: 'train', text });
  const options = DEFAULT_SENTIMENT_OPTIONS;
  const rules = readRules(doc.tokens, 0, doc.tokens.length, options);
  return sentenceFeatures(doc.tokens, 0, doc.tokens.length, rules, options.negationScope);
}

/** Ridge regression: standardize, solve (XᵀX + λI) w = Xᵀy, map the weights back to raw features. */
export function fitRidge(x: readonly number[][], y: readonly number[], lambda: number): Fit {
  const n = x.length;
  const p = x[0]!.length;
  const mean = new Array<number>(p).fill(0);
  const sd = new Array<number>(p).fill(0);
  for (const row of x) for (let j = 0; j < p; j++) mean[j]! += row[j]! / n;
  for (const row of x) for (let j = 0; j < p; j++) sd[j]! += (row[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j]!) || 1;
  const yMean = y.reduce((a, b) => a + b, 0) / n;
  const a = Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, k) => (j === k ? lambda : 0)));
  const b = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const z = x[i]!.map((v, j) => (v - mean[j]!) / sd[j]!);
    for (let j = 0; j < p; j++) {
      b[j]! += z[j]! * (y[i]! - yMean);
      for (let k = 0; k < p; k++) a[j]![k]! += z[j]! * z[k]!;
    }
  }
  const w = solve(a, b);
  const weights = w.map((v, j) => v / sd[j]!);
  const intercept = yMean - weights.reduce((acc, v, j) => acc + v * mean[j]!, 0);
  return { intercept, weights };
}

/** Gaussian elimination with partial pivoting (the system is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const p = b.length;
  for (let c = 0; c < p; c++) {
    let m = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[m]![c]!)) m = r;
    [a[c], a[m]] = [a[m]!, a[c]!];
    [b[c], b[m]] = [b[m]!, b[c]!];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < p; k++) a[r]![k]! -= f * a[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  return b.map((v, i) => v / a[i]![i]!);
}

export const predict = (fit: Fit, row: readonly number[]): number => Math.max(-4, Math.min(4, row.reduce((acc, v, j) => acc + v * fit.weights[j]!, fit.intercept)));
export const articleOf = (id: string): string => id.replace(/_\d+$/u, '');

/**
 * Out-of-fold predictions (on the -4..+4 scale), folds made of whole articles: article k (in sorted id order)
 * is in fold k mod `folds`, so no article is in both the training and the test part of a fold.
 */
export function crossValidate(records: readonly Rated[], x: readonly number[][], lambda = LAMBDA, folds = FOLDS): number[] {
  const articles = [...new Set(records.map((r) => articleOf(r.id)))].sort();
  const foldOf = new Map(articles.map((a, i) => [a, i % folds]));
  const out = new Array<number>(records.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = records.flatMap((r, i) => (foldOf.get(articleOf(r.id)) === f ? [] : [i]));
    const fit = fitRidge(train.map((i) => x[i]!), train.map((i) => records[i]!.score), lambda);
    records.forEach((r, i) => {
      if (foldOf.get(articleOf(r.id)) === f) out[i] = predict(fit, x[i]!);
    });
  }
  return out;
}

