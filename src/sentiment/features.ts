import { createRequire } from 'node:module';
import type { Token } from '../document/types.js';
import { AFINN } from './data/afinn.js';
import { VALENCE } from './data/valence.js';
import { SENTICON } from './data/senticon.js';
import { EMBEDDING_VALENCE, EMBEDDING_VALENCE_STEPS, EMBEDDING_WORDS } from './data/embedding-valence.js';
import { CLAUSE_BREAK_WORDS, CONTRAST_AFTER, HEDGES, NEGATORS, NEUTRAL_IN_NEWS, REDUCERS } from './rules.js';
import modelWeights from './data/model-weights.json' with { type: 'json' };

/**
 * The sentence model: a handful of interpretable per-sentence features, combined by a linear (ridge) model
 * whose weights `tools/sentiment/train-model.ts` fits on human ratings. Every feature is a count or a sum over wink tokens,
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
   * Valence induced from word vectors (`data/embedding-valence.ts`: GloVe vectors projected on a
   * sentiment axis fitted to VADER's and AFINN's words, no rated sentences): mean and sum over the content
   * words (nouns, verbs, adjectives, adverbs, names), rarer words weighing more (see `rankWeight`), negation
   * flips, a contrast weighs as in the rules. Reads words no list rates.
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

/** The linear model as `tools/sentiment/train-model.ts` writes it (`data/model-weights.json`). */
export interface SentimentModel {
  /** Where the weights come from: data, method, cross-validated score. */
  readonly about?: string;
  readonly features: readonly SentimentFeature[];
  /** intercept + weights · features predicts the raters' mean on -4..+4. */
  readonly intercept: number;
  readonly weights: readonly number[];
  /** score = (intercept + weights · features) / scale, clamped to -1..1: 4 maps the raters' scale onto -1..1. */
  readonly scale: number;
  /** Per-lemma corrections on the raters' scale, read by the `adjustment*` features. */
  readonly adjustments: Readonly<Record<string, number>>;
}

/** The committed sentence model (`data/model-weights.json`). */
export const SENTIMENT_MODEL: SentimentModel = modelWeights as SentimentModel;

// Maps, not the objects: words such as "constructor" must not find Object.prototype members.
const VALENCE_MAP: ReadonlyMap<string, number> = new Map(Object.entries(VALENCE));
const AFINN_MAP: ReadonlyMap<string, number> = new Map(Object.entries(AFINN));
const SENTICON_MAP: ReadonlyMap<string, number> = new Map(Object.entries(SENTICON));
/** Factor on a negated word's rating in the lexicon sums (VADER's N_SCALAR). */
const NEGATED = -0.74;

// Porter2 (Snowball English) stemmer shipped with the wink model: the stems ML-SentiCon is keyed by.
const require = createRequire(import.meta.url);
const stem = require('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;

/**
 * What the lexicons and word lists say of one word form (a token's `normal`), looked up once per distinct
 * word: the rule pass and the model features then read one memo per token instead of a dozen sets.
 */
export interface WordFacts {
  readonly letter: boolean;
  readonly negator: boolean;
  readonly clauseBreak: boolean;
  readonly hedge: boolean;
  readonly contrast: boolean;
  readonly reducer: boolean;
  readonly neutralInNews: boolean;
  /** VADER's rating of the word form. */
  readonly vader: number | undefined;
  readonly afinn: number | undefined;
  /** ML-SentiCon's rating of the word's Porter2 stem. */
  readonly senticon: number | undefined;
  readonly embeddingRank: number | undefined;
}
const wordFacts = new Map<string, WordFacts>();

export function factsOf(word: string): WordFacts {
  let facts = wordFacts.get(word);
  if (facts === undefined) {
    // The memo is bounded by the vocabulary; a very long run over odd text starts it afresh.
    if (wordFacts.size > 200_000) wordFacts.clear();
    const letter = LETTER.test(word);
    facts = {
      letter,
      negator: NEGATORS.has(word),
      clauseBreak: CLAUSE_BREAK_WORDS.has(word),
      hedge: HEDGES.has(word),
      contrast: CONTRAST_AFTER.has(word),
      reducer: REDUCERS.has(word),
      neutralInNews: NEUTRAL_IN_NEWS.has(word),
      vader: VALENCE_MAP.get(word),
      afinn: AFINN_MAP.get(word),
      senticon: letter ? SENTICON_MAP.get(stem(word)) : undefined,
      embeddingRank: letter ? (embeddingTable ??= decodeEmbeddingValence()).index.get(word) : undefined,
    };
    wordFacts.set(word, facts);
  }
  return facts;
}

/** What the lists say of a token's lemma as wink gives it (hedges and reducers match it as is, ratings in lower case). */
export interface LemmaFacts {
  readonly lower: string;
  readonly hedge: boolean;
  readonly reducer: boolean;
  readonly vader: number | undefined;
  readonly afinn: number | undefined;
}
const lemmaFactsMemo = new Map<string, LemmaFacts>();

/** wink leaves the lemma undefined for a few tokens ("cannot"): the word form stands in for the ratings. */
export function lemmaFactsOf(lemma: string | undefined, word: string): LemmaFacts {
  if (typeof lemma !== 'string') return { lower: word, hedge: false, reducer: false, vader: VALENCE_MAP.get(word), afinn: AFINN_MAP.get(word) };
  let facts = lemmaFactsMemo.get(lemma);
  if (facts === undefined) {
    if (lemmaFactsMemo.size > 200_000) lemmaFactsMemo.clear();
    const lower = lemma.toLowerCase();
    facts = { lower, hedge: HEDGES.has(lemma), reducer: REDUCERS.has(lemma), vader: VALENCE_MAP.get(lower), afinn: AFINN_MAP.get(lower) };
    lemmaFactsMemo.set(lemma, facts);
  }
  return facts;
}

/**
 * A document's per-token memo, filled as its sentences are read: the rule pass, the model features, the
 * lemma list and the tension cue matcher each read a sentence's tokens, and `wordOf(i)` / `lemmaOf(i)`
 * keep it to one lookup per token. Keyed by the document's token array, so it lives as long as the
 * document.
 */
export interface TokenFacts {
  wordOf(i: number): WordFacts;
  lemmaOf(i: number): LemmaFacts;
}
const tokenFactsByDoc = new WeakMap<readonly Token[], TokenFacts>();

export function tokenFacts(tokens: readonly Token[]): TokenFacts {
  let facts = tokenFactsByDoc.get(tokens);
  if (facts === undefined) {
    const words: WordFacts[] = [];
    const lemmas: LemmaFacts[] = [];
    facts = {
      wordOf: (i) => (words[i] ??= factsOf(tokens[i]!.normal)),
      lemmaOf: (i) => (lemmas[i] ??= lemmaFactsOf(tokens[i]!.lemma, tokens[i]!.normal)),
    };
    tokenFactsByDoc.set(tokens, facts);
  }
  return facts;
}

// The induced valences are decoded on first use (~100k words; a few MB of heap, ~50 ms).
interface EmbeddingTable {
  /** Word -> its position in EMBEDDING_WORDS (frequency order). */
  readonly index: Map<string, number>;
  readonly valence: Float32Array;
  /** Each word's weight in the sentence mean (see `rankWeight`). */
  readonly weight: Float32Array;
}
let embeddingTable: EmbeddingTable | undefined;
function decodeEmbeddingValence(): EmbeddingTable {
  const words = EMBEDDING_WORDS.split('\n');
  const bytes = Buffer.from(EMBEDDING_VALENCE, 'base64');
  const values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const index = new Map<string, number>();
  const valence = new Float32Array(words.length);
  const weight = new Float32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    index.set(word, i);
    valence[i] = values[i]! / EMBEDDING_VALENCE_STEPS;
    weight[i] = Object.hasOwn(VALENCE, word) || Object.hasOwn(AFINN, word) ? 1 : rankWeight(i);
  }
  return { index, valence, weight };
}
/** A word's valence induced from its vector (-4..+4), or undefined outside the 100k most frequent words. */
export function embeddingValence(word: string): number | undefined {
  embeddingTable ??= decodeEmbeddingValence();
  const i = embeddingTable.index.get(word);
  return i === undefined ? undefined : embeddingTable.valence[i];
}

/**
 * A word's weight in the induced-valence mean grows with the square root of its frequency rank (weight 1 at
 * rank 1,000): rare words say more about a sentence's tone than frequent ones, as in IDF weighting. Words
 * that VADER or AFINN rate keep weight 1: the rules read them already, and a rare rated word ("terrible")
 * would otherwise outweigh a frequent one ("good") whatever the clause order. Exponent chosen by
 * cross-validation on the NYT file among rank^0.2 .. rank^1 (r 0.627, 0.628, 0.628, 0.626, 0.622 over the
 * 14 features with every word weighted; unweighted 0.621): flat between 0.3 and 0.5.
 */
function rankWeight(rank: number): number {
  return Math.sqrt((rank + 2) / 1000);
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

const LETTER = /\p{L}/u;

/** A negator within `scope` tokens before `i`, not across clause punctuation or "but". */
export function isNegated(tokens: readonly Token[], from: number, i: number, scope: number): boolean {
  for (let k = 1; k <= scope && i - k >= from; k++) {
    const w = tokens[i - k]!.normal;
    if (CLAUSE_BREAK_WORDS.has(w) || w === 'but') return false;
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
  const known = tokenFacts(tokens);
  let afinnPositive = 0;
  let afinnNegative = 0;
  let afinnCount = 0;
  let senticonPositive = 0;
  let senticonNegative = 0;
  let senticonCount = 0;
  let embeddingSum = 0;
  let embeddingWeight = 0;
  // As in the rule pass: what comes before the first "but" is conceded (x0.5), what follows counts x1.5.
  let embeddingBeforeContrast = 0;
  let embeddingWeightBeforeContrast = 0;
  let contrastSeen = false;
  let negators = 0;
  let question = 0;
  let exclamation = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    const word = token.normal;
    if (word === '?') question = 1;
    else if (word === '!') exclamation = 1;
    const facts = known.wordOf(i);
    if (!facts.letter) continue;
    if (!contrastSeen && (word === 'but' || word === 'however' || word === 'yet')) {
      contrastSeen = true;
      embeddingBeforeContrast = embeddingSum;
      embeddingWeightBeforeContrast = embeddingWeight;
      embeddingSum = 0;
      embeddingWeight = 0;
    }
    if (facts.negator) negators++;
    const afinn = facts.afinn;
    const senticon = token.pos === 'PROPN' ? undefined : facts.senticon;
    const rank = CONTENT_POS.has(token.pos) ? facts.embeddingRank : undefined;
    if (afinn === undefined && senticon === undefined && rank === undefined) continue;
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
    if (rank !== undefined) {
      const weight = embeddingTable!.weight[rank]!;
      embeddingSum += embeddingTable!.valence[rank]! * weight * factor;
      embeddingWeight += weight;
    }
  }
  if (contrastSeen) {
    // The clause weights weigh the mean's denominator too: the main clause dominates the mean.
    embeddingSum = embeddingBeforeContrast * CONCEDED + embeddingSum * CONTRASTED;
    embeddingWeight = embeddingWeightBeforeContrast * CONCEDED + embeddingWeight * CONTRASTED;
  }
  return [
    rules.score, rules.positive, rules.negative,
    afinnPositive, afinnNegative, afinnCount === 0 ? 0 : (afinnPositive + afinnNegative) / afinnCount,
    senticonPositive, senticonNegative, senticonCount === 0 ? 0 : (senticonPositive + senticonNegative) / senticonCount,
    negators, question, exclamation,
    embeddingWeight === 0 ? 0 : embeddingSum / embeddingWeight, embeddingSum,
  ];
}

/** The distinct lower-case lemmas of the words (tokens with a letter) of tokens [from, to). */
export function sentenceLemmas(tokens: readonly Token[], from: number, to: number): string[] {
  const known = tokenFacts(tokens);
  const lemmas = new Set<string>();
  for (let i = from; i < to; i++) {
    if (!known.wordOf(i).letter) continue;
    lemmas.add(known.lemmaOf(i).lower);
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
