import { createRequire } from 'node:module';
import { createDocument } from '../segment/create-document.js';
import { winkWithSentiment } from '../nlp/wink.js';
import { scoreSentiment, sentimentConfigSchema } from '../sentiment/index.js';
import type { z } from 'zod';
import { crossValidateModel, rowOf } from '../sentiment/fit.js';
import { readJsonl } from './gold.js';
import { classScores, pearson, ranks, round, type ClassScores } from './metrics.js';

/**
 * Sentence sentiment against human ratings (VADER's NYT editorial snippets: mean of 20 ratings on -4..+4).
 * Scores: Pearson r, Spearman rho, and 3-class precision/recall/F1 with VADER's ±0.05 thresholds on -1..1
 * (gold: score/4).
 */

export type SentimentBaseline = 'wink' | 'vader';
export const SENTIMENT_BASELINES: readonly SentimentBaseline[] = ['wink', 'vader'];

/** A baseline name from the command line that we do not know is an error, not a silent fallback to our system. */
export function checkBaseline(baseline: string | null | undefined, known: readonly string[]): void {
  if (baseline && !known.includes(baseline)) throw new Error(`unknown baseline "${baseline}" (expected one of: ${known.join(', ')})`);
}

export interface SentimentEvalOptions {
  /** Score a package as it comes instead of our stage. */
  readonly baseline?: SentimentBaseline | null;
  /** The `sentiment` config section as written in pipeline.config.json (defaults fill the rest). */
  readonly config?: z.input<typeof sentimentConfigSchema>;
  /** Only the first N records (quick runs). */
  readonly limit?: number;
  /**
   * Score our model by 10-fold cross-validation grouped by article (`nyt-<article>_<n>`) instead of with the
   * committed weights: the honest number on the file the weights were fitted on. Default options only
   * (`config` is not read); each record is read as one sentence.
   */
  readonly crossValidated?: boolean;
}

export interface SentimentReport {
  readonly gold: string;
  readonly system: string;
  readonly sentences: number;
  readonly pearson: number;
  readonly spearman: number;
  readonly thresholds: { readonly gold: string; readonly system: string };
  readonly classes: Readonly<Record<'negative' | 'neutral' | 'positive', ClassScores>>;
  readonly macroF1: number;
  readonly weightedF1: number;
}

interface GoldSentence {
  readonly id: string;
  readonly text: string;
  readonly score: number;
}

export const SYSTEM_THRESHOLD = 0.05;
/** Gold is on -4..+4: ±0.2 is ±0.05 on the -1..1 scale, as in the VADER paper. */
export const GOLD_THRESHOLD = 0.2;

export async function evaluateSentiment(goldPath: string, options: SentimentEvalOptions = {}): Promise<SentimentReport> {
  checkBaseline(options.baseline, SENTIMENT_BASELINES);
  let gold = await readJsonl<GoldSentence>(goldPath);
  if (options.limit !== undefined) gold = gold.slice(0, options.limit);
  let predicted: number[];
  if (options.crossValidated && !options.baseline) {
    // Out-of-fold predictions on the raters' -4..+4 scale, read as the stage reads them (over 4, clamped).
    predicted = crossValidateModel(gold, gold.map((g) => rowOf(g.text))).map((v) => Math.max(-1, Math.min(1, v / 4)));
  } else {
    const scorer = makeScorer(options);
    predicted = gold.map((g) => scorer(g.text));
  }
  const goldScores = gold.map((g) => g.score);
  const goldClasses = goldScores.map((s) => toClass(s, GOLD_THRESHOLD));
  const systemClasses = predicted.map((s) => toClass(s, SYSTEM_THRESHOLD));
  const classes = classScores(goldClasses, systemClasses, ['negative', 'neutral', 'positive'] as const);
  const values = Object.values(classes);
  const total = values.reduce((a, c) => a + c.support, 0);
  return {
    gold: goldPath,
    system: options.baseline ?? (options.crossValidated ? 'article-pipeline, 10-fold CV by article' : 'article-pipeline (committed weights)'),
    sentences: gold.length,
    pearson: round(pearson(goldScores, predicted)),
    spearman: round(pearson(ranks(goldScores), ranks(predicted))),
    thresholds: { gold: `positive >= ${GOLD_THRESHOLD}, negative <= -${GOLD_THRESHOLD} (on -4..+4)`, system: `positive >= ${SYSTEM_THRESHOLD}, negative <= -${SYSTEM_THRESHOLD} (on -1..1)` },
    classes,
    macroF1: round(values.reduce((a, c) => a + c.f1, 0) / values.length),
    weightedF1: round(values.reduce((a, c) => a + c.f1 * c.support, 0) / Math.max(1, total)),
  };
}

function makeScorer(options: SentimentEvalOptions): (text: string) => number {
  if (options.baseline === 'wink') {
    const nlp = winkWithSentiment();
    return (text) => nlp.readDoc(text).out(nlp.its.sentiment) as number;
  }
  if (options.baseline === 'vader') {
    // vader-sentiment is a CommonJS bundle; only the evaluation loads it.
    const require = createRequire(import.meta.url);
    const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
    return (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  }
  const config = sentimentConfigSchema.parse(options.config ?? {});
  // A gold record is one sentence: score it as such (the segmenter may still split it; take the mean).
  return (text) => scoreSentiment(createDocument({ id: 'gold', text }), config).sentiment;
}

type SentimentClass = 'negative' | 'neutral' | 'positive';

function toClass(score: number, threshold: number): SentimentClass {
  if (score >= threshold) return 'positive';
  if (score <= -threshold) return 'negative';
  return 'neutral';
}

export function formatSentimentReport(report: SentimentReport): string {
  const lines = [
    `Sentiment: ${report.system} on ${report.gold} (${report.sentences} sentences)`,
    `  Pearson r ${report.pearson.toFixed(3)}   Spearman rho ${report.spearman.toFixed(3)}`,
    `  3 classes: gold ${report.thresholds.gold}; system ${report.thresholds.system}`,
    '  class       precision  recall     F1  support',
  ];
  for (const [name, c] of Object.entries(report.classes)) {
    lines.push(`  ${name.padEnd(10)} ${c.precision.toFixed(3).padStart(10)} ${c.recall.toFixed(3).padStart(7)} ${c.f1.toFixed(3).padStart(6)} ${String(c.support).padStart(8)}`);
  }
  lines.push(`  macro F1 ${report.macroF1.toFixed(3)}   weighted F1 ${report.weightedF1.toFixed(3)}`);
  return lines.join('\n');
}
