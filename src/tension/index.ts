import type { Actor, ArticleDoc, Token, ArticleTension, Dyad, EntitySummary, Modality, Sentence, SentenceSentiment, SentenceTension, TensionCue, TensionLabel, With } from '../document/types.js';
import { cueActors, inferActorCountries, sentenceActors } from './actors.js';
import type { TensionConfig } from './config.js';
import { firstIndexWhere } from '../util/binary-search.js';
import { readContext, type ContextReading } from './context.js';
import { compileLexicon, effectiveLexicon, type CompiledLexicon } from './lexicon.js';
import { matchCues } from './match-cues.js';

export { tensionConfigSchema, type TensionConfig } from './config.js';
export { validateTensionLexicon, BUILTIN_LEXICON } from './lexicon.js';

/** What the tension stage reads: the sentiment stage's readings (for the negative-tone cue); entities when there are any. */
export type TensionInput = With<'sentiment' | 'sentenceSentiment'>;
export type TensionDoc = TensionInput & With<'tension' | 'dyads'>;

/**
 * The tension stage. Per sentence a tension reading (lexicon cues with negation, modality and actors; a
 * score on -10..+10; a label); per article a tension index with counts by category, and a dyad table of who
 * acted against or with whom. Runs after the sentiment stage, whose reading of a sentence gives the
 * negative-tone cue, and after the entity stage when there is one (actors come from its mentions and their
 * country codes).
 */
export function scoreTension(doc: TensionInput, config: Readonly<TensionConfig>): TensionDoc {
  const lexicon = compileLexicon(effectiveLexicon(config));
  const summaries = new Map<string, EntitySummary>((doc.entitySummary ?? []).map((s) => [s.entityId, s]));
  const inferred = inferActorCountries(doc, summaries);
  const sentences: Sentence[] = [];
  for (let i = 0; i < doc.sentences.length; i++) {
    const sentence = doc.sentences[i]!;
    const tension = readSentence(doc, sentence, doc.sentenceSentiment[i]!, lexicon, summaries, inferred, config);
    // A literal, not a spread of the sentence: V8 builds spread objects on a slow path, and this runs per sentence.
    sentences.push({ index: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text, paragraph: sentence.paragraph, tokenStart: sentence.tokenStart, tokenEnd: sentence.tokenEnd, sentiment: sentence.sentiment, tension });
  }
  return {
    ...doc,
    sentences,
    tension: articleTension(sentences, lexicon, config),
    dyads: dyadTable(sentences),
  };
}

function readSentence(doc: ArticleDoc, sentence: Sentence, tone: SentenceSentiment, lexicon: CompiledLexicon, summaries: ReadonlyMap<string, EntitySummary>, inferred: ReadonlyMap<string, string>, config: Readonly<TensionConfig>): SentenceTension {
  const { tokens, text } = doc;
  const from = sentence.tokenStart;
  const to = sentence.tokenEnd;
  // A cue word inside a name ("Organization for Security and Cooperation in Europe", "Peace Corps") is
  // part of the name, not an act.
  const names = entitiesIn(doc.entities ?? [], sentence.start, sentence.end);
  const inHeadline = doc.headline !== null && sentence.start < doc.headline.end && sentence.end > doc.headline.start;
  const found = matchCues(tokens, from, to, lexicon);
  const matches = found.filter((m) => !m.tokens.some((i) => inName(tokens[i]!, names, i === from || inHeadline)) && !isTopicWord(tokens, from, to, m.tokens, m.cue.side));
  const toneCue = config.negativeTone.enabled && tone.rulesScore <= -config.negativeTone.threshold && tone.mostNegative >= 0;
  if (matches.length === 0 && !toneCue) return { score: 0, label: 'neutral', cues: [], source: null, target: null, modality: 'asserted' };
  const mentions = sentenceActors(doc, from, to, summaries, inferred, names);
  const cues: TensionCue[] = [];
  let score = 0;
  let strongest: { cue: TensionCue; size: number } | null = null;
  let mainVerbSeen = false;
  let mainVerbAt = -1;
  for (const match of matches) {
    const first = match.tokens[0]!;
    const last = match.tokens[match.tokens.length - 1]!;
    // wink tags some nouns after a determiner as verbs ("the capture of").
    const isVerb = tokens[first]!.pos === 'VERB' && !['DET', 'ADJ'].includes(tokens[first - 1]?.pos ?? '') && tokens[first - 1]?.normal !== "'s";
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
    // A noun naming violence or crisis with no actor in reach describes a situation ("gender-based violence",
    // "post-conflict stabilization"); tension is between actors, so it counts for less.
    // So does a demand addressed to no one in particular ("we call on all parties", "that demands action"):
    // a demand is confrontational when it names whom it is made of.
    const unattributed = (!isVerb && !actors.source && !actors.target) || (match.cue.category === 'demand' && !actors.target);
    // The first verb cue is the sentence's main act; what follows it (objects, relative clauses) says
    // less about what happened between the actors.
    const secondary = mainVerbSeen && first > mainVerbAt;
    if (isVerb && !mainVerbSeen && weight !== 0) {
      mainVerbSeen = true;
      mainVerbAt = last;
    }
    const contribution = weight * config.modalityWeights[context.modality] * (context.background ? config.backgroundWeight : 1) * (unattributed ? config.unattributedNounWeight : 1) * (secondary ? config.secondaryWeight : 1);
    score += contribution > 0 ? contribution * config.cooperationWeight : contribution;
    // The sentence's actors are those of its main act, usually its first verb cue ("Petro condemned the
    // U.S. military operation": Petro against the U.S.); without one, the largest contribution wins.
    const size = Math.abs(contribution) + (actors.source || actors.target ? 0.001 : 0) + (isVerb && contribution !== 0 ? 1e6 - 1e3 * cues.length : 0);
    if (!strongest || size > strongest.size) strongest = { cue, size };
  }
  // Negative evaluation without a lexicon cue ("the Kyiv authorities have chosen the wrong path") is
  // disapproval (CAMEO 11, Goldstein -2): cited by its most negative word, added only when the cues
  // leave the sentence undecided.
  const toneWord = tone.mostNegative >= 0 ? tokens[tone.mostNegative]! : null;
  // A word the lexicon matched (kept or set aside as a name or topic) was read already; tone does not reread it.
  const toneIsOwn = toneWord !== null && !found.some((m) => m.tokens.includes(tone.mostNegative)) && !GRIEF.has(toneWord.normal) && !GRIEF.has(String(toneWord.lemma).toLowerCase());
  // When the lexicon found a negated or reversed act, the sentence's negativity is that act's, read already.
  const undone = cues.some((c) => c.negated || (c.weight === 0 && c.category !== 'negative-tone'));
  if (toneCue && toneIsOwn && !undone && score > -config.labelThreshold && score < config.negativeTone.maxCooperation) {
    const i = tone.mostNegative;
    const actors = cueActors(tokens, from, to, i, i, mentions, config.actorWindow);
    const t = tokens[i]!;
    const cue: TensionCue = { start: t.start, end: t.end, text: text.slice(t.start, t.end), rule: 'negative-tone', category: config.negativeTone.category, weight: config.negativeTone.weight, negated: false, modality: 'asserted', source: actors.source, target: actors.target };
    cues.push(cue);
    cues.sort((a, b) => a.start - b.start);
    score += cue.weight;
    if (!strongest) strongest = { cue, size: Math.abs(cue.weight) };
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

/** Nouns that make a conflict word the name of a field or a setting: "conflict prevention", "crisis management". */
const TOPIC_HEADS = new Set(['prevention', 'resolution', 'management', 'setting', 'settings', 'situation', 'situations', 'zone', 'zones', 'area', 'areas', 'affected', 'related', 'sensitive', 'survivor', 'survivors', 'reduction', 'studies', 'research', 'analysis', 'response', 'reporting', 'journalist', 'journalists', 'correspondent', 'correspondents', 'film', 'movie', 'novel', 'memorial', 'museum', 'veteran', 'veterans', 'games']);
/** Modifiers that make violence a social issue rather than an act between political actors. */
const TOPIC_MODIFIERS = new Set(['post', 'sexual', 'domestic', 'gender', 'based', 'gender-based', 'intimate', 'partner', 'gang', 'gun', 'school']);

/**
 * A conflict noun used as the topic of a phrase is not an act: "conflict prevention and resolution",
 * "post-conflict stabilization", "gender-based violence", "war correspondent".
 */
function isTopicWord(tokens: readonly Token[], from: number, to: number, cueTokens: readonly number[], side: 'conflict' | 'cooperation'): boolean {
  if (side !== 'conflict' || cueTokens.length !== 1) return false;
  const i = cueTokens[0]!;
  const t = tokens[i]!;
  if (t.pos === 'VERB') return false;
  const next = i + 1 < to ? tokens[i + 1]! : null;
  if (next && TOPIC_HEADS.has(next.normal)) return true;
  if (next && next.normal === '-' && i + 2 < to && TOPIC_HEADS.has(tokens[i + 2]!.normal)) return true;
  for (let k = 1; k <= 2 && i - k >= from; k++) {
    const w = tokens[i - k]!.normal;
    if (TOPIC_MODIFIERS.has(w)) return true;
    if (w !== '-') break;
  }
  return false;
}

/** Mentions overlapping [start, end), by binary search: entities are sorted by start. */
function entitiesIn<T extends { start: number; end: number }>(entities: readonly T[], start: number, end: number): T[] {
  // First mention that may overlap: mentions are short, so back off from the first one starting at or after `start`.
  let i = firstIndexWhere(entities, (e) => e.start >= start);
  while (i > 0 && entities[i - 1]!.end > start) i--;
  const out: T[] = [];
  for (; i < entities.length && entities[i]!.start < end; i++) if (entities[i]!.end > start) out.push(entities[i]!);
  return out;
}

function inName(token: Token, names: readonly { start: number; end: number }[], titleCaseAllowed: boolean): boolean {
  if (names.some((n) => token.start >= n.start && token.end <= n.end)) return true;
  // A capitalized cue word inside running text belongs to a name the entity layer may have missed
  // ("Organization for Security and Cooperation in Europe"); headlines and sentence starts are exempt.
  return !titleCaseAllowed && /^\p{Lu}\p{Ll}/u.test(token.value);
}

/**
 * Grief and disaster words make a sentence sad, not hostile: "Today, all of Ukraine is mourning" blames no one.
 * They never carry a negative-tone cue.
 */
const GRIEF = new Set(['sad', 'sadly', 'sadness', 'pain', 'painful', 'mourn', 'mourning', 'grieve', 'grief', 'victim', 'victims', 'tragedy', 'tragic', 'tragically', 'loss', 'losses', 'bereaved', 'condolences', 'suffering', 'suffer', 'shocked', 'shock', 'sorrow', 'prayers', 'death', 'deaths', 'died', 'die', 'dead', 'crash', 'crashed', 'disaster', 'catastrophe', 'poverty', 'disease', 'illness', 'hunger', 'fear', 'worried', 'concern', 'concerned', 'difficult', 'problem', 'problems', 'challenge', 'challenges', 'obstacle', 'obstacles', 'sick', 'cancer', 'emergency', 'warning', 'risk', 'danger', 'dangerous']);

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
