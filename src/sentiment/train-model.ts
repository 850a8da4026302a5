/**
 * Fits the sentence model's weights (ridge regression on standardized features) to human ratings and writes
 * model-weights.ts. Run from the repository root:
 *   npx tsx src/sentiment/train-model.ts ../shared/eval/sentiment-nyt-dev.jsonl
 * It first reports 10-fold cross-validation grouped by article (the `id` prefix `nyt-<article>_<n>`: no
 * article is in both the training and the test part of a fold), then fits once on all records. Only the
 * cross-validated numbers say how the model does on text it has not seen.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDocument } from '../pipeline/create-document.js';
import { classScores, GOLD_THRESHOLD, pearson, readJsonl, round, SYSTEM_THRESHOLD } from '../eval/sentiment.js';
import { SENTIMENT_FEATURES, sentenceFeatures } from './features.js';
import { DEFAULT_SENTIMENT_OPTIONS, readRules } from './score.js';

/** Ridge penalty on the standardized weights (the intercept is not penalized). */
const LAMBDA = 10;
const FOLDS = 10;

interface Rated {
  readonly id: string;
  readonly text: string;
  readonly score: number;
}

interface Fit {
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

const predict = (fit: Fit, row: readonly number[]): number => Math.max(-4, Math.min(4, row.reduce((acc, v, j) => acc + v * fit.weights[j]!, fit.intercept)));
const articleOf = (id: string): string => id.replace(/_\d+$/u, '');

/** Out-of-fold predictions (on the -4..+4 scale), folds made of whole articles. */
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

async function main(goldPath: string): Promise<void> {
  const records = await readJsonl<Rated>(goldPath);
  const x = records.map((r) => featuresOf(r.text));
  const y = records.map((r) => r.score);
  const rulesOnly = x.map((row) => row[0]!);
  console.log(`${records.length} sentences, ${new Set(records.map((r) => articleOf(r.id))).size} articles; ${SENTIMENT_FEATURES.length} features`);
  console.log(`rule score alone: Pearson r ${pearson(rulesOnly, y).toFixed(3)} (no training)`);
  for (const lambda of [1, LAMBDA, 100]) {
    const cv = crossValidate(records, x, lambda);
    console.log(`${FOLDS}-fold CV by article, lambda ${lambda}: Pearson r ${pearson(cv, y).toFixed(3)}${lambda === LAMBDA ? '  <- the committed setting' : ''}`);
  }
  const fit = fitRidge(x, y, LAMBDA);
  const cv = crossValidate(records, x);
  // The raters' -4..+4 onto -1..1: the 3-class thresholds of gold (±0.2) and system (±0.05) then agree.
  const scale = 4;
  const cvScores = cv.map((v) => Math.max(-1, Math.min(1, v / scale)));
  const toClass = (v: number, t: number): string => (v >= t ? 'positive' : v <= -t ? 'negative' : 'neutral');
  const labels = ['negative', 'neutral', 'positive'];
  const macro = (scores: readonly number[], t: number): number => {
    const classes = classScores(y.map((v) => toClass(v, GOLD_THRESHOLD)), scores.map((v) => toClass(v, t)), labels);
    return Object.values(classes).reduce((a, c) => a + c.f1, 0) / labels.length;
  };
  console.log(`score = prediction / ${scale}: CV macro F1 ${macro(cvScores, SYSTEM_THRESHOLD).toFixed(3)} (rule score alone ${macro(rulesOnly, SYSTEM_THRESHOLD).toFixed(3)})`);
  const lines = SENTIMENT_FEATURES.map((name, j) => `    ${round(fit.weights[j]!, 6)}, // ${name}`);
  const out = fileURLToPath(new URL('./model-weights.ts', import.meta.url));
  writeFileSync(out, `// Generated by train-model.ts (ridge, lambda ${LAMBDA}) from ${records.length} rated sentences of ${new Set(records.map((r) => articleOf(r.id))).size} NYT opinion articles
// (VADER's NYT ground truth, Hutto & Gilbert 2014). ${FOLDS}-fold CV by article: Pearson r ${pearson(cv, y).toFixed(3)}. Do not edit.
import type { SentimentModel } from './features.js';

/** Weights in SENTIMENT_FEATURES order (see SentimentModel). */
export const SENTIMENT_MODEL: SentimentModel = {
  features: ${JSON.stringify(SENTIMENT_FEATURES)},
  intercept: ${round(fit.intercept, 6)},
  scale: ${round(scale, 4)},
  weights: [
${lines.join('\n')}
  ],
};
`);
  console.log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const gold = process.argv[2];
  if (!gold) {
    console.error('usage: npx tsx src/sentiment/train-model.ts <sentiment gold .jsonl>');
    process.exitCode = 2;
  } else await main(gold);
}
