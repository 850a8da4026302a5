import type { Actor, ArticleDoc, ArticleTension, Dyad, EntitySummary, Modality, Sentence, SentenceTension, TensionCue, TensionLabel, With } from '../document/types.js';
import { scoreSentiment, type SentimentOptions } from '../sentiment/score.js';
import { cueActors, sentenceActors } from './actors.js';
import type { TensionConfig } from './config.js';
import { readContext, type ContextReading } from './context.js';
import { compileLexicon, effectiveLexicon, type CompiledLexicon } from './lexicon.js';
import { matchCues } from './match-cues.js';

export { tensionConfigSchema, type TensionConfig } from './config.js';
export { loadTensionLexicon, validateTensionLexicon, BUILTIN_LEXICON } from './lexicon.js';

export type TensionDoc = With<'sentiment' | 'tension' | 'dyads'>;

/**
 * The sentiment and tension stage. Per sentence: a general sentiment score (-1..1) and a tension reading
 * (lexicon cues with negation, modality and actors; a score on -10..+10; a label). Per article: the mean
 * sentiment, a tension index with counts by category, and a dyad table of who acted against or with whom.
 * Runs after the entity stage when there is one (actors come from its mentions and their country codes).
 */
export function scoreTension(doc: ArticleDoc, config: Readonly<TensionConfig>): TensionDoc {
  const lexicon = compileLexicon(effectiveLexicon(config));
  const summaries = new Map<string, EntitySummary>((doc.entitySummary ?? []).map((s) => [s.entityId, s]));
  const sentimentOptions: SentimentOptions = { ...config.sentiment, lexicon: config.sentiment.lexicon };
  const sentences: Sentence[] = [];
  let sentimentSum = 0;
  let sentimentWeight = 0;
  for (const sentence of doc.sentences) {
    const sentiment = scoreSentiment(doc.tokens, sentence.tokenStart, sentence.tokenEnd, sentimentOptions);
    // Longer sentences say more: weight the article mean by words, as a reader's impression would be.
    const words = Math.max(1, sentence.tokenEnd - sentence.tokenStart);
    sentimentSum += sentiment * words;
    sentimentWeight += words;
    sentences.push({ ...sentence, sentiment, tension: readSentence(doc, sentence, lexicon, summaries, config) });
  }
  return {
    ...doc,
    sentences,
    sentiment: sentimentWeight === 0 ? 0 : round(sentimentSum / sentimentWeight, 4),
    tension: articleTension(sentences, lexicon, config),
    dyads: dyadTable(sentences),
  };
}

function readSentence(doc: ArticleDoc, sentence: Sentence, lexicon: CompiledLexicon, summaries: ReadonlyMap<string, EntitySummary>, config: Readonly<TensionConfig>): SentenceTension {
  const { tokens, text } = doc;
  const from = sentence.tokenStart;
  const to = sentence.tokenEnd;
  const matches = matchCues(tokens, from, to, lexicon);
  if (matches.length === 0) return { score: 0, label: 'neutral', cues: [], source: null, target: null, modality: 'asserted' };
  const mentions = sentenceActors(doc, from, to, summaries);
  const cues: TensionCue[] = [];
  let score = 0;
  let strongest: { cue: TensionCue; size: number } | null = null;
  for (const match of matches) {
    const first = match.tokens[0]!;
    const last = match.tokens[match.tokens.length - 1]!;
    const isVerb = tokens[first]!.pos === 'VERB';
    const context = readContext(tokens, from, to, match.tokens, match.cue.category, config.negationScope, isVerb);
    const weight = effectiveWeight(match.cue.weight, context, config);
    const actors = cueActors(tokens, from, to, first, last, mentions, config.actorWindow);
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    const cue: TensionCue = {
      start,
      end,
      text: text.slice(start, end),
      rule: match.cue.id,
      category: match.cue.category,
      weight,
      negated: context.negated,
      modality: context.modality,
      source: actors.source,
      target: actors.target,
    };
    cues.push(cue);
    const contribution = weight * config.modalityWeights[context.modality] * (context.background ? config.backgroundWeight : 1);
    score += contribution;
    const size = Math.abs(contribution) + (actors.source || actors.target ? 0.001 : 0);
    if (!strongest || size > strongest.size) strongest = { cue, size };
  }
  score = round(Math.max(-10, Math.min(10, score)), 3);
  const withActors = strongest && (strongest.cue.source || strongest.cue.target) ? strongest.cue : cues.find((c) => c.source || c.target) ?? null;
  return {
    score,
    label: labelOf(score, config.labelThreshold),
    cues,
    source: withActors?.source ?? null,
    target: withActors?.target ?? null,
    modality: strongest?.cue.modality ?? 'asserted',
  };
}

/**
 * "Did not threaten" is not escalation, so a negated conflict cue weighs nothing; "refused to meet" or "no
 * cooperation" is a (weaker) conflict signal, so a negated cooperation cue turns negative.
 */
function effectiveWeight(weight: number, context: ContextReading, config: Readonly<TensionConfig>): number {
  if (context.negated || context.reversal === 'rejecting') return weight <= 0 ? 0 : round(-weight * config.negatedCooperationFactor, 2);
  // "Lifted the blockade", "eased the curfew": the act undone counts for part of its weight the other way.
  if (context.reversal === 'easing') return round(-weight * (weight < 0 ? config.easedConflictFactor : config.negatedCooperationFactor), 2);
  return weight;
}

function labelOf(score: number, threshold: number): TensionLabel {
  if (score <= -threshold && score < 0) return 'escalation';
  if (score >= threshold && score > 0) return 'de-escalation';
  return 'neutral';
}

/**
 * The article's index is the mean score of the sentences that carry at least one cue (-10..+10), so a long
 * article is not more tense than a short one for its length alone. Counts are cues by category (negated
 * cues excluded: they did not happen), plus sentence counts by label.
 */
function articleTension(sentences: readonly Sentence[], lexicon: CompiledLexicon, config: Readonly<TensionConfig>): ArticleTension {
  const counts: Record<string, number> = {};
  for (const category of Object.keys(lexicon.categories)) counts[category] = 0;
  let sum = 0;
  let scored = 0;
  for (const s of sentences) {
    const t = s.tension;
    if (!t || t.cues.length === 0) continue;
    sum += t.score;
    scored++;
    for (const cue of t.cues) if (!cue.negated) counts[cue.category] = (counts[cue.category] ?? 0) + 1;
  }
  const index = scored === 0 ? 0 : round(sum / scored, 3);
  return { index, label: labelOf(index, config.labelThreshold), counts };
}

/** Cues with both a source and a target, grouped by (source, target) in order of first appearance. */
function dyadTable(sentences: readonly Sentence[]): Dyad[] {
  const groups = new Map<string, { source: Actor; target: Actor; weights: number[] }>();
  for (const s of sentences) {
    for (const cue of s.tension?.cues ?? []) {
      if (!cue.source || !cue.target) continue;
      const key = `${actorKey(cue.source)}\u0000${actorKey(cue.target)}`;
      const group = groups.get(key) ?? { source: cue.source, target: cue.target, weights: [] };
      group.weights.push(cue.weight);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map((g) => ({
    source: g.source.text,
    sourceCode: g.source.countryCode,
    target: g.target.text,
    targetCode: g.target.countryCode,
    cues: g.weights.length,
    meanWeight: round(g.weights.reduce((a, b) => a + b, 0) / g.weights.length, 3),
  }));
}

function actorKey(actor: Actor): string {
  return actor.entityId ?? actor.text;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export type { Modality };
