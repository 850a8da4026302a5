/**
 * Fitting and cross-validating the sentence model (ridge regression on standardized features). Used by the
 * training tool (`tools/sentiment/train-model.ts`) and by the evaluation's cross-validated mode; the stage itself only
 * reads the committed weights.
 */
import { createDocument } from '../segment/create-document.js';
import { adjustmentFeatures, fixedFeatures, sentenceLemmas } from './features.js';
import { DEFAULT_SENTIMENT_OPTIONS, readRules } from './score.js';

/** Ridge penalty on the standardized weights (the intercept is not penalized). */
export const LAMBDA = 10;
export const FOLDS = 10;
/**
 * Shrinkage of the per-lemma corrections: a lemma's correction is the sum of the residuals of the sentences
 * it occurs in over (occurrences + SHRINK), so a lemma seen once moves by a tenth of its sentence's residual.
 * Not tuned: 5, 20 and 50 scored within 0.001 of each other in cross-validation, and 10 sits between them.
 */
export const SHRINK = 10;

export interface Rated {
  readonly id: string;
  readonly text: string;
  readonly score: number;
}

export interface Fit {
  readonly intercept: number;
  readonly weights: number[];
}

/** What the model reads of one rated sentence: the fixed features and the lemmas the corrections look up. */
export interface TrainingRow {
  readonly x: readonly number[];
  readonly lemmas: readonly string[];
}

export function rowOf(text: string): TrainingRow {
  const doc = createDocument({ id: 'train', text });
  const options = DEFAULT_SENTIMENT_OPTIONS;
  const n = doc.tokens.length;
  const rules = readRules(doc.tokens, 0, n, options);
  return { x: fixedFeatures(doc.tokens, 0, n, rules, options.negationScope), lemmas: sentenceLemmas(doc.tokens, 0, n) };
}

/** A fitted sentence model: ridge weights over all features and the per-lemma corrections. */
export interface SentenceModelFit {
  readonly fit: Fit;
  readonly adjustments: ReadonlyMap<string, number>;
}

/**
 * Per-lemma corrections: the residuals of the sentences a lemma occurs in, summed and divided by
 * (occurrences + shrink), rounded to 3 decimals; zeros are left out.
 */
export function lemmaAdjustments(rows: readonly TrainingRow[], residuals: readonly number[], shrink = SHRINK): Map<string, number> {
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const lemma of row.lemmas) {
      sums.set(lemma, (sums.get(lemma) ?? 0) + residuals[i]!);
      counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
    }
  });
  const out = new Map<string, number>();
  for (const [lemma, sum] of [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const value = Math.round((sum / (counts.get(lemma)! + shrink)) * 1000) / 1000;
    if (value !== 0) out.set(lemma, value);
  }
  return out;
}

/** Ridge on the fixed features, then corrections from its residuals. */
function fitCorrections(rows: readonly TrainingRow[], y: readonly number[], lambda: number, shrink: number): Map<string, number> {
  const base = fitRidge(rows.map((r) => r.x), y, lambda);
  return lemmaAdjustments(rows, rows.map((r, i) => y[i]! - predict(base, r.x)), shrink);
}

/**
 * Fits the whole model (stacked, so the corrections' weights are not learned on sentences that made them):
 * 1. for each group, corrections fitted on the other groups give that group's `adjustment*` features;
 * 2. ridge over the fixed and those out-of-group features gives the weights;
 * 3. the corrections the model ships are fitted on all rows.
 * `groups` are whole articles (the fold of each row), so a correction never reads its own article.
 */
export function fitSentenceModel(rows: readonly TrainingRow[], y: readonly number[], groups: readonly number[], lambda = LAMBDA, shrink = SHRINK): SentenceModelFit {
  const features = new Array<number[]>(rows.length);
  for (const g of new Set(groups)) {
    const train = rows.flatMap((_, i) => (groups[i] === g ? [] : [i]));
    const corrections = fitCorrections(train.map((i) => rows[i]!), train.map((i) => y[i]!), lambda, shrink);
    rows.forEach((row, i) => {
      if (groups[i] === g) features[i] = [...row.x, ...adjustmentFeatures(row.lemmas, corrections)];
    });
  }
  const fit = fitRidge(features, y, lambda);
  return { fit, adjustments: fitCorrections(rows, y, lambda, shrink) };
}

/** The model's prediction on the raters' -4..+4 scale. */
export const predictRow = (model: SentenceModelFit, row: TrainingRow): number => predict(model.fit, [...row.x, ...adjustmentFeatures(row.lemmas, model.adjustments)]);

/** Ridge regression: standardize, solve (XᵀX + λI) w = Xᵀy, map the weights back to raw features. */
export function fitRidge(x: readonly (readonly number[])[], y: readonly number[], lambda: number): Fit {
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
export function crossValidate(records: readonly Rated[], x: readonly (readonly number[])[], lambda = LAMBDA, folds = FOLDS): number[] {
  const foldOf = foldsByArticle(records, folds);
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


/** Article k (in sorted id order) is in fold k mod `folds`. */
export function foldsByArticle(records: readonly Rated[], folds = FOLDS): Map<string, number> {
  const articles = [...new Set(records.map((r) => articleOf(r.id)))].sort();
  return new Map(articles.map((a, i) => [a, i % folds]));
}

/**
 * Out-of-fold predictions of the whole model (fixed features, per-lemma corrections, stacked weights), on
 * the raters' -4..+4 scale. Each fold's model is fitted by `fitSentenceModel` on the other folds only, with
 * those folds as its inner groups: no step of it sees the test articles.
 */
export function crossValidateModel(records: readonly Rated[], rows: readonly TrainingRow[], folds = FOLDS): number[] {
  const foldOf = foldsByArticle(records, folds);
  const fold = records.map((r) => foldOf.get(articleOf(r.id))!);
  const out = new Array<number>(records.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = records.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    const model = fitSentenceModel(train.map((i) => rows[i]!), train.map((i) => records[i]!.score), train.map((i) => fold[i]!));
    records.forEach((_, i) => {
      if (fold[i] === f) out[i] = predictRow(model, rows[i]!);
    });
  }
  return out;
}
