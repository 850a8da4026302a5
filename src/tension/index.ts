import type { Actor, ArticleDoc, EventModality, PloverType, Token, ArticleTension, Dyad, EntitySummary, Modality, Quad, Sentence, SentenceSentiment, SentenceTension, TensionCue, TensionEvent, TensionLabel, With } from '../document/types.js';
import { cueActors, reportedDemand, sentenceActors, type ActorMention } from './actors.js';
import type { TensionConfig } from './config.js';
import { firstIndexWhere } from '../util/binary-search.js';
import { readContext, type ContextReading } from './context.js';
import { codeCue, eventDate, eventModality, mainEventIndex, makeEvent, retypeEvent, statementTrigger } from './events.js';
import { sentenceFeatures, type CueFacts } from './model/features.js';
import { TENSION_MODEL, type TensionModel } from './model/index.js';
import { decidePloverType, PLOVER_TYPE_MODEL, type PloverTypeModel } from './model/type-model.js';
import { eventTypeFeatures } from './model/type-features.js';
import { decideLabel, EXACT_PREFIX, exactDecision } from './decide.js';
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
  return readTension(doc, config, config.model ? TENSION_MODEL : null, null, config.model ? { model: PLOVER_TYPE_MODEL, sink: null } : NO_TYPES);
}

/** The PLOVER type classifier's input for one sentence's main event, and the type the rules gave it. */
export interface PloverTypeFeatures {
  readonly sentence: number;
  /** Where the main event starts (UTF-16 index into the document text). */
  readonly start: number;
  readonly ruleType: PloverType;
  readonly modality: EventModality;
  readonly features: readonly string[];
}

/** The type classifier and where its features go (training); both null: events keep the rules' types. */
interface TypeLearning {
  readonly model: PloverTypeModel | null;
  readonly sink: PloverTypeFeatures[] | null;
}
const NO_TYPES: TypeLearning = { model: null, sink: null };

/**
 * The type classifier's features of each sentence with a typed main event, as the stage computes them:
 * what train.ts fits the type model on and the cross-validation scores.
 */
export function ploverTypeFeatures(doc: TensionInput, config: Readonly<TensionConfig>): PloverTypeFeatures[] {
  const sink: PloverTypeFeatures[] = [];
  readTension(doc, config, null, null, { model: null, sink });
  return sink;
}

/**
 * The classifier's features of every sentence of `doc`, as the stage computes them (the rule pass with
 * its cues and their context): what train.ts fits on and the cross-validation scores.
 */
export function tensionFeatures(doc: TensionInput, config: Readonly<TensionConfig>): string[][] {
  const sink: string[][] = [];
  readTension(doc, config, null, sink, NO_TYPES);
  return sink;
}

function readTension(doc: TensionInput, config: Readonly<TensionConfig>, model: TensionModel | null, sink: string[][] | null, types: TypeLearning): TensionDoc {
  const lexicon = compileLexicon(effectiveLexicon(config));
  const summaries = new Map<string, EntitySummary>((doc.entitySummary ?? []).map((s) => [s.entityId, s]));
  const sentences: Sentence[] = [];
  // The actor the text was last about: a pronoun subject with no antecedent in its sentence refers to it.
  let previous: { source: Actor | null; target: Actor | null } | null = null;
  for (let i = 0; i < doc.sentences.length; i++) {
    const sentence = doc.sentences[i]!;
    const tension = readSentence(doc, sentence, doc.sentenceSentiment[i]!, lexicon, summaries, config, model, sink, types, previous);
    if (sentence.paragraph !== doc.sentences[i + 1]?.paragraph) previous = null;
    else if (tension.source) previous = { source: tension.source, target: tension.target };
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

const MODEL_LABEL: Readonly<Record<string, TensionLabel>> = { conflict: 'escalation', cooperation: 'de-escalation', neutral: 'neutral' };

function readSentence(doc: ArticleDoc, sentence: Sentence, tone: SentenceSentiment, lexicon: CompiledLexicon, summaries: ReadonlyMap<string, EntitySummary>, config: Readonly<TensionConfig>, model: TensionModel | null, sink: string[][] | null, types: TypeLearning, previousActors: { source: Actor | null; target: Actor | null } | null): SentenceTension {
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
  const needsFeatures = model !== null || sink !== null;
  const decide = (score: number, facts: readonly CueFacts[]): { label: TensionLabel; decision: 'model' | 'rules' } => {
    if (!needsFeatures) return { label: labelOf(score, config.labelThreshold), decision: 'rules' };
    if (!sink) {
      // What decideLabel would settle without the classifier, read without building the features: an
      // exact rule, or no tension cue (most sentences). A decided cue score still asks the classifier.
      const settled = exactDecision(facts) ?? (!facts.some((f) => f.side !== null) ? 'neutral' : null);
      if (settled) return { label: MODEL_LABEL[settled] ?? 'neutral', decision: 'rules' };
    }
    const features = sentenceFeatures(tokens, from, to, facts, score, names);
    const exact = exactDecision(facts);
    if (exact) features.push(`${EXACT_PREFIX}${exact}`);
    if (sink) sink.push(features);
    if (!model) return { label: labelOf(score, config.labelThreshold), decision: 'rules' };
    const decided = decideLabel(model, features);
    return { label: MODEL_LABEL[decided.label] ?? 'neutral', decision: decided.decision };
  };
  const mentions = matches.length === 0 && !toneCue && !model && !sink ? [] : sentenceActors(doc, from, to, summaries, names);
  const cues: TensionCue[] = [];
  const facts: CueFacts[] = [];
  const events: TensionEvent[] = [];
  const covered = new Set<number>();
  // The sentence's own temporal expressions (sorted by start, like entities): an event's date is one of them.
  const timexes = entitiesIn(doc.timexes ?? [], sentence.start, sentence.end);
  let score = 0;
  let strongest: { cue: TensionCue; size: number } | null = null;
  let mainVerbSeen = false;
  let mainVerbAt = -1;
  let previous: { last: number; context: ContextReading } | null = null;
  let demandCharged = false;
  for (const match of matches) {
    const first = match.tokens[0]!;
    const last = match.tokens[match.tokens.length - 1]!;
    for (let k = first; k <= last; k++) covered.add(k);
    // wink tags some nouns after a determiner as verbs ("the capture of").
    const isVerb = tokens[first]!.pos === 'VERB' && !['DET', 'ADJ'].includes(tokens[first - 1]?.pos ?? '') && tokens[first - 1]?.normal !== "'s";
    const own = readContext(tokens, from, to, match.tokens, match.cue.category, config.negationScope, isVerb);
    // A noun joined to the previous cue by a list ("halt its acts of violence and destruction", "refrain
    // from reprisals, including attacks") is governed by what governed that cue.
    const context: ContextReading = !isVerb && previous && joinedByList(tokens, previous.last, first) ? inheritScope(own, previous.context) : own;
    previous = { last, context };
    const weight = effectiveWeight(match.cue.weight, context, config);
    const found = cueActors(tokens, from, to, first, last, mentions, config.actorWindow, { previous: previousActors, thatClauseTarget: true });
    // What is demanded is demanded of someone: "the Council called on Russia to reduce tensions" aims at Russia.
    const addressee = context.demanded ? addresseeOf(tokens, from, first, mentions) : null;
    const actors = addressee ? { ...found, target: addressee } : found;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    // A noun naming violence or crisis with no actor in reach describes a situation ("gender-based violence",
    // "post-conflict stabilization"); tension is between actors, so it counts for less.
    // So does a demand addressed to no one in particular ("we call on all parties", "that demands action"):
    // a demand is confrontational when it names whom it is made of.
    // A seat of government typed as a building (FAC, the entity stage's default) acts through a verb ("the
    // Kremlin said"), but does not by itself make a noun its act ("the White House has not released an
    // agenda for the meeting").
    const attributes = (a: Actor | null): boolean => a !== null && (a.entityId === null || summaries.get(a.entityId)?.type !== 'FAC');
    const unattributed = (!isVerb && !attributes(actors.source) && !attributes(actors.target)) || (match.cue.category === 'demand' && !actors.target);
    // The first verb cue is the sentence's main act; what follows it (objects, relative clauses) says
    // less about what happened between the actors.
    const secondary = mainVerbSeen && first > mainVerbAt;
    if (isVerb && !mainVerbSeen && weight !== 0) {
      mainVerbSeen = true;
      mainVerbAt = last;
    }
    // A demand made of a named actor is itself the act (CAMEO 10, PLOVER DEMAND), whatever is demanded:
    // "Ukraine demands that Russia cease provocations", "Libya must hand over the suspects" confront the
    // addressee. The demanded act did not happen, so it does not count at its own polarity; the sentence
    // is charged one demand. Appeals ("urged", "encouraged", CAMEO 02) are left as they are.
    const demandedOf = match.cue.category !== 'demand' && context.demanded ? demandAddressee(tokens, from, first, mentions) : null;
    const factors = cueFactors(context, unattributed, secondary, config, demandedOf !== null);
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
      factors,
    };
    cues.push(cue);
    facts.push({ category: cue.category, rule: cue.rule, modality: cue.modality, factors, first, isVerb, side: match.cue.side, weight, targeted: actors.target !== null });
    const coding = codeCue(cue, context.reversal);
    const reciprocal = actors.rule === 'actors-between' || actors.rule === 'actors-coordinated' || actors.rule === 'actors-pair-previous';
    events.push(makeEvent(cue, coding, coding.rule, { source: actors.source, target: actors.target, reciprocal }, eventModality(context.negated, context.demanded, context.modality), context.background, eventDate(text, timexes, sentence.start, sentence.end, start, end, doc.dct)));
    const ownContribution = weight * config.modalityWeights[context.modality] * (context.background ? config.backgroundWeight : 1) * (unattributed ? config.unattributedNounWeight : 1) * (secondary ? config.secondaryWeight : 1);
    const contribution = demandedOf ? (demandCharged ? 0 : config.demandOfActorWeight) : ownContribution;
    if (demandedOf || (match.cue.category === 'demand' && actors.target && weight !== 0)) demandCharged = true;
    score += contribution > 0 ? contribution * config.cooperationWeight : contribution;
    // The sentence's actors are those of its main act, usually its first verb cue ("Petro condemned the
    // U.S. military operation": Petro against the U.S.); without one, the largest contribution wins.
    const size = Math.abs(contribution) + (actors.source || actors.target ? 0.001 : 0) + (isVerb && contribution !== 0 ? 1e6 - 1e3 * cues.length : 0);
    if (!strongest || size > strongest.size) strongest = { cue, size };
  }
  // Statements, comments, denials and appeals (CAMEO 01/02) the lexicon did not read: events of their own,
  // and features for the classifier ("denied", "declined to comment" are what make a sentence neutral).
  if (mentions.length > 0 || matches.length > 0 || model || sink) {
    for (let i = from; i < to; i++) {
      if (covered.has(i)) continue;
      const trigger = statementTrigger(tokens, i);
      if (!trigger) continue;
      const context = readContext(tokens, from, to, [i], 'statement', config.negationScope, true);
      const actors = cueActors(tokens, from, to, i, trigger.last, mentions, config.actorWindow, { previous: previousActors });
      const start = tokens[i]!.start;
      const end = tokens[trigger.last]!.end;
      const factors = cueFactors(context, false, mainVerbSeen && i > mainVerbAt, config);
      facts.push({ category: trigger.root === '01' ? 'statement' : 'appeal', rule: trigger.rule, modality: context.modality, factors, first: i, isVerb: true, side: null, weight: 0 });
      events.push(makeEvent({ start, end, text: text.slice(start, end) }, { root: trigger.root, plover: null }, trigger.rule, { source: actors.source, target: actors.target, reciprocal: false }, eventModality(context.negated, context.demanded, context.modality), context.background, eventDate(text, timexes, sentence.start, sentence.end, start, end, doc.dct)));
      i = trigger.last;
    }
    facts.sort((a, b) => a.first - b.first);
    events.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  if (matches.length === 0 && !toneCue) {
    const { label, decision } = decide(0, facts);
    return { score: 0, label, decision, cues: [], events, source: null, target: null, modality: 'asserted' };
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
    const actors = cueActors(tokens, from, to, i, i, mentions, config.actorWindow, { previous: previousActors });
    const t = tokens[i]!;
    const cue: TensionCue = { start: t.start, end: t.end, text: text.slice(t.start, t.end), rule: 'negative-tone', category: config.negativeTone.category, weight: config.negativeTone.weight, negated: false, modality: 'asserted', source: actors.source, target: actors.target, factors: [] };
    cues.push(cue);
    cues.sort((a, b) => a.start - b.start);
    facts.push({ category: 'negative-tone', rule: 'negative-tone', modality: 'asserted', factors: [], first: i, isVerb: false, side: 'conflict', weight: cue.weight });
    facts.sort((a, b) => a.first - b.first);
    events.push(makeEvent(cue, { root: '11', plover: 'DISAPPROVE' }, 'event-negative-tone', { source: actors.source, target: actors.target, reciprocal: false }, 'asserted', false, eventDate(text, timexes, sentence.start, sentence.end, t.start, t.end, doc.dct)));
    events.sort((a, b) => a.start - b.start || a.end - b.end);
    score += cue.weight;
    if (!strongest) strongest = { cue, size: Math.abs(cue.weight) };
  }
  score = round(Math.max(-10, Math.min(10, score)), 3);
  // A demand reported in a complement clause ("Russia said that Sudan must return the helicopter") is the
  // sentence's act between the speaker and the one the demand is made of, whatever the cues inside it say.
  const withActors = reportedDemand(tokens, from, to, mentions) ?? (strongest && (strongest.cue.source || strongest.cue.target) ? strongest.cue : cues.find((c) => c.source || c.target) ?? null);
  const { label, decision } = decide(score, facts);
  // The main event's PLOVER type: the rules coded each cue on its own; the classifier reads the whole
  // sentence (how the act is told, the other events) and may retype it, with CAMEO root and Goldstein.
  const main = types.model || types.sink ? mainEventIndex(events) : -1;
  // An act told as having happened keeps the rules' type (decidePloverType): no features to build for it.
  const classified = main >= 0 && (types.sink !== null || !(events[main]!.modality === 'asserted' || events[main]!.modality === 'reported'));
  if (classified) {
    const ruleType = events[main]!.ploverType!;
    const base = sentenceFeatures(tokens, from, to, facts, score, names);
    const exact = exactDecision(facts);
    if (exact) base.push(`${EXACT_PREFIX}${exact}`);
    const features = eventTypeFeatures(base, tokens, from, to, events, cues, main);
    types.sink?.push({ sentence: sentence.index, start: events[main]!.start, ruleType, modality: events[main]!.modality, features });
    if (types.model) events[main] = retypeEvent(events[main]!, decidePloverType(types.model, features, ruleType, events[main]!.modality), 'event-type-model');
  }
  return {
    score,
    label,
    decision,
    cues,
    events,
    source: withActors?.source ?? null,
    target: withActors?.target ?? null,
    modality: strongest?.cue.modality ?? 'asserted',
  };
}

/** What may stand between two members of one list of acts: "violence and destruction", "reprisals, including attacks". */
const LIST_GLUE = new Set(['and', 'or', 'nor', ',', 'including', 'such', 'as', 'well', 'other', 'all', 'any', 'further', 'its', 'their', 'his', 'her', 'the', 'of', 'acts', 'forms', 'kinds']);
const LIST_JOINERS = new Set(['and', 'or', 'nor', ',', 'including']);

function joinedByList(tokens: readonly Token[], previousLast: number, first: number): boolean {
  if (first - previousLast < 2 || first - previousLast > 5) return false;
  let joiner = false;
  for (let k = previousLast + 1; k < first; k++) {
    const t = tokens[k]!;
    if (LIST_JOINERS.has(t.normal)) joiner = true;
    else if (!LIST_GLUE.has(t.normal) && t.pos !== 'ADJ') return false;
  }
  return joiner;
}

/** The governing context of the first member of a list, carried to a later member that has none of its own. */
function inheritScope(own: ContextReading, governing: ContextReading): ContextReading {
  if (own.negated || own.reversal !== null) return own;
  if (!governing.negated && governing.reversal === null && !governing.demanded) return own;
  return {
    ...own,
    negated: governing.negated,
    reversal: governing.reversal,
    demanded: own.demanded || governing.demanded,
    modality: own.modality === 'asserted' ? governing.modality : own.modality,
    rule: `${governing.rule}+list`,
  };
}

/** Words of demand (CAMEO 10), as against appeal (02): what follows is required of the actor they name. */
const DEMAND_WORDS = new Set(['demand', 'demanded', 'demands', 'demanding', 'insist', 'insisted', 'insists', 'press', 'pressed', 'presses', 'must', 'ultimatum']);
/** Where the subject of a "must" stops, reading back: "that the Sudanese government and the rebels must". */
const SUBJECT_EDGE = new Set([';', ':', ',', '.', 'that', 'said', 'says', 'but', 'while', 'if', 'because']);

/**
 * The named actor a demand governing token `cueFirst` is made of: the first name after "demand(ed)",
 * "insist(ed)", "press(ed)" or "called on", or the subject just before "must" ("Russia must withdraw").
 * Null for appeals and for demands of no one in particular ("all parties must").
 */
function demandAddressee(tokens: readonly Token[], from: number, cueFirst: number, mentions: readonly ActorMention[]): Actor | null {
  for (let k = cueFirst - 1; k >= from && k >= cueFirst - 12; k--) {
    const normal = tokens[k]!.normal;
    if (normal === ';' || normal === '.') return null;
    const callOn = (normal === 'call' || normal === 'called' || normal === 'calls' || normal === 'calling') && (tokens[k + 1]?.normal === 'on' || tokens[k + 1]?.normal === 'upon');
    if (!callOn && !DEMAND_WORDS.has(normal)) continue;
    if (normal === 'must') {
      // The subject: the first name of the clause before "must".
      let start = k;
      while (start > from && k - start < 10 && !SUBJECT_EDGE.has(tokens[start - 1]!.normal)) start--;
      const subject = mentions.find((m) => m.first >= start && m.last < k);
      return subject?.actor ?? null;
    }
    const asked = mentions.find((m) => m.first > k && m.last < cueFirst);
    return asked?.actor ?? null;
  }
  return null;
}

/** Words that ask another actor to act; the first name after one is the actor asked. */
const ADDRESSING = new Set(['urge', 'call', 'ask', 'demand', 'appeal', 'press', 'encourage', 'implore', 'request', 'invite', 'tell', 'require']);

function addresseeOf(tokens: readonly Token[], from: number, cueFirst: number, mentions: readonly ActorMention[]): Actor | null {
  for (let k = cueFirst - 1; k >= from && k >= cueFirst - 10; k--) {
    const lemma = typeof tokens[k]!.lemma === 'string' ? tokens[k]!.lemma.toLowerCase() : tokens[k]!.normal;
    if (!ADDRESSING.has(lemma)) continue;
    const asked = mentions.find((m) => m.first > k && m.last < cueFirst);
    return asked?.actor ?? null;
  }
  return null;
}

/** What changed a cue's share of the sentence score, as ids (see TensionCue.factors). */
function cueFactors(context: ContextReading, unattributed: boolean, secondary: boolean, config: Readonly<TensionConfig>, demandedOfActor = false): string[] {
  const factors: string[] = [];
  if (context.negated) factors.push(context.rule.startsWith('negated-by-denial') ? 'denied' : 'negated');
  if (context.reversal === 'rejecting') factors.push('rejected');
  if (context.reversal === 'easing') factors.push('eased');
  if (context.background) factors.push('background');
  if (unattributed) factors.push('unattributed');
  if (secondary) factors.push('secondary');
  if (context.demanded) factors.push('demanded');
  if (demandedOfActor) factors.push('demanded-of-actor');
  if (context.modality !== 'asserted' && config.modalityWeights[context.modality] !== 1) factors.push(context.modality);
  return factors;
}

/** Nouns that make a conflict word the name of a field or a setting: "conflict prevention", "crisis management". */
const TOPIC_HEADS = new Set(['prevention', 'resolution', 'management', 'setting', 'settings', 'situation', 'situations', 'zone', 'zones', 'area', 'areas', 'affected', 'related', 'sensitive', 'survivor', 'survivors', 'reduction', 'studies', 'research', 'analysis', 'response', 'reporting', 'journalist', 'journalists', 'correspondent', 'correspondents', 'film', 'movie', 'novel', 'memorial', 'museum', 'veteran', 'veterans', 'games']);
/** Crimes and ills that states fight together. */
const SOCIAL_ILLS = new Set(['trafficking', 'traffickers', 'terrorism', 'terrorist', 'terrorists', 'crime', 'crimes', 'corruption', 'smuggling', 'smugglers', 'poverty', 'disease', 'diseases', 'pandemic', 'narcotics', 'drugs', 'piracy', 'extremism', 'money-laundering', 'laundering', 'fraud', 'cybercrime', 'hunger', 'malaria', 'climate']);
/** Modifiers that make violence a social issue rather than an act between political actors. */
const TOPIC_MODIFIERS = new Set(['post', 'sexual', 'domestic', 'gender', 'based', 'gender-based', 'intimate', 'partner', 'gang', 'gun', 'school']);

/**
 * A conflict noun used as the topic of a phrase is not an act: "conflict prevention and resolution",
 * "post-conflict stabilization", "gender-based violence", "war correspondent".
 */
function isTopicWord(tokens: readonly Token[], from: number, to: number, cueTokens: readonly number[], side: 'conflict' | 'cooperation'): boolean {
  if (side !== 'conflict') return false;
  const last = cueTokens[cueTokens.length - 1]!;
  // A fight against a social ill is a shared task, not an act against an actor: "combating drug
  // trafficking", "the fight against terrorism", "war on corruption".
  for (let j = last + 1; j < to && j <= last + 4; j++) {
    const w = tokens[j]!.normal;
    if (SOCIAL_ILLS.has(w) || SOCIAL_ILLS.has(String(tokens[j]!.lemma).toLowerCase())) return true;
    if (!['against', 'on', 'the', 'of', 'illegal', 'illicit', 'drug', 'organized', 'organised', 'international', 'transnational', 'cross-border', 'and'].includes(w)) break;
  }
  if (cueTokens.length !== 1) return false;
  const i = cueTokens[0]!;
  const t = tokens[i]!;
  if (t.pos === 'VERB') return false;
  const next = i + 1 < to ? tokens[i + 1]! : null;
  if (next && TOPIC_HEADS.has(next.normal)) return true;
  if (next && next.normal === '-' && i + 2 < to && TOPIC_HEADS.has(tokens[i + 2]!.normal)) return true;
  // A modifier shared by a list: "war and conflict situations", "conflict and post-conflict settings".
  if (next && (next.normal === 'and' || next.normal === 'or')) {
    for (let j = i + 2; j < to && j <= i + 5; j++) {
      const w = tokens[j]!;
      if (TOPIC_HEADS.has(w.normal)) return j > i + 2;
      if (w.normal !== '-' && w.normal !== 'post' && w.pos !== 'NOUN' && w.pos !== 'ADJ') break;
    }
  }
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

/**
 * Cues and events with both a source and a target, grouped by (source, target) in order of first
 * appearance. Events count by quad only when they happened as told (asserted or reported): a negated,
 * demanded, planned or conditional act is not an act between the two yet.
 */
function dyadTable(sentences: readonly Sentence[]): Dyad[] {
  interface Group { source: Actor; target: Actor; weights: number[]; goldstein: number[]; quads: Record<Exclude<Quad, 'none'>, number> }
  const groups = new Map<string, Group>();
  const groupOf = (source: Actor, target: Actor): Group => {
    const key = `${actorKey(source)}\u0000${actorKey(target)}`;
    let group = groups.get(key);
    if (!group) {
      group = { source, target, weights: [], goldstein: [], quads: { verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 } };
      groups.set(key, group);
    }
    return group;
  };
  for (const s of sentences) {
    for (const cue of s.tension?.cues ?? []) if (cue.source && cue.target) groupOf(cue.source, cue.target).weights.push(cue.weight);
    for (const event of s.tension?.events ?? []) {
      if (!event.source || !event.target || (event.modality !== 'asserted' && event.modality !== 'reported')) continue;
      const group = groupOf(event.source, event.target);
      group.goldstein.push(event.goldstein);
      if (event.quad !== 'none') group.quads[event.quad]++;
    }
  }
  return [...groups.values()].map((g) => ({
    source: g.source.text,
    sourceCode: g.source.countryCode,
    target: g.target.text,
    targetCode: g.target.countryCode,
    cues: g.weights.length,
    meanWeight: g.weights.length === 0 ? 0 : round(g.weights.reduce((a, b) => a + b, 0) / g.weights.length, 3),
    events: g.goldstein.length,
    quadCounts: g.quads,
    meanGoldstein: g.goldstein.length === 0 ? null : round(g.goldstein.reduce((a, b) => a + b, 0) / g.goldstein.length, 3),
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
