import type { Token } from '../document/types.js';
import { CONCESSIVE, CONTRAST_AFTER, HEDGES, INTENSIFIERS, NEGATORS, NEUTRAL_IN_NEWS } from './rules.js';
import { VALENCE } from './lexicon/valence.js';

export interface SentimentOptions {
  /** Weight of a clause after "but", "however" (VADER uses 1.5). */
  readonly contrastWeight: number;
  /** Weight of words inside quotation marks: quoted speech is the source's view, not the article's. */
  readonly quoteWeight: number;
  /** Factor on a clause containing a hedge ("may", "reportedly"). */
  readonly hedgeWeight: number;
  /** Factor on a negated valence (VADER's N_SCALAR is -0.74). */
  readonly negationFactor: number;
  /** How many tokens before a word a negator reaches. */
  readonly negationScope: number;
  /** Normalization constant: score = sum / sqrt(sum² + alpha). */
  readonly alpha: number;
  /** Extra or replacement valences (-4..+4), keyed by lower-case word or lemma. */
  readonly lexicon?: Readonly<Record<string, number>>;
}

export const DEFAULT_SENTIMENT_OPTIONS: SentimentOptions = {
  contrastWeight: 1.5,
  quoteWeight: 0.8,
  hedgeWeight: 0.85,
  negationFactor: -0.74,
  negationScope: 3,
  alpha: 15,
};



// A Map, not the object: words such as "constructor" must not find Object.prototype members.
const VALENCE_MAP: ReadonlyMap<string, number> = new Map(Object.entries(VALENCE));

function valenceOf(token: Token, extra: Readonly<Record<string, number>> | undefined): number | undefined {
  const word = token.normal;
  // wink leaves the lemma undefined for a few tokens ("cannot").
  const lemma = typeof token.lemma === 'string' ? token.lemma.toLowerCase() : word;
  if (extra) {
    const v = Object.hasOwn(extra, word) ? extra[word] : Object.hasOwn(extra, lemma) ? extra[lemma] : undefined;
    if (v !== undefined) return v;
  }
  if (NEUTRAL_IN_NEWS.has(word)) return undefined;
  return VALENCE_MAP.get(word) ?? VALENCE_MAP.get(lemma);
}

const CLAUSE_BREAK = new Set([',', ';', ':', '—', '–', '(', ')']);

/**
 * Valence of one sentence on -1..1, VADER's method re-implemented over wink tokens so it costs no second
 * tokenization: word valences, negation within a short scope that stops at clause punctuation,
 * intensifiers, hedges, contrast ("but" clauses weigh more than what they concede) and quotes.
 */
export function scoreSentiment(tokens: readonly Token[], from: number, to: number, options: SentimentOptions = DEFAULT_SENTIMENT_OPTIONS): number {
  return readSentiment(tokens, from, to, options).score;
}

export interface SentimentReading {
  /** -1..1. */
  readonly score: number;
  /** Token index of the most negative word after negation and weighting, or -1. */
  readonly mostNegative: number;
}

/** The sentence score and the word that pulls it down most (the tension stage cites it for a tone-only reading). */
export function readSentiment(tokens: readonly Token[], from: number, to: number, options: SentimentOptions = DEFAULT_SENTIMENT_OPTIONS): SentimentReading {
  let mostNegative = -1;
  let lowest = 0;
  let sum = 0;
  let inQuote = false;
  let hedged = false;
  // Contrast: everything scored before a "but" is scaled down once we meet it.
  let beforeContrast = 0;
  let contrastSeen = false;
  let concessiveOpen = false;
  let concessiveSum = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    const word = token.normal;
    if (word === '"' || word === '“' || word === '”' || word === "''" || word === '``') {
      inQuote = word === '“' ? true : word === '”' ? false : !inQuote;
      continue;
    }
    if (HEDGES.has(word) || HEDGES.has(token.lemma)) hedged = true;
    if (CONTRAST_AFTER.has(word) && token.pos !== 'ADV' || (word === 'however' || word === 'but')) {
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
    let v = valenceOf(token, options.lexicon);
    if (v === undefined || v === 0) continue;
    // Intensifiers act on the absolute valence, with VADER's decay for distance.
    for (let k = 1; k <= 3 && i - k >= from; k++) {
      const boost = INTENSIFIERS.get(tokens[i - k]!.normal);
      if (boost !== undefined) v += Math.sign(v) * boost * (1 - 0.05 * (k - 1));
    }
    if (isNegated(tokens, from, i, options.negationScope)) v *= options.negationFactor;
    if (inQuote) v *= options.quoteWeight;
    sum += v;
    if (v < lowest) {
      lowest = v;
      mostNegative = i;
    }
  }
  let total = contrastSeen ? beforeContrast * 0.5 + sum * options.contrastWeight : sum;
  if (concessiveSum !== 0) total = concessiveSum * 0.5 + total;
  if (hedged) total *= options.hedgeWeight;
  return { score: Math.round((total / Math.sqrt(total * total + options.alpha)) * 10000) / 10000, mostNegative };
}

function isNegated(tokens: readonly Token[], from: number, i: number, scope: number): boolean {
  for (let k = 1; k <= scope && i - k >= from; k++) {
    const w = tokens[i - k]!.normal;
    if (CLAUSE_BREAK.has(w) || w === 'but') return false;
    if (NEGATORS.has(w)) {
      // "not only", "no doubt" do not negate what follows.
      const next = tokens[i - k + 1]!.normal;
      if (next === 'only' || next === 'doubt' || (w === 'no' && next === 'longer' && k > 2)) return false;
      return true;
    }
  }
  return false;
}
