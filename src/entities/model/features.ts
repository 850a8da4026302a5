import type { ArticleDoc } from '../../document/types.js';
import type { Candidate } from '../candidates.js';
import type { Typing } from '../classify.js';
import { resolveCountry } from '../countries.js';
import { getLexicon } from '../lexicon.js';
import { wordCluster } from '../clusters.js';
import { documentCues, isEventName, type ContextCue, type ContextKind } from '../context.js';

/**
 * Features of one candidate for the classifier: the rules' verdict, the words and their shape,
 * what the lexicons say about them, and the words around the candidate.
 */
export function candidateFeatures(doc: ArticleDoc, candidate: Candidate, typing: Typing | null, counts: ReadonlyMap<string, number>, neighbors: Neighbors = NO_NEIGHBORS, context: MentionContext = NO_CONTEXT): string[] {
  const lex = getLexicon();
  const { keys } = candidate;
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  const whole = keys.join(' ');
  const f: string[] = ['bias'];
  f.push(`rule=${typing?.rule ?? 'none'}`, `type=${typing?.type ?? 'none'}`, `type-strength=${typing?.type ?? 'none'}|${typing?.strength ?? ''}`);
  f.push(`n=${Math.min(keys.length, 4)}`, `first=${first}`, `last=${last}`, `suffix3=${last.slice(-3)}`);
  for (const k of keys) f.push(`word=${k}`);
  f.push(`shape=${shapeOf(candidate.text)}`);
  if (lex.firstNames.has(first)) f.push('first-is-first-name');
  if (lex.lastNames.has(last)) f.push('last-is-last-name');
  if (lex.commonWords.has(first)) f.push('first-is-common');
  if (lex.commonWords.has(last)) f.push('last-is-common');
  if (keys.every((k) => lex.commonWords.has(k))) f.push('all-common');
  if (keys.every((k) => !lex.commonWords.has(k))) f.push('none-common');
  if (lex.cities.has(whole) || lex.regions.has(whole) || lex.places.has(whole)) f.push('place-lexicon');
  if (lex.organizations.has(whole)) f.push('org-lexicon');
  if (keys.some((k) => lex.companyWords.has(k))) f.push('company-word');
  if (lex.companyWords.has(first)) f.push('first-is-company-word');
  const city = lex.worldCities.get(whole);
  if (city) f.push('world-city', `world-city-size=${city[1] >= 1_000_000 ? 'xl' : city[1] >= 100_000 ? 'l' : 'm'}`);
  if (keys.length > 1 && lex.worldCities.has(first)) f.push('first-is-city');
  const country = resolveCountry(candidate.text);
  if (country) f.push(`country-via=${country.via}`);
  if (keys.includes('of')) f.push('has-of');
  if (keys.includes('and') || keys.includes('&')) f.push('has-and');
  if (/\d/u.test(candidate.text)) f.push('has-digit');
  if (candidate.title) f.push('has-title');
  if (candidate.inTitleCase) f.push('title-case-line');
  if (candidate.atSentenceStart) f.push('sentence-start');
  const seen = counts.get(whole) ?? 0;
  f.push(`repeats=${Math.min(seen, 3)}`);
  const tokens = doc.tokens;
  const word = (i: number): string => {
    const t = tokens[i];
    if (!t || t.sentence !== tokens[candidate.first]!.sentence) return '<s>';
    return t.pos === 'SPACE' ? '<nl>' : t.normal;
  };
  f.push(`prev=${word(candidate.first - 1)}`, `prev2=${word(candidate.first - 2)}|${word(candidate.first - 1)}`);
  f.push(`next=${word(candidate.last)}`, `next2=${word(candidate.last)}|${word(candidate.last + 1)}`);
  f.push(`prev-pos=${tokens[candidate.first - 1]?.pos ?? '<s>'}`, `next-pos=${tokens[candidate.last]?.pos ?? '<s>'}`);
  f.push(`type-next=${typing?.type ?? 'none'}|${word(candidate.last)}`, `type-prev=${typing?.type ?? 'none'}|${word(candidate.first - 1)}`);
  // Names in a list share a kind: "Tieck, Schelling and Novalis".
  if (neighbors.left !== undefined) f.push(`list-left=${neighbors.left?.type ?? 'none'}`);
  if (neighbors.right !== undefined) f.push(`list-right=${neighbors.right?.type ?? 'none'}`);
  // What the article says around this mention and around other mentions of the same name.
  if (context.own) f.push(`cue=${context.own.kind}`, `cue-how=${context.own.kind}|${context.own.cue}`, `cue-rule=${context.own.kind}|${typing?.type ?? 'none'}`);
  if (context.name) f.push(`name-cue=${context.name}`, `name-cue-rule=${context.name}|${typing?.type ?? 'none'}`);
  if (isEventName(candidate)) f.push('event-name');
  clusterFeatures(f, keys);
  return f;
}

/**
 * Distributional features (clusters.ts): the fine cluster and coarse group of the name's last word (its
 * head: "Records", "Rovers", "Tavern") and of its first word ("none" for a word without a vector, mostly
 * rare names), and the fine cluster of every word of the name. (The clusters of the words around the
 * name were measured too: they cost WikiGold ORG 0.02 and MEANTIME as much as the rest.)
 */
function clusterFeatures(f: string[], keys: readonly string[]): void {
  const add = (slot: ClusterSlot, w: string): void => {
    const c = wordCluster(w);
    if (c) f.push(clusterFeature(slot, 'cf', c.fine), clusterFeature(slot, 'cc', c.coarse));
    else f.push(`${slot}-cf=none`);
  };
  add('last', keys[keys.length - 1]!);
  if (keys.length > 1) add('first', keys[0]!);
  for (const k of keys) {
    const c = wordCluster(k);
    if (c) f.push(clusterFeature('word', 'cf', c.fine));
  }
}

type ClusterSlot = 'last' | 'first' | 'word';
/** Feature strings per slot and cluster id, made once: a reused string also keeps its hash for the weight lookup. */
const clusterStrings = new Map<string, string[]>();
function clusterFeature(slot: ClusterSlot, grain: 'cf' | 'cc', id: number): string {
  const prefix = `${slot}-${grain}=`;
  let strings = clusterStrings.get(prefix);
  if (!strings) clusterStrings.set(prefix, (strings = []));
  return (strings[id] ??= prefix + id);
}

/** Context cues of one mention (its own) and of its name anywhere in the article. */
export interface MentionContext {
  readonly own?: ContextCue | null;
  readonly name?: ContextKind | undefined;
}
const NO_CONTEXT: MentionContext = {};

/** The context of every candidate of an article (see context.ts). */
export function mentionContexts(doc: ArticleDoc, candidates: readonly Candidate[], typings: ReadonlyArray<Typing | null>): MentionContext[] {
  const { own, byName } = documentCues(doc, candidates, typings);
  return candidates.map((c, i) => ({ own: own[i] ?? null, name: byName.get(c.keys.join(' ')) }));
}

/** The rule types of the candidates joined to this one by a comma or "and" (undefined: no such neighbor). */
export interface Neighbors {
  readonly left?: Typing | null;
  readonly right?: Typing | null;
}
const NO_NEIGHBORS: Neighbors = {};
const LIST_GAP = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$/u;

export function listNeighbors(doc: ArticleDoc, candidates: readonly Candidate[], typings: ReadonlyArray<Typing | null>, i: number): Neighbors {
  const c = candidates[i]!;
  const prev = candidates[i - 1];
  const next = candidates[i + 1];
  const left = prev && LIST_GAP.test(doc.text.slice(prev.end, c.start)) ? (typings[i - 1] ?? null) : undefined;
  const right = next && LIST_GAP.test(doc.text.slice(c.end, next.start)) ? (typings[i + 1] ?? null) : undefined;
  // Literals, not spreads: this runs for every candidate, and V8 builds spread objects on a slow path.
  if (left === undefined) return right === undefined ? NO_NEIGHBORS : { right };
  return right === undefined ? { left } : { left, right };
}

/** "Gustavo Petro" -> "Xx Xx", "N.V." -> "X.X.", "A380" -> "Xd". */
function shapeOf(text: string): string {
  let out = '';
  let last = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const cls = lower !== upper ? (ch === upper ? 'X' : 'x') : ch >= '0' && ch <= '9' ? 'd' : ch;
    if (cls !== last) out += cls;
    last = cls;
  }
  return out;
}

/** How often each candidate's words occur as a candidate in the article. */
export function candidateCounts(candidates: readonly Candidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of candidates) {
    const k = c.keys.join(' ');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** LIST_GAP, also with a "the" opening the next member ("the Miami Heat and the Rays"), or a slash: a slash joins the members of a list ("Crobar / Amika / Mynt"), though not two neighbours' features (measured, see README). */
const LIST_GAP_OR_SLASH = /^(?:\s*,\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or|&)\s+(?:the\s+)?|\s*\/\s*)$/u;

/**
 * Coordinated lists of three or more candidates in one sentence ("KGB, Shadow Lounge, Liquid, Bar Room,
 * Lua's"; "Nikki Beach / Pearl / Hardrock"): each list is the indices of its members, in order.
 */
export function coordinatedLists(doc: ArticleDoc, candidates: readonly Candidate[]): number[][] {
  const lists: number[][] = [];
  let run: number[] = [];
  const close = (): void => {
    if (run.length >= 3) lists.push(run);
    run = [];
  };
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const prev = candidates[i - 1];
    const joined = prev !== undefined && doc.tokens[prev.first]!.sentence === doc.tokens[c.first]!.sentence && LIST_GAP_OR_SLASH.test(doc.text.slice(prev.end, c.start));
    if (!joined) close();
    run.push(i);
  }
  close();
  return lists;
}
