import { createRequire } from 'node:module';
import type { Token } from '../document/types.js';
import { AFINN } from './lexicon/afinn.js';
import { SENTICON } from './lexicon/senticon.js';
import { EMBEDDING_VALENCE, EMBEDDING_VALENCE_STEPS, EMBEDDING_WORDS } from './lexicon/embedding-valence.js';
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
  /**
   * Valence induced from word vectors (`lexicon/embedding-valence.ts`: GloVe vectors projected on a
   * sentiment axis fitted to VADER's and AFINN's words, no rated sentences): mean and sum over the content
   * words (nouns, verbs, adjectives, adverbs, names), negation flips, a contrast weighs as in the rules. Reads
   * words no list rates.
   */
  'embeddingMean',
  'embeddingSum',
  /**
   * Per-lemma corrections learned from the rated sentences (`SentimentModel.adjustments`: what the other
   * features left unexplained where the lemma occurs, shrunk towards 0): sum and mean over the distinct lemmas.
   */
  'adjustmentSum',
  'adjustmentMean',
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
  /** Per-lemma corrections on the raters' scale, read by the `adjustment*` features. */
  readonly adjustments: Readonly<Record<string, number>>;
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

// The induced valences are decoded on first use (~100k words; a few MB of heap, ~20 ms).
let embeddingMap: Map<string, number> | undefined;
function decodeEmbeddingValence(): Map<string, number> {
  const words = EMBEDDING_WORDS.split('\n');
  const bytes = Buffer.from(EMBEDDING_VALENCE, 'base64');
  const values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const map = new Map<string, number>();
  for (let i = 0; i < words.length; i++) map.set(words[i]!, values[i]! / EMBEDDING_VALENCE_STEPS);
  return map;
}
/** A word's valence induced from its vector (-4..+4), or undefined outside the 100k most frequent words. */
export function embeddingValence(word: string): number | undefined {
  embeddingMap ??= decodeEmbeddingValence();
  return embeddingMap.get(word);
}

/** Weights of the induced valences before and after the first "but", "however", "yet" (the rule pass's defaults). */
const CONCEDED = 0.5;
const CONTRASTED = 1.5;

/** Parts of speech whose induced valence counts: function words sit near the axis' middle and only add noise. */
const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN']);

// Model adjustments as a Map: a lemma such as "constructor" must not find an Object.prototype member.
const adjustmentMaps = new WeakMap<SentimentModel, ReadonlyMap<string, number>>();
function adjustmentsOf(model: SentimentModel): ReadonlyMap<string, number> {
  let map = adjustmentMaps.get(model);
  if (map === undefined) {
    map = new Map(Object.entries(model.adjustments));
    adjustmentMaps.set(model, map);
  }
  return map;
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

/**
 * The features that need no rated sentences (all but the `adjustment*` ones), in `SENTIMENT_FEATURES` order.
 */
export function fixedFeatures(tokens: readonly Token[], from: number, to: number, rules: RulesSummary, negationScope: number): number[] {
  let afinnPositive = 0;
  let afinnNegative = 0;
  let afinnCount = 0;
  let senticonPositive = 0;
  let senticonNegative = 0;
  let senticonCount = 0;
  let embeddingSum = 0;
  let embeddingCount = 0;
  // As in the rule pass: what comes before the first "but" is conceded (x0.5), what follows counts x1.5.
  let embeddingBeforeContrast = 0;
  let contrastSeen = false;
  let negators = 0;
  let question = 0;
  let exclamation = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    const word = token.normal;
    if (word === '?') question = 1;
    else if (word === '!') exclamation = 1;
    if (!LETTER.test(word)) continue;
    if (!contrastSeen && (word === 'but' || word === 'however' || word === 'yet')) {
      contrastSeen = true;
      embeddingBeforeContrast = embeddingSum;
      embeddingSum = 0;
    }
    if (NEGATORS.has(word)) negators++;
    const afinn = AFINN_MAP.get(word);
    const senticon = token.pos === 'PROPN' ? undefined : SENTICON_MAP.get(stemOf(word));
    const embedding = CONTENT_POS.has(token.pos) ? embeddingValence(word) : undefined;
    if (afinn === undefined && senticon === undefined && embedding === undefined) continue;
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
    if (embedding !== undefined) {
      embeddingSum += embedding * factor;
      embeddingCount++;
    }
  }
  if (contrastSeen) embeddingSum = embeddingBeforeContrast * CONCEDED + embeddingSum * CONTRASTED;
  return [
    rules.score, rules.positive, rules.negative,
    afinnPositive, afinnNegative, afinnCount === 0 ? 0 : (afinnPositive + afinnNegative) / afinnCount,
    senticonPositive, senticonNegative, senticonCount === 0 ? 0 : (senticonPositive + senticonNegative) / senticonCount,
    negators, question, exclamation,
    embeddingCount === 0 ? 0 : embeddingSum / embeddingCount, embeddingSum,
  ];
}

/** The distinct lower-case lemmas of the words (tokens with a letter) of tokens [from, to). */
export function sentenceLemmas(tokens: readonly Token[], from: number, to: number): string[] {
  const lemmas = new Set<string>();
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (!LETTER.test(token.normal)) continue;
    // wink leaves the lemma undefined for a few tokens ("cannot").
    lemmas.add(typeof token.lemma === 'string' ? token.lemma.toLowerCase() : token.normal);
  }
  return [...lemmas];
}

/** The `adjustment*` features: sum and mean of the lemmas' corrections. */
export function adjustmentFeatures(lemmas: readonly string[], adjustments: ReadonlyMap<string, number>): [number, number] {
  let sum = 0;
  for (const lemma of lemmas) sum += adjustments.get(lemma) ?? 0;
  return [sum, lemmas.length === 0 ? 0 : sum / lemmas.length];
}

/** The feature vector of tokens [from, to), in `SENTIMENT_FEATURES` order. */
export function sentenceFeatures(tokens: readonly Token[], from: number, to: number, rules: RulesSummary, negationScope: number, model: SentimentModel = SENTIMENT_MODEL): number[] {
  const fixed = fixedFeatures(tokens, from, to, rules, negationScope);
  const [sum, mean] = adjustmentFeatures(sentenceLemmas(tokens, from, to), adjustmentsOf(model));
  fixed.push(sum, mean);
  return fixed;
}

/** The model's reading on -1..1 (see `SentimentModel.scale`). */
export function predictSentiment(features: readonly number[], model: SentimentModel = SENTIMENT_MODEL): number {
  let y = model.intercept;
  for (let k = 0; k < model.weights.length; k++) y += model.weights[k]! * features[k]!;
  return Math.max(-1, Math.min(1, y / model.scale));
}
