import { createRequire } from 'node:module';
import type { Token } from '../document/types.js';
import { AFINN } from './lexicon/afinn.js';
import { SENTICON } from './lexicon/senticon.js';
import { NEGATORS } from './rules.js';
import { SENTIMENT_MODEL } from './model-weights.js';

/**
 * The sentence model: a handful of interpretable per-sentence features, combined by a linear (ridge) model
 * whose weights `train-model.ts` fits on human ratings. Every feature is a count or a sum over wink tokens,
 * so the model costs one extra pass over the sentence and no parse.
 */
export const SENTIMENT_FEATURES = [
  /** The rule-based score (VADER's method, -1..1), see `readRules`. */
  'rules',
  /** Sum of the positive word valences after negation, intensifiers, contrast and quotes (VADER + AFINN words). */
  'rulesPositive',
  /** Sum of the negative ones (a negative number). */
  'rulesNegative',
  /** AFINN-165 (-5..+5): sum of positive and of negative ratings (negation flips), and their mean per rated word. */
  'afinnPositive',
  'afinnNegative',
  'afinnMean',
  /** ML-SentiCon (-1..+1, by stem; names skipped): the same three. */
  'senticonPositive',
  'senticonNegative',
  'senticonMean',
  /** Negators (not, never, no, without, ...). */
  'negators',
  /** 1 when the sentence asks a question, 1 when it exclaims. */
  'question',
  'exclamation',
] as const;

export type SentimentFeature = (typeof SENTIMENT_FEATURES)[number];

/** What the rule pass hands to the model. */
export interface RulesSummary {
  readonly score: number;
  readonly positive: number;
  readonly negative: number;
}

/** The linear model as `train-model.ts` writes it. */
export interface SentimentModel {
  readonly features: readonly SentimentFeature[];
  /** intercept + weights · features predicts the raters' mean on -4..+4. */
  readonly intercept: number;
  readonly weights: readonly number[];
  /** score = (intercept + weights · features) / scale, clamped to -1..1: 4 maps the raters' scale onto -1..1. */
  readonly scale: number;
}

const AFINN_MAP: ReadonlyMap<string, number> = new Map(Object.entries(AFINN));
const SENTICON_MAP: ReadonlyMap<string, number> = new Map(Object.entries(SENTICON));
/** Factor on a negated word's rating in the lexicon sums (VADER's N_SCALAR). */
const NEGATED = -0.74;

// Porter2 (Snowball English) stemmer shipped with the wink model: the stems ML-SentiCon is keyed by.
const require = createRequire(import.meta.url);
const stem = require('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;
const stems = new Map<string, string>();
function stemOf(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    // The memo is bounded by the vocabulary; a very long run over odd text starts it afresh.
    if (stems.size > 200_000) stems.clear();
    s = stem(word);
    stems.set(word, s);
  }
  return s;
}

const CLAUSE_BREAK = new Set([',', ';', ':', '—', '–', '(', ')']);
const LETTER = /\p{L}/u;

/** A negator within `scope` tokens before `i`, not across clause punctuation or "but". */
export function isNegated(tokens: readonly Token[], from: number, i: number, scope: number): boolean {
  for (let k = 1; k <= scope && i - k >= from; k++) {
    const w = tokens[i - k]!.normal;
    if (CLAUSE_BREAK.has(w) || w === 'but') return false;
    if (NEGATORS.has(w)) {
      // "not only", "no doubt", "no wonder" do not negate what follows.
      const next = tokens[i - k + 1]!.normal;
      if (next === 'only' || next === 'doubt' || next === 'wonder' || (w === 'no' && next === 'longer' && k > 2)) return false;
      return true;
    }
  }
  return false;
}

/** The feature vector of tokens [from, to), in `SENTIMENT_FEATURES` order. */
export function sentenceFeatures(tokens: readonly Token[], from: number, to: number, rules: RulesSummary, negationScope: number): number[] {
  let afinnPositive = 0;
  let afinnNegative = 0;
  let afinnCount = 0;
  let senticonPositive = 0;
  let senticonNegative = 0;
  let senticonCount = 0;
  let negators = 0;
  let question = 0;
  let exclamation = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    const word = token.normal;
    if (word === '?') question = 1;
    else if (word === '!') exclamation = 1;
    if (!LETTER.test(word)) continue;
    if (NEGATORS.has(word)) negators++;
    const afinn = AFINN_MAP.get(word);
    const senticon = token.pos === 'PROPN' ? undefined : SENTICON_MAP.get(stemOf(word));
    if (afinn === undefined && senticon === undefined) continue;
    const factor = isNegated(tokens, from, i, negationScope) ? NEGATED : 1;
    if (afinn !== undefined) {
      const v = afinn * factor;
      if (v > 0) afinnPositive += v;
      else afinnNegative += v;
      afinnCount++;
    }
    if (senticon !== undefined) {
      const v = senticon * factor;
      if (v > 0) senticonPositive += v;
      else senticonNegative += v;
      senticonCount++;
    }
  }
  return [
    rules.score, rules.positive, rules.negative,
    afinnPositive, afinnNegative, afinnCount === 0 ? 0 : (afinnPositive + afinnNegative) / afinnCount,
    senticonPositive, senticonNegative, senticonCount === 0 ? 0 : (senticonPositive + senticonNegative) / senticonCount,
    negators, question, exclamation,
  ];
}

/** The model's reading on -1..1 (see `SentimentModel.scale`). */
export function predictSentiment(features: readonly number[], model: SentimentModel = SENTIMENT_MODEL): number {
  let y = model.intercept;
  for (let k = 0; k < model.weights.length; k++) y += model.weights[k]! * features[k]!;
  return Math.max(-1, Math.min(1, y / model.scale));
}
