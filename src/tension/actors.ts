import type { Actor, ArticleDoc, EntityMention, EntitySummary, Token } from '../document/types.js';
import { resolveCountry } from '../entities/countries.js';

/** An entity mention placed on the token grid of its sentence. */
export interface ActorMention {
  readonly actor: Actor;
  /** First and last token index (inclusive) of the mention. */
  readonly first: number;
  readonly last: number;
}

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP', 'LOC']);
/** Prepositions that introduce the target of an act: "against X", "on X", "with X". */
const TARGET_PREPOSITIONS = new Set(['against', 'on', 'upon', 'with', 'to', 'toward', 'towards', 'over', 'at', 'into', 'of', 'for', 'from', 'in']);
const CLAUSE_STOP = new Set([';', '.', '!', '?', ':', '"', '“', '”']);
/** Tokens that may stand between a subject's preceding word and the subject: "the former President". */
const SUBJECT_FILLERS = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PUNCT']);

/**
 * The actors of one sentence, from the entity layer when there is one. Without it (the entity stage off,
 * or gold sentences scored alone) countries are still found by name, demonym or capital, so dyads by
 * country survive.
 */
export function sentenceActors(doc: ArticleDoc, from: number, to: number, summaries: ReadonlyMap<string, EntitySummary>, inferred: ReadonlyMap<string, string> = new Map(), sentenceEntities?: readonly EntityMention[]): ActorMention[] {
  const tokens = doc.tokens;
  const start = tokens[from]?.start ?? 0;
  const end = tokens[to - 1]?.end ?? 0;
  if (doc.entities) {
    const out: ActorMention[] = [];
    for (const m of sentenceEntities ?? doc.entities) {
      if (m.end <= start || m.start >= end || !ACTOR_TYPES.has(m.type)) continue;
      const span = tokenSpan(tokens, from, to, m);
      if (span) out.push({ actor: actorOf(m, summaries, inferred), first: span.first, last: span.last });
    }
    return out;
  }
  return countryMentions(doc.text, tokens, from, to);
}

function actorOf(m: EntityMention, summaries: ReadonlyMap<string, EntitySummary>, inferred: ReadonlyMap<string, string>): Actor {
  const summary = summaries.get(m.entityId);
  return { entityId: m.entityId, text: summary?.canonical ?? m.text, countryCode: summary?.countryCode ?? inferred.get(m.entityId) ?? resolveCountry(m.text)?.code ?? null };
}

/** Words that may stand between a nationality and a name: "Colombian President Gustavo Petro". */
const TITLE_WORDS = new Set(['president', 'prime', 'minister', 'foreign', 'defense', 'defence', 'secretary', 'state', 'leader', 'chancellor', 'king', 'queen', 'premier', 'ambassador', 'envoy', 'general', 'gen.', 'former', 'then', 'vice', 'deputy', 'senator', 'sen.', 'governor', 'gov.', 'chief', 'army', 'military', 'commander', 'head', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'diplomat', 'opposition', 'interior', 'finance', 'trade', 'top', 'senior', 'of', 'the', 'mayor', 'representative', 'rep.', 'lawmaker', 'ruler', 'dictator', 'emir', 'sheikh', 'crown', 'prince', 'supreme', 'ayatollah', 'cabinet', 'national', 'security', 'adviser', 'advisor', 'house', 'speaker', 'parliament', 'counterpart']);

/**
 * Country codes for people and organizations the entity layer left without one, from the article itself:
 * a name first introduced with a nationality ("U.S. President Donald Trump", "Colombian President Gustavo
 * Petro") takes that country; an organization named after such a person ("the Trump administration")
 * takes the person's.
 */
export function inferActorCountries(doc: ArticleDoc, summaries: ReadonlyMap<string, EntitySummary>): Map<string, string> {
  const inferred = new Map<string, string>();
  const mentions = doc.entities ?? [];
  const codeOf = (m: EntityMention): string | null => summaries.get(m.entityId)?.countryCode ?? (m.type === 'GPE' || m.type === 'NORP' ? resolveCountry(m.text)?.code ?? null : null);
  for (let i = 1; i < mentions.length; i++) {
    const m = mentions[i]!;
    if ((m.type !== 'PERSON' && m.type !== 'ORG') || summaries.get(m.entityId)?.countryCode || inferred.has(m.entityId)) continue;
    const before = mentions[i - 1]!;
    if (before.type !== 'GPE' && before.type !== 'NORP') continue;
    const between = doc.text.slice(before.end, m.start);
    if (between.length > 60 || /[.;:!?\n]/u.test(between.replace(/\b\p{L}+\./gu, ''))) continue;
    const words = between.toLowerCase().split(/[\s,'’]+/u).filter((w) => w !== '' && w !== 's');
    if (!words.every((w) => TITLE_WORDS.has(w))) continue;
    const code = codeOf(before);
    if (code) inferred.set(m.entityId, code);
  }
  // Organizations named after a person with a country: "Trump administration", "Petro government".
  for (const m of mentions) {
    if (m.type !== 'ORG' || summaries.get(m.entityId)?.countryCode || inferred.has(m.entityId)) continue;
    for (const p of mentions) {
      const code = inferred.get(p.entityId) ?? summaries.get(p.entityId)?.countryCode;
      if (p.type !== 'PERSON' || !code) continue;
      const surname = (summaries.get(p.entityId)?.canonical ?? p.text).split(/\s+/u).pop() ?? '';
      if (surname.length > 2 && m.text.split(/\s+/u).includes(surname)) {
        inferred.set(m.entityId, code);
        break;
      }
    }
  }
  return inferred;
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
        matched = { actor: { entityId: `country:${country.code}`, text: country.name, countryCode: country.code }, first: i, last: j };
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

/**
 * Source and target of a cue at tokens [cueFirst, cueLast] of the sentence [from, to), PETRARCH-style but
 * without a parser: "between X and Y" names both; a passive "by X" names the source; otherwise the
 * subject-like mention before the cue is the source and the first mention after it (directly, or after
 * "against", "on", "with"...) is the target.
 */
export function cueActors(tokens: readonly Token[], from: number, to: number, cueFirst: number, cueLast: number, mentions: readonly ActorMention[], window: number): CueActors {
  if (mentions.length === 0) return { source: null, target: null, rule: 'no-actors' };
  const between = betweenPair(tokens, cueFirst, cueLast, mentions, window);
  if (between) return { ...between, rule: 'actors-between' };

  const after = mentions.filter((m) => m.first > cueLast && m.first - cueLast <= window && !crossesStop(tokens, cueLast, m.first));
  const before = mentions.filter((m) => m.last < cueFirst && !crossesStop(tokens, m.last, cueFirst));

  // Passive: "was attacked by X" makes X the source and the subject the target.
  const byAgent = after.find((m) => tokens[m.first - 1]?.normal === 'by' || (tokens[m.first - 2]?.normal === 'by' && tokens[m.first - 1]?.pos === 'DET'));
  const passive = byAgent !== undefined && isPassive(tokens, from, cueFirst);
  if (passive && byAgent) {
    const subject = subjectBefore(tokens, from, cueFirst, before);
    return { source: byAgent.actor, target: subject?.actor ?? null, rule: 'actors-passive-by' };
  }

  // A noun cue with its actor as modifier or possessor: "the U.S. military operation", "Russia's invasion".
  const nominal = tokens[cueFirst]!.pos !== 'VERB';
  const modifier = nominal ? before.find((m) => m.last === cueFirst - 1 || (m.last === cueFirst - 2 && (tokens[cueFirst - 1]!.normal === "'s" || tokens[cueFirst - 1]!.pos === 'ADJ'))) : undefined;
  const source = modifier ?? subjectBefore(tokens, from, cueFirst, before) ?? null;
  let target: ActorMention | null = null;
  for (const m of after) {
    if (source && sameActor(m.actor, source.actor)) continue;
    if (m.first - cueLast > 1 && !introducedByPreposition(tokens, cueLast, m.first)) {
      // A mention further away counts only when nothing but a noun phrase stands between it and the cue.
      if (!nounPhraseBetween(tokens, cueLast, m.first)) continue;
    }
    target = m;
    break;
  }
  // Coordinated subjects act on each other: "Iran and Saudi Arabia agreed to restore relations".
  if (source && !target) {
    const partner = before.find((m) => m.last < source.first && source.first - m.last <= 3 && tokens.slice(m.last + 1, source.first).some((t) => t.normal === 'and'));
    if (partner && !sameActor(partner.actor, source.actor)) return { source: partner.actor, target: source.actor, rule: 'actors-coordinated' };
  }
  return { source: source?.actor ?? null, target: target?.actor ?? null, rule: source ? (target ? 'actors-subject-object' : 'actors-subject') : target ? 'actors-object' : 'actors-none' };
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

function introducedByPreposition(tokens: readonly Token[], cueLast: number, first: number): boolean {
  for (let i = first - 1; i > cueLast; i--) {
    const t = tokens[i]!;
    if (TARGET_PREPOSITIONS.has(t.normal)) return true;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PROPN' && t.normal !== "'s") return false;
  }
  return false;
}

/** Only determiners, adjectives, nouns and prepositions between the cue and the mention. */
function nounPhraseBetween(tokens: readonly Token[], cueLast: number, first: number): boolean {
  for (let i = cueLast + 1; i < first; i++) {
    const pos = tokens[i]!.pos;
    if (pos !== 'DET' && pos !== 'ADJ' && pos !== 'NOUN' && pos !== 'ADP' && pos !== 'PROPN' && pos !== 'NUM' && tokens[i]!.normal !== "'s") return false;
  }
  return true;
}

/**
 * The mention that heads the clause of the cue: not governed by a preposition or a verb. "Trump had
 * criticized Petro's government and threatened ..." gives Trump for "threatened", not Petro.
 */
function subjectBefore(tokens: readonly Token[], from: number, cueFirst: number, before: readonly ActorMention[]): ActorMention | null {
  let best: ActorMention | null = null;
  for (const m of before) {
    let k = m.first - 1;
    while (k >= from && SUBJECT_FILLERS.has(tokens[k]!.pos) && !isBoundaryPunct(tokens[k]!) && tokens[k]!.pos !== 'PROPN') k--;
    const governor = k >= from ? tokens[k]! : null;
    const governed = governor !== null && (governor.pos === 'ADP' || governor.pos === 'VERB') && governor.normal !== 'that';
    if (!governed) best = m;
  }
  void cueFirst;
  return best;
}

function isBoundaryPunct(t: Token): boolean {
  return t.pos === 'PUNCT' && t.normal !== '-' && t.normal !== "'s";
}

function isPassive(tokens: readonly Token[], from: number, cueFirst: number): boolean {
  for (let k = 1; k <= 3 && cueFirst - k >= from; k++) {
    const t = tokens[cueFirst - k]!;
    if (typeof t.lemma === 'string' && (t.lemma === 'be' || t.lemma === 'get')) return true;
    if (t.pos !== 'ADV' && t.pos !== 'AUX') break;
  }
  return false;
}

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
    if (near && !sameActor(a.actor, b.actor)) return { source: a.actor, target: b.actor };
  }
  return null;
}
