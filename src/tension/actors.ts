import type { Actor, ArticleDoc, EntityMention, EntitySummary, Token } from '../document/types.js';
import { resolveCountry } from '../entities/countries.js';
import { institutionCountry } from '../entities/leaders.js';
import { ROLE_WORDS } from '../entities/person-countries.js';

/** An entity mention placed on the token grid of its sentence. */
export interface ActorMention {
  readonly actor: Actor;
  /** First and last token index (inclusive) of the mention. */
  readonly first: number;
  readonly last: number;
  /**
   * A city, region or landmark rather than a country, organization or person: after "in", "at", "into"
   * it says where an act happened, not at whom ("refused to meet the king in Tel Aviv"). As a subject it
   * still acts, by metonymy ("Beijing said").
   */
  readonly place: boolean;
}

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP', 'LOC']);
/** Prepositions that introduce the target of an act: "against X", "on X", "with X". */
const TARGET_PREPOSITIONS = new Set(['against', 'on', 'upon', 'with', 'to', 'toward', 'towards', 'over', 'at', 'into', 'of', 'for', 'from', 'in']);
const CLAUSE_STOP = new Set([';', '.', '!', '?', ':', '"', '“', '”']);
/** Statement verbs whose complement clause may start without "that": "said Russia attacked". */
const STATEMENT_LEMMAS: ReadonlySet<string> = new Set(['say', 'claim', 'announce', 'declare', 'insist', 'argue', 'believe', 'think', 'add', 'report', 'conclude', 'state', 'reiterate', 'allege', 'warn', 'confirm', 'deny', 'acknowledge', 'stress']);
/** Tokens that may stand between a subject's preceding word and the subject: "the former President". */
const SUBJECT_FILLERS = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PUNCT']);

/**
 * The actors of one sentence, from the entity layer when there is one. Without it (the entity stage off,
 * or gold sentences scored alone) countries are still found by name, demonym or capital, so dyads by
 * country survive.
 */
export function sentenceActors(doc: ArticleDoc, from: number, to: number, summaries: ReadonlyMap<string, EntitySummary>, sentenceEntities?: readonly EntityMention[]): ActorMention[] {
  const tokens = doc.tokens;
  const start = tokens[from]?.start ?? 0;
  const end = tokens[to - 1]?.end ?? 0;
  if (doc.entities) {
    const out: ActorMention[] = [];
    for (const m of sentenceEntities ?? doc.entities) {
      if (m.end <= start || m.start >= end) continue;
      // A seat of government acts for its country ("the Kremlin said"); other buildings do not act.
      const institution = m.type === 'FAC' || m.type === 'ORG' ? institutionCountry(summaries.get(m.entityId)?.canonical ?? m.text) !== null : false;
      if (!ACTOR_TYPES.has(m.type) && !institution) continue;
      // "US$50 million", "US $50 million": a currency, not the country acting.
      if (CURRENCY_AFTER.test(doc.text.slice(m.end, m.end + 2))) continue;
      const span = tokenSpan(tokens, from, to, m);
      if (span) out.push({ actor: actorOf(m, summaries), first: span.first, last: span.last, place: !institution && isPlace(m) });
    }
    return out;
  }
  return countryMentions(doc.text, tokens, from, to);
}

const CURRENCY_AFTER = /^ ?\$/u;

/** LOC and FAC mentions, and GPE mentions that do not name a country (cities, capitals, provinces). */
function isPlace(m: EntityMention): boolean {
  if (m.type === 'LOC' || m.type === 'FAC') return true;
  if (m.type !== 'GPE') return false;
  const via = resolveCountry(m.text)?.via;
  return via !== 'name' && via !== 'alias';
}

/** The entity's country: set by the entity stage from the text, its names and the office-holders table. */
function actorOf(m: EntityMention, summaries: ReadonlyMap<string, EntitySummary>): Actor {
  const summary = summaries.get(m.entityId);
  return { entityId: m.entityId, text: summary?.canonical ?? m.text, countryCode: summary?.countryCode ?? resolveCountry(m.text)?.code ?? null };
}

function tokenSpan(tokens: readonly Token[], from: number, to: number, m: { start: number; end: number }): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.end <= m.start || t.start >= m.end) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : { first, last };
}

/** Capitalized token runs (up to 4 tokens) that resolve to a country. */
function countryMentions(text: string, tokens: readonly Token[], from: number, to: number): ActorMention[] {
  const out: ActorMention[] = [];
  for (let i = from; i < to; i++) {
    if (!/^\p{Lu}/u.test(tokens[i]!.value)) continue;
    let matched: ActorMention | null = null;
    for (let j = Math.min(to - 1, i + 3); j >= i; j--) {
      const surface = text.slice(tokens[i]!.start, tokens[j]!.end);
      const country = resolveCountry(surface);
      if (country) {
        matched = { actor: { entityId: `country:${country.code}`, text: country.name, countryCode: country.code }, first: i, last: j, place: country.via === 'capital' };
        break;
      }
    }
    if (matched) {
      out.push(matched);
      i = matched.last;
    }
  }
  return out;
}

export interface CueActors {
  readonly source: Actor | null;
  readonly target: Actor | null;
  readonly rule: string;
}

/** What the actor rules may read beyond the sentence's own mentions. */
export interface ActorContext {
  /**
   * The actors of the previous sentence of the paragraph: a pronoun or "the country" as subject with no
   * antecedent in its own sentence refers to its source ("It has threatened ..."), "the two leaders" to
   * both.
   */
  readonly previous?: { readonly source: Actor | null; readonly target: Actor | null } | null;
  /**
   * Whether "V that Y ..." makes Y the target: for acts aimed at the subject of their clause ("demanded
   * that Hamas renounce", "accused that ..."), not for statements ("said that Y ...": Y acts).
   */
  readonly thatClauseTarget?: boolean;
}

/**
 * Source and target of a cue at tokens [cueFirst, cueLast] of the sentence [from, to), PETRARCH-style but
 * without a parser: "between X and Y" names both; a passive makes its subject the target and "by X" the
 * source; a pronoun subject takes its antecedent; otherwise the subject-like mention before the cue is
 * the source and the first mention after it (directly, after an infinitive "to V", or after "against",
 * "on", "with"...) is the target, unless it only says where the act happened ("in Tel Aviv").
 */
export function cueActors(tokens: readonly Token[], from: number, to: number, cueFirst: number, cueLast: number, mentions: readonly ActorMention[], window: number, context: ActorContext = {}): CueActors {
  const anaphor = anaphoricSubject(tokens, from, cueFirst);
  const pronoun = anaphor?.index ?? null;
  const previous = context.previous ?? null;
  // "The two leaders signed ...": both actors of the previous sentence, each the other's partner (unless
  // the cue names its own partner: "the two governments pledged cooperation with Washington").
  const pair = anaphor?.pair && previous?.source && previous.target && !mentions.some((m) => m.last < anaphor.index) ? { source: previous.source, target: previous.target } : null;
  if (pair && !mentions.some((m) => m.first > cueLast && m.first - cueLast <= window && !crossesStop(tokens, cueLast, m.first))) return { ...pair, rule: 'actors-pair-previous' };
  if (mentions.length === 0) return pronoun !== null && previous?.source ? { source: previous.source, target: null, rule: 'actors-pronoun-previous' } : { source: null, target: null, rule: 'no-actors' };
  const between = betweenPair(tokens, cueFirst, cueLast, mentions, window);
  if (between) return { ...between, rule: 'actors-between' };

  const after = mentions.filter((m) => m.first > cueLast && m.first - cueLast <= window && !crossesStop(tokens, cueLast, m.first));
  const before = mentions.filter((m) => m.last < cueFirst && !crossesStop(tokens, m.last, cueFirst));

  // Passive: "was attacked by X" makes X the source and the subject the target; without "by X" the
  // subject is still the one acted on ("Montenegro's prime minister has been indicted").
  const byAgent = after.find((m) => agentIntroducedByBy(tokens, cueLast, m.first));
  if (isPassive(tokens, from, cueFirst)) {
    const subject = subjectBefore(tokens, from, cueFirst, before);
    return { source: byAgent?.actor ?? null, target: subject?.actor ?? null, rule: byAgent ? 'actors-passive-by' : 'actors-passive' };
  }
  // A participle after its noun is a reduced relative clause: "a lunch hosted by the ambassador",
  // "crimes committed by Croat forces": the agent acts; the subject before it is not the actor.
  if (byAgent && isReducedRelative(tokens, from, cueFirst, cueLast)) {
    const head = before.find((m) => m.last === cueFirst - 1);
    return { source: byAgent.actor, target: head?.actor ?? null, rule: 'actors-reduced-relative' };
  }

  // A noun cue with its actor as modifier or possessor: "the U.S. military operation", "Russia's invasion".
  const nominal = tokens[cueFirst]!.pos !== 'VERB';
  const modifier = nominal ? before.find((m) => m.last === cueFirst - 1 || (m.last === cueFirst - 2 && (tokens[cueFirst - 1]!.normal === "'s" || tokens[cueFirst - 1]!.pos === 'ADJ'))) : undefined;
  // A pronoun subject ("Uganda said it had paid", "the rebels said they will release") stands for the
  // subject before it, or for the previous sentence's actor; a mention before the pronoun is not the subject.
  const antecedent = pair?.source ?? (pronoun !== null && !modifier ? subjectBefore(tokens, from, pronoun, before.filter((m) => m.last < pronoun))?.actor ?? previous?.source ?? null : null);
  const subject = modifier ?? (pronoun !== null ? null : gerundController(tokens, from, cueFirst, before) ?? subjectBefore(tokens, from, cueFirst, before));
  const sourceActor = modifier?.actor ?? antecedent ?? subject?.actor ?? null;

  // The object of an infinitive complement is the cue's target: "refused to meet X", "threatened to ban X".
  let objectFrom = cueLast;
  // (The tagger reads some names after "to" as verbs: "opposed to French/VERB mediation".)
  while (tokens[objectFrom + 1]?.normal === 'to' && tokens[objectFrom + 2]?.pos === 'VERB' && objectFrom + 2 < to && !after.some((m) => m.first === objectFrom + 2)) objectFrom += 2;
  let target: ActorMention | null = null;
  for (const m of after) {
    if (m.first <= objectFrom) continue;
    if (sourceActor && sameActor(m.actor, sourceActor)) continue;
    const preposition = prepositionBefore(tokens, objectFrom, m.first);
    // A place stands for its country as the target ("shelled villages near Jaffna"), but a place in the
    // source's own country only says where the act happened ("Israeli police detained him in Jerusalem").
    if (m.place && preposition !== null && LOCATIVE_PREPOSITIONS.has(preposition) && m.actor.countryCode !== null && m.actor.countryCode === sourceActor?.countryCode) continue;
    // "demanded that Hamas renounce ...": the subject of the clause is the target, or no one named.
    const that = context.thatClauseTarget === true ? complementizerAfter(tokens, objectFrom, to) : -1;
    if (that >= 0) {
      if (m.first > that && nounPhraseBetween(tokens, that, m.first)) target = m;
      break;
    }
    if (m.first - objectFrom > 1 && preposition === null) {
      // A mention further away counts only when nothing but a noun phrase stands between it and the cue.
      if (!nounPhraseBetween(tokens, objectFrom, m.first)) continue;
    }
    target = m;
    break;
  }
  // Coordinated subjects act on each other: "Iran and Saudi Arabia agreed to restore relations",
  // "French and Egyptian warships held exercises".
  if (subject && !target) {
    const partner = before.find((m) => m.last < subject.first && subject.first - m.last <= 3 && tokens.slice(m.last + 1, subject.first).some((t) => t.normal === 'and'));
    if (partner && !sameActor(partner.actor, subject.actor)) return { source: partner.actor, target: subject.actor, rule: 'actors-coordinated' };
  }
  const rule = antecedent ? 'actors-pronoun' : sourceActor ? (target ? 'actors-subject-object' : 'actors-subject') : target ? 'actors-object' : 'actors-none';
  return { source: sourceActor, target: target?.actor ?? null, rule };
}

/** Where the subject of a "must" clause starts, reading back: "said that the Sudanese government and the rebels must". */
const CLAUSE_EDGE = new Set([';', ':', ',', '.', 'that', 'but', 'while', 'if', 'because']);
/** Verbs that report or make a demand: "said that Sudan must", "reiterated that Libya must", "told Iraq that it must". */
const REPORTING_LEMMAS = new Set([...STATEMENT_LEMMAS, 'demand', 'insist', 'tell', 'remind', 'urge', 'warn', 'announce', 'conclude', 'agree', 'decide', 'rule']);

/** Nouns that report a demand as well as the verbs do: "issued a stern reminder to Iraq that it must". */
const REPORTING_NOUNS = new Set(['reminder', 'demand', 'demands', 'warning', 'statement', 'message', 'insistence', 'ultimatum']);

function reports(t: Token): boolean {
  return (t.pos === 'VERB' && REPORTING_LEMMAS.has(t.lemma.toLowerCase())) || (t.pos === 'NOUN' && REPORTING_NOUNS.has(t.normal));
}

/**
 * A demand reported in a complement clause: "X said (that) Y must ...", "X told Y that it must ...".
 * The speaker makes a demand of Y (CAMEO 10), whatever Y is asked to do, so the sentence's actors are X
 * and Y. Null when the sentence has no such clause, or the speaker or the addressee is not named.
 */
export function reportedDemand(tokens: readonly Token[], from: number, to: number, mentions: readonly ActorMention[]): { source: Actor; target: Actor } | null {
  for (let k = from + 1; k < to; k++) {
    if (tokens[k]!.normal !== 'must') continue;
    let start = k;
    while (start > from && k - start < 12 && !CLAUSE_EDGE.has(tokens[start - 1]!.normal) && !(tokens[start - 1]!.pos === 'VERB' && REPORTING_LEMMAS.has(tokens[start - 1]!.lemma.toLowerCase()))) start--;
    if (start <= from) continue;
    // The reporting verb: right before the clause, or before its "that".
    let verb = start - 1;
    if (tokens[verb]!.normal === 'that') verb--;
    const pronounClause = SUBJECT_PRONOUNS.has(tokens[start]!.normal) && start === k - 1;
    // "told Iraq that it must": the addressee named before "that" is the one the demand is made of.
    const addressee = pronounClause ? mentions.find((m) => m.last === verb || (m.last < verb + 1 && m.last >= verb - 1)) : undefined;
    while (verb >= from && verb >= start - 8 && !reports(tokens[verb]!)) verb--;
    if (verb < from || !reports(tokens[verb]!)) continue;
    const subject = pronounClause ? addressee : mentions.find((m) => m.first >= start && m.last < k);
    const speaker = subjectBefore(tokens, from, verb, mentions.filter((m) => m.last < verb && !crossesStop(tokens, m.last, verb)));
    if (subject && speaker && !sameActor(subject.actor, speaker.actor)) return { source: speaker.actor, target: subject.actor };
  }
  return null;
}

/** Time words that may stand between a cue and its "that": "its demand today that", "demanded on Monday that". */
const TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'on', 'last', 'this', 'week', 'month', 'year', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'again', 'also']);

/** The index of the "that" opening the cue's complement clause (after time words at most), or -1. */
function complementizerAfter(tokens: readonly Token[], cueLast: number, to: number): number {
  for (let k = cueLast + 1; k < to && k <= cueLast + 4; k++) {
    const t = tokens[k]!;
    if (t.normal === 'that') return k;
    if (!TIME_WORDS.has(t.normal) && t.pos !== 'ADV') return -1;
  }
  return -1;
}

/** Prepositions after which a place is where an act happened, not whom it was aimed at. */
const LOCATIVE_PREPOSITIONS = new Set(['in', 'at', 'into', 'inside', 'near', 'across', 'throughout', 'outside', 'from', 'during', 'around', 'within', 'of', 'to', 'through', 'via', 'off']);
/** Subject pronouns that stand for an actor named before. */
const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she']);

/** Nouns that, after "the", stand for the country or government named before: "the country", "the regime". */
const ANAPHOR_HEADS = new Set(['country', 'government', 'nation', 'kingdom', 'republic', 'regime', 'administration', 'state', 'emirate', 'island']);
/** Plural heads of "the two leaders", "both sides": the two actors named before. */
const PAIR_HEADS = new Set(['leaders', 'countries', 'sides', 'nations', 'governments', 'neighbours', 'neighbors', 'states', 'presidents', 'ministers', 'parties', 'capitals', 'rivals', 'allies']);

/**
 * The subject just before the cue when it refers back: a pronoun ("it had paid", "they will not
 * release"), "the country" (one actor) or "the two leaders", "both sides" (a pair). Null otherwise.
 */
function anaphoricSubject(tokens: readonly Token[], from: number, cueFirst: number): { index: number; pair: boolean } | null {
  for (let k = cueFirst - 1; k >= from && k >= cueFirst - 4; k--) {
    const t = tokens[k]!;
    if (SUBJECT_PRONOUNS.has(t.normal)) {
      // "it" as an object ("condemned it") or after a preposition is no subject.
      const before = tokens[k - 1];
      if (before && (before.pos === 'VERB' || before.pos === 'ADP') && !STATEMENT_LEMMAS.has(before.lemma.toLowerCase())) return null;
      return { index: k, pair: false };
    }
    if (t.pos === 'NOUN') {
      const one = tokens[k - 1]?.normal;
      if (ANAPHOR_HEADS.has(t.normal) && one === 'the' && isClauseStart(tokens, from, k - 2)) return { index: k - 1, pair: false };
      if (PAIR_HEADS.has(t.normal) && ((one === 'two' && tokens[k - 2]?.normal === 'the' && isClauseStart(tokens, from, k - 3)) || (one === 'both' && isClauseStart(tokens, from, k - 2)))) return { index: one === 'two' ? k - 2 : k - 1, pair: true };
      return null;
    }
    if (t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART' && t.normal !== 'not') return null;
  }
  return null;
}

/** Whether index k (the token before a noun phrase) starts a clause: the sentence start, punctuation, "and", "but", "that". */
function isClauseStart(tokens: readonly Token[], from: number, k: number): boolean {
  if (k < from) return true;
  const t = tokens[k]!;
  return t.pos === 'PUNCT' || t.normal === 'and' || t.normal === 'but' || t.normal === 'that' || t.pos === 'SCONJ';
}

/**
 * The object that controls a "for V-ing" clause holding the cue: "praised Ethiopia and Kenya on Friday for
 * signing an agreement" (Ethiopia and Kenya signed), "condemned Russia for attacking ..." (Russia
 * attacked). The last mention before "for", over time words; null when there is no such clause.
 */
function gerundController(tokens: readonly Token[], from: number, cueFirst: number, before: readonly ActorMention[]): ActorMention | null {
  // The cue is the gerund, or in the noun phrase right after it ("signing a water-sharing agreement").
  let g = cueFirst;
  while (g > from && g > cueFirst - 6 && !(tokens[g - 1]!.normal === 'for' && tokens[g]!.pos === 'VERB' && /ing$/u.test(tokens[g]!.normal))) g--;
  if (tokens[g - 1]?.normal !== 'for' || !/ing$/u.test(tokens[g]!.normal) || tokens[g]!.pos !== 'VERB') return null;
  for (let i = g + 1; i < cueFirst; i++) {
    const t = tokens[i]!;
    const inCompound = t.normal === '-' || tokens[i - 1]!.normal === '-';
    if (!inCompound && t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'NUM') return null;
  }
  let k = g - 2;
  while (k >= from && k > g - 6 && (TIME_WORDS.has(tokens[k]!.normal) || tokens[k]!.pos === 'NUM')) k--;
  const object = before.find((m) => m.last === k);
  if (!object) return null;
  // Only an object: the mention's noun phrase is governed by the main verb.
  const governor = skipModifiers(tokens, from, object.first - 1);
  const verbGoverned = governor >= from && (tokens[governor]!.pos === 'VERB' || (CONJUNCTIONS.has(tokens[governor]!.normal) && nounPhraseGoverned(tokens, from, governor - 1)));
  return verbGoverned ? object : null;
}

/** "by X", "by the X", "by current Haitian government officials": up to three modifiers between. */
function agentIntroducedByBy(tokens: readonly Token[], cueLast: number, first: number): boolean {
  for (let k = first - 1; k > cueLast && k >= first - 4; k--) {
    const t = tokens[k]!;
    if (t.normal === 'by') return true;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NUM') return false;
  }
  return false;
}

/** The preposition that introduces the mention at `first` (over determiners, adjectives, names and "'s"), or null. */
function prepositionBefore(tokens: readonly Token[], cueLast: number, first: number): string | null {
  for (let i = first - 1; i > cueLast; i--) {
    const t = tokens[i]!;
    if (TARGET_PREPOSITIONS.has(t.normal) || LOCATIVE_PREPOSITIONS.has(t.normal)) return t.normal;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PROPN' && t.normal !== "'s") return null;
  }
  return null;
}

function sameActor(a: Actor, b: Actor): boolean {
  return (a.entityId !== null && a.entityId === b.entityId) || (a.countryCode !== null && a.countryCode === b.countryCode && a.text === b.text);
}

/**
 * Clause stops counted from the start of the token array, built once per token array: "is there a stop
 * between a and b" is then two lookups, not a walk over the tokens between, which made every cue x
 * mention pair cost the length of the sentence.
 */
const stopCounts = new WeakMap<readonly Token[], Int32Array>();

function crossesStop(tokens: readonly Token[], a: number, b: number): boolean {
  if (b - a <= 8) {
    for (let i = a + 1; i < b; i++) if (CLAUSE_STOP.has(tokens[i]!.normal)) return true;
    return false;
  }
  let counts = stopCounts.get(tokens);
  if (!counts) {
    counts = new Int32Array(tokens.length + 1);
    for (let i = 0; i < tokens.length; i++) counts[i + 1] = counts[i]! + (CLAUSE_STOP.has(tokens[i]!.normal) ? 1 : 0);
    stopCounts.set(tokens, counts);
  }
  // Stops at indexes a+1 .. b-1.
  return counts[b]! - counts[a + 1]! > 0;
}

/** Only determiners, adjectives, nouns and prepositions between the cue and the mention. */
function nounPhraseBetween(tokens: readonly Token[], cueLast: number, first: number): boolean {
  for (let i = cueLast + 1; i < first; i++) {
    const pos = tokens[i]!.pos;
    if (pos !== 'DET' && pos !== 'ADJ' && pos !== 'NOUN' && pos !== 'ADP' && pos !== 'PROPN' && pos !== 'NUM' && tokens[i]!.normal !== "'s") return false;
  }
  return true;
}

const CONJUNCTIONS = new Set(['and', 'or', 'nor']);

/**
 * The mention that heads the clause of the cue: not governed by a preposition or a verb. "Trump had
 * criticized Petro's government and threatened ..." gives Trump for "threatened", not Petro. A conjunct
 * shares the governor of the first conjunct ("against Serb civilians and Montenegrin prisoners"); the
 * complement of "a group of", "the government of" heads the clause ("A group of Moroccan diplomats
 * held ..."); an apposition is not the subject ("Pakistan, a key U.S. ally, refused ...").
 */
function subjectBefore(tokens: readonly Token[], from: number, cueFirst: number, before: readonly ActorMention[]): ActorMention | null {
  let best: ActorMention | null = null;
  let previous: { m: ActorMention; governed: boolean } | null = null;
  for (const m of before) {
    if (m.last >= cueFirst) break;
    const k = skipModifiers(tokens, from, m.first - 1);
    const governor = k >= from ? tokens[k]! : null;
    let governed: boolean;
    let apposition = false;
    if (governor !== null && CONJUNCTIONS.has(governor.normal)) {
      governed = previous !== null && previous.m.last < k && previous.m.last >= k - 3 ? previous.governed : nounPhraseGoverned(tokens, from, k - 1);
    } else {
      governed = governor !== null && isGoverning(governor) && !headsSubject(tokens, from, k);
      // "Pakistan, a key U.S. ally": a noun phrase after a name and a comma that opens with a modifier or ends in "'s".
      apposition = governor?.normal === ',' && previous !== null && previous.m.last === k - 1 && (m.first > k + 1 || tokens[m.last + 1]?.normal === "'s");
    }
    if (!governed && !apposition) best = m;
    previous = { m, governed: governed || apposition };
  }
  return best;
}

/** Group nouns whose "in X", "from X" names where the group is from: "Rebels in the Ivory Coast", "students throughout Indonesia". */
const GROUP_HEADS = new Set(['rebels', 'demonstrators', 'protesters', 'protestors', 'students', 'officials', 'people', 'forces', 'troops', 'authorities', 'workers', 'residents', 'leaders', 'militants', 'police', 'soldiers', 'activists', 'farmers', 'doctors', 'groups', 'fighters', 'insurgents', 'lawmakers', 'diplomats', 'villagers', 'citizens', 'opposition', 'government', 'refugees', 'youths', 'crowds', 'thousands', 'hundreds']);
const ORIGIN_PREPOSITIONS = new Set(['in', 'from', 'throughout', 'across']);

/**
 * Whether the preposition at index k only links its noun to the clause's subject noun phrase, so that
 * the mention after it heads the clause: "A group of Moroccan diplomats held ...", "the government of
 * X", "Rebels in the Ivory Coast blocked ...". The noun phrase before it must itself be ungoverned.
 */
function headsSubject(tokens: readonly Token[], from: number, k: number): boolean {
  const preposition = tokens[k]!.normal;
  if (preposition === 'of') return !nounPhraseGoverned(tokens, from, k - 1);
  if (!ORIGIN_PREPOSITIONS.has(preposition) || k - 1 < from || !GROUP_HEADS.has(tokens[k - 1]!.normal)) return false;
  return !nounPhraseGoverned(tokens, from, k - 1);
}

/** Back from index k over determiners, adjectives, numbers, nouns and titles ("the Prophet"): the index of the first other token. */
function skipModifiers(tokens: readonly Token[], from: number, k: number): number {
  while (k >= from && SUBJECT_FILLERS.has(tokens[k]!.pos) && !isBoundaryPunct(tokens[k]!) && (tokens[k]!.pos !== 'PROPN' || ROLE_WORDS.has(tokens[k]!.normal))) k--;
  return k;
}

function isGoverning(t: Token): boolean {
  if (t.normal === 'that') return false;
  if (t.pos === 'ADP') return true;
  return t.pos === 'VERB' && !STATEMENT_LEMMAS.has(t.lemma.toLowerCase());
}

/** Whether the noun phrase ending at index k is itself governed by a preposition or a verb. */
function nounPhraseGoverned(tokens: readonly Token[], from: number, k: number): boolean {
  let i = k;
  while (i >= from && (SUBJECT_FILLERS.has(tokens[i]!.pos) || tokens[i]!.normal === "'s") && !isBoundaryPunct(tokens[i]!)) i--;
  return i >= from && isGoverning(tokens[i]!);
}

function isBoundaryPunct(t: Token): boolean {
  return t.pos === 'PUNCT' && t.normal !== '-' && t.normal !== "'s";
}

function isPassive(tokens: readonly Token[], from: number, cueFirst: number): boolean {
  // "is threatening" is progressive, and a noun cue ("was a threat") has no voice.
  const cue = tokens[cueFirst]!;
  if (cue.pos !== 'VERB' || /ing$/u.test(cue.normal) || STATIVE_PARTICIPLES.has(cue.normal)) return false;
  for (let k = 1; k <= 3 && cueFirst - k >= from; k++) {
    const t = tokens[cueFirst - k]!;
    if (typeof t.lemma === 'string' && (t.lemma === 'be' || t.lemma === 'get')) return true;
    if (t.pos !== 'ADV' && t.pos !== 'AUX') break;
  }
  return false;
}

function verbBetween(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (tokens[i]!.pos === 'VERB') return true;
  return false;
}

/**
 * A participle right after a noun and right before "by", with no auxiliary: "a lunch hosted by",
 * "crimes committed by". ("The parliament approved a law ... by" is a main verb: its "by" is not next to it.)
 */
function isReducedRelative(tokens: readonly Token[], from: number, cueFirst: number, cueLast: number): boolean {
  const cue = tokens[cueFirst]!;
  if (cue.pos !== 'VERB' || !/(ed|en|wn|ne)$/u.test(cue.normal)) return false;
  const next = tokens[cueLast + 1]?.pos === 'ADV' ? tokens[cueLast + 2] : tokens[cueLast + 1];
  if (next?.normal !== 'by') return false;
  const previous = cueFirst > from ? tokens[cueFirst - 1]! : null;
  return previous !== null && (previous.pos === 'NOUN' || previous.pos === 'PROPN');
}

/**
 * Participles that after "be" describe a state, not an act done to the subject: "Israel is opposed to",
 * "Iran is committed to", "Russia is prepared to".
 */
const STATIVE_PARTICIPLES = new Set(['opposed', 'committed', 'determined', 'prepared', 'concerned', 'interested', 'involved', 'engaged', 'dedicated', 'poised', 'set', 'worried', 'alarmed', 'disappointed', 'pleased', 'satisfied', 'united', 'divided', 'allied', 'aligned', 'entitled', 'obliged', 'supposed', 'inclined', 'convinced', 'resolved']);

function betweenPair(tokens: readonly Token[], cueFirst: number, cueLast: number, mentions: readonly ActorMention[], window: number): { source: Actor; target: Actor } | null {
  for (let i = 0; i < mentions.length - 1; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    // "US-Colombia tensions", "Israeli-Palestinian talks": a hyphenated pair right before the cue.
    const hyphenated = b.first === a.last + 2 && (tokens[a.last + 1]!.normal === '-' || tokens[a.last + 1]!.normal === '–') && b.last < cueFirst && cueFirst - b.last <= 2;
    if (hyphenated && !sameActor(a.actor, b.actor)) return { source: a.actor, target: b.actor };
    const beforeA = tokens[a.first - 1]?.normal === 'between' || (tokens[a.first - 2]?.normal === 'between' && tokens[a.first - 1]?.pos === 'DET');
    if (!beforeA) continue;
    const joined = b.first > a.last && b.first - a.last <= 3 && tokens.slice(a.last + 1, b.first).some((t) => t.normal === 'and');
    if (!joined) continue;
    const near = Math.abs(a.first - cueLast) <= window || Math.abs(cueFirst - b.last) <= window;
    // The pair belongs to the cue only within its clause: "a blockade on lorries passing through the
    // crossing between Gaza and Israel" is not a blockade between them.
    // (A pair before the cue is its clause's subject phrase: "talks between X and Y ended without an agreement".)
    const attached = a.first > cueLast ? !verbBetween(tokens, cueLast, a.first) : true;
    if (near && attached && !sameActor(a.actor, b.actor)) return { source: a.actor, target: b.actor };
  }
  return null;
}
