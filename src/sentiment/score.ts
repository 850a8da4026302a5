import type { SentenceSentiment, Token } from '../document/types.js';
import { sentimentConfigSchema, type SentimentConfig } from './config.js';
import { CONCESSIVE, INTENSIFIERS } from './rules.js';
import { isNegated, predictSentiment, tokenFacts, sentenceFeatures, type LemmaFacts, type WordFacts } from './features.js';

/**
 * What the scorer reads: the `sentiment` config section (`config.ts`), with the user lexicon optional for
 * callers that score without one.
 */
export type SentimentOptions = Readonly<Omit<SentimentConfig, 'lexicon'>> & { readonly lexicon?: SentimentConfig['lexicon'] };

/** The schema's defaults, for callers outside the pipeline (training, benchmarks, tests). */
export const DEFAULT_SENTIMENT_OPTIONS: SentimentOptions = sentimentConfigSchema.parse({});

/** AFINN's -5..+5 onto VADER's -4..+4. */
const AFINN_TO_VADER = 0.8;

/** A word's valence from VADER's list, or AFINN's scaled for a word VADER lacks; the word form first, then its lemma. */
function listValence(word: WordFacts, lemma: LemmaFacts): number | undefined {
  if (word.neutralInNews) return undefined;
  const vader = word.vader ?? lemma.vader;
  if (vader !== undefined) return vader;
  const afinn = word.afinn ?? lemma.afinn;
  return afinn === undefined ? undefined : afinn * AFINN_TO_VADER;
}

/** The same with a user lexicon (`SentimentOptions.lexicon`) in front, by word form or lemma. */
function valenceWithLexicon(word: string, lemma: LemmaFacts, facts: WordFacts, extra: Readonly<Record<string, number>>): number | undefined {
  const v = Object.hasOwn(extra, word) ? extra[word] : Object.hasOwn(extra, lemma.lower) ? extra[lemma.lower] : undefined;
  return v !== undefined ? v : listValence(facts, lemma);
}

/** Tokens after a reducing word that it reaches ("reduce a person's cancer risk"). */
const REDUCER_SCOPE = 4;

/** One sentence's reading (the document type's `SentenceSentiment`). */
export type SentimentReading = SentenceSentiment;

/**
 * Valence of one sentence on -1..1 and the word that pulls it down most (the tension stage cites it for a
 * tone-only reading). By default the trained sentence model (`features.ts`) reads the rule score together
 * with AFINN and ML-SentiCon sums; with `method: 'rules'` it is the rule score alone.
 */
export function readSentiment(tokens: readonly Token[], from: number, to: number, options: SentimentOptions = DEFAULT_SENTIMENT_OPTIONS): SentimentReading {
  const rules = readRules(tokens, from, to, options);
  const rulesScore = round4(rules.score);
  if (options.method === 'rules') return { score: rulesScore, rulesScore, mostNegative: rules.mostNegative };
  const score = predictSentiment(sentenceFeatures(tokens, from, to, rules, options.negationScope));
  return { score: round4(score), rulesScore, mostNegative: rules.mostNegative };
}

export interface RulesReading {
  /** -1..1 (not rounded). */
  readonly score: number;
  readonly mostNegative: number;
  /** Sum of the positive valences after every rule, and of the negative ones. */
  readonly positive: number;
  readonly negative: number;
}

/**
 * VADER's method re-implemented over wink tokens so it costs no second tokenization: word valences (VADER's
 * list, AFINN for words it lacks), negation within a short scope that stops at clause punctuation,
 * intensifiers, hedges, reducing verbs, contrast ("but" clauses weigh more than what they concede) and quotes.
 */
export function readRules(tokens: readonly Token[], from: number, to: number, options: SentimentOptions = DEFAULT_SENTIMENT_OPTIONS): RulesReading {
  const known = tokenFacts(tokens);
  let mostNegative = -1;
  let lowest = 0;
  let sum = 0;
  let positive = 0;
  let negative = 0;
  let inQuote = false;
  let hedged = false;
  // Contrast: everything scored before a "but" is scaled down once we meet it.
  let beforeContrast = 0;
  let contrastSeen = false;
  let concessiveOpen = false;
  let concessiveSum = 0;
  // "reduce the risk of cancer": the valence of what a reducing word governs is reversed, up to a clause break.
  let reduceUntil = -1;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    const word = token.normal;
    if (word === '"' || word === '“' || word === '”' || word === "''" || word === '``') {
      inQuote = word === '“' ? true : word === '”' ? false : !inQuote;
      continue;
    }
    const facts = known.wordOf(i);
    const lemma = known.lemmaOf(i);
    // The reduced object ends at clause punctuation or a preposition other than "of" ("reduce benefits | for the poor").
    if (facts.clauseBreak || (token.pos === 'ADP' && word !== 'of')) reduceUntil = -1;
    if (facts.hedge || lemma.hedge) hedged = true;
    if (facts.contrast && token.pos !== 'ADV' || (word === 'however' || word === 'but')) {
      if (!contrastSeen && (word === 'but' || word === 'however' || word === 'yet')) {
        beforeContrast = sum;
        contrastSeen = true;
        sum = 0;
      }
      continue;
    }
    if (i === from && CONCESSIVE.has(word)) {
      concessiveOpen = true;
      continue;
    }
    if (concessiveOpen && word === ',') {
      concessiveSum = sum;
      sum = 0;
      concessiveOpen = false;
      continue;
    }
    if (options.reducerFactor !== 1 && (facts.reducer || lemma.reducer)) {
      reduceUntil = i + REDUCER_SCOPE;
      continue;
    }
    let v = options.lexicon ? valenceWithLexicon(word, lemma, facts, options.lexicon) : listValence(facts, lemma);
    if (v === undefined || v === 0) continue;
    // Intensifiers act on the absolute valence, with VADER's decay for distance.
    for (let k = 1; k <= 3 && i - k >= from; k++) {
      const boost = INTENSIFIERS.get(tokens[i - k]!.normal);
      if (boost !== undefined) v += Math.sign(v) * boost * (1 - 0.05 * (k - 1));
    }
    if (isNegated(tokens, from, i, options.negationScope)) v *= options.negationFactor;
    if (i <= reduceUntil) v *= options.reducerFactor;
    if (inQuote) v *= options.quoteWeight;
    sum += v;
    if (v > 0) positive += v;
    else negative += v;
    if (v < lowest) {
      lowest = v;
      mostNegative = i;
    }
  }
  let total = contrastSeen ? beforeContrast * 0.5 + sum * options.contrastWeight : sum;
  if (concessiveSum !== 0) total = concessiveSum * 0.5 + total;
  if (hedged) total *= options.hedgeWeight;
  return { score: total / Math.sqrt(total * total + options.alpha), mostNegative, positive, negative };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
