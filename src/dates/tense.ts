/**
 * The tense of the verb group that governs a temporal expression, read from wink's tokens.
 *
 * HeidelTime's rule: take the last verb before the expression in its sentence (or the first after it
 * when none precedes) and look at its group ("will meet", "is scheduled to meet", "announced").
 * "Petro will meet Trump on February 3, the government announced Wednesday": February 3 is governed by
 * "will meet" (future), Wednesday by "announced" (past).
 */
import type { ArticleDoc, Token } from '../document/types.js';
import { firstIndexWhere } from '../util/binary-search.js';
import { FUTURE_CUES, IRREGULAR_PAST } from './lexicon.js';

export type Tense = 'past' | 'present' | 'future' | 'none';

/** Index of the first token that starts at or after `offset`. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  return firstIndexWhere(tokens, (t) => t.start >= offset);
}

/**
 * A verb token. wink tags some capitalized words inside a sentence as verbs ("Roe vs. Wade", "Will
 * Rogers"); a capital letter that does not start the sentence marks a name, so those do not count.
 */
const isVerb = (t: Token, sentenceStart = -1): boolean =>
  (t.pos === 'VERB' || t.pos === 'AUX') && !(t.pos === 'VERB' && /^[A-Z]/.test(t.value) && t.start !== sentenceStart);

const isPastForm = (t: Token): boolean =>
  IRREGULAR_PAST.has(t.normal) || (t.normal.endsWith('ed') && t.lemma !== t.normal && t.pos !== 'ADJ');

/** Tense governing the span [start, end) of `doc.text`. */
export function tenseAt(doc: Pick<ArticleDoc, 'tokens' | 'sentences'>, start: number, end: number): Tense {
  const tokens = doc.tokens;
  if (tokens.length === 0) return 'none';
  const first = Math.min(tokenIndexAt(tokens, start), tokens.length - 1);
  const sentence = doc.sentences[tokens[first]!.sentence];
  if (!sentence) return 'none';
  const last = tokenIndexAt(tokens, end);
  // "as early as Tuesday", "as soon as Friday" look ahead whatever the verb, and so does a change
  // announced as "effective Feb. 1" (the news reports it before it takes effect).
  const lead = tokens.slice(Math.max(sentence.tokenStart, first - 4), first).map((t) => t.normal).join(' ');
  if (/\b(?:as (?:early|soon) as|effective)$/.test(lead)) return 'future';
  // "since March", "since year-end": the point lies behind the report, whatever the verb.
  if (/\bsince$/.test(lead)) return 'past';
  const tense = verbTense(tokens, sentence, first, last);
  // "remain closed until Friday" looks ahead too, unless a past auxiliary says otherwise
  // ("Until Thursday, they had not called him a suspect").
  if (/\b(?:until|till)$/.test(lead) && tense !== 'future') {
    const pastAux = tokens.slice(sentence.tokenStart, sentence.tokenEnd).some((t) => ['was', 'were', 'had', 'did'].includes(t.normal));
    if (tense !== 'past' || !pastAux) return 'future';
  }
  return tense;
}

/** The verb group before the expression in its sentence, else the first one after it. */
function verbTense(tokens: readonly Token[], sentence: { readonly tokenStart: number; readonly tokenEnd: number }, first: number, last: number): Tense {
  const sentenceStart = tokens[sentence.tokenStart]?.start ?? -1;
  for (let i = first - 1; i >= sentence.tokenStart; i--) {
    if (isVerb(tokens[i]!, sentenceStart)) return groupTense(tokens, i, sentence.tokenStart);
  }
  for (let i = last; i < sentence.tokenEnd; i++) {
    if (isVerb(tokens[i]!, sentenceStart)) {
      // Take the head of the group after the expression: "Friday, officials will meet" -> "meet".
      let head = i;
      while (head + 1 < sentence.tokenEnd && (isVerb(tokens[head + 1]!) || tokens[head + 1]!.pos === 'PART')) head++;
      return groupTense(tokens, head, sentence.tokenStart);
    }
  }
  return 'none';
}

const PRESENT_AUXILIARIES = new Set(['is', 'are', 'am', "'re", 'do', 'does']);

function groupTense(tokens: readonly Token[], verb: number, floor: number): Tense {
  const group: Token[] = [tokens[verb]!];
  for (let i = verb - 1; i >= floor && group.length < 5; i--) {
    const t = tokens[i]!;
    // wink may tag "plans" or "expected" as a noun or adjective: the cue words count whatever their tag.
    // A cue tagged as a noun plans only before "to" ("plans to sell"), not in "turnaround plans announced".
    const cue = FUTURE_CUES.has(t.normal) && (t.pos !== 'NOUN' || tokens[i + 1]?.normal === 'to');
    if (isVerb(t) || t.pos === 'PART' || t.pos === 'ADV' || t.normal === 'to' || cue) group.push(t);
    else break;
  }
  // "had been due to expire Friday": a past perfect outranks the future cue it governs.
  if (group.some((t) => t.normal === 'had')) return 'past';
  if (group.some((t) => FUTURE_CUES.has(t.normal))) return 'future';
  // "going to meet", "is to meet", "set to resume", "poised to": a be/go/set form followed by "to" + verb.
  const normals = group.map((t) => t.normal).reverse();
  const to = normals.indexOf('to');
  if (to > 0 && ['going', 'is', 'are', 'am', 'set', 'poised'].includes(normals[to - 1]!)) return 'future';
  // The first verb of the group carries the tense: "is heard", "are expected" are present passives
  // even though their participles look past.
  const finite = group.filter((t) => isVerb(t)).at(-1);
  if (finite && PRESENT_AUXILIARIES.has(finite.normal) && finite !== group[0]) return 'present';
  if (group.some(isPastForm)) return 'past';
  return 'present';
}
