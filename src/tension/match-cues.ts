import type { Token } from '../document/types.js';
import { tokenFacts } from '../sentiment/features.js';
import type { CompiledCue, CompiledLexicon } from './lexicon.js';

/** A lexicon cue found in a sentence, by token indexes into `ArticleDoc.tokens`. */
export interface CueMatch {
  readonly cue: CompiledCue;
  /** Indexes of the tokens the pattern elements matched, in order (gap tokens excluded). */
  readonly tokens: readonly number[];
}

/** Gaps inside a pattern never cross clause punctuation: "sanctions; talks" is not "sanctions talks". */
const GAP_STOP = new Set(['.', ';', ':', '!', '?', '—', '–', '(', ')', '"', '“', '”', ',']);

/** The forms a token is matched by: its lower-case form and its lemma (wink leaves some lemmas undefined). */
export function tokenForms(token: Token): [string, string] {
  const normal = token.normal;
  const lemma = typeof token.lemma === 'string' ? token.lemma.toLowerCase() : normal;
  return [normal, lemma];
}

function tokenMatches(token: Token, element: ReadonlySet<string>): boolean {
  const [normal, lemma] = tokenForms(token);
  return element.has(normal) || element.has(lemma);
}

/**
 * Every cue of the lexicon in tokens [from, to), longest and strongest first when two overlap: "military
 * action against" wins over "action", "reduce tension" over "tension".
 */
export function matchCues(tokens: readonly Token[], from: number, to: number, lexicon: CompiledLexicon): CueMatch[] {
  const found: CueMatch[] = [];
  // The lower-case lemmas come from the sentiment pass's per-token memo, which read these tokens already.
  const known = tokenFacts(tokens);
  const tryCues = (list: readonly CompiledCue[] | undefined, i: number): void => {
    if (!list) return;
    for (const cue of list) {
      if (cue.pos !== null && tokens[i]!.pos !== cue.pos) continue;
      const matched = matchRest(tokens, i, to, cue);
      if (matched && !found.some((f) => f.cue === cue && f.tokens[0] === i)) found.push({ cue, tokens: matched });
    }
  };
  for (let i = from; i < to; i++) {
    const normal = tokens[i]!.normal;
    const lemma = known.lemmaOf(i).lower;
    tryCues(lexicon.byFirstWord.get(normal), i);
    if (lemma !== normal) tryCues(lexicon.byFirstWord.get(lemma), i);
  }
  found.sort((a, b) => b.tokens.length - a.tokens.length || Math.abs(b.cue.weight) - Math.abs(a.cue.weight) || a.tokens[0]! - b.tokens[0]!);
  const used = new Set<number>();
  const kept: CueMatch[] = [];
  for (const match of found) {
    // The whole span is taken, gap tokens included: "withdrawal of some invasion forces" is one act.
    const first = match.tokens[0]!;
    const last = match.tokens[match.tokens.length - 1]!;
    let taken = false;
    for (let t = first; t <= last && !taken; t++) taken = used.has(t);
    if (taken) continue;
    for (let t = first; t <= last; t++) used.add(t);
    kept.push(match);
  }
  return kept.sort((a, b) => a.tokens[0]! - b.tokens[0]!);
}

function matchRest(tokens: readonly Token[], first: number, to: number, cue: CompiledCue): number[] | null {
  const matched = [first];
  let at = first;
  for (let e = 1; e < cue.elements.length; e++) {
    const element = cue.elements[e]!;
    let next = -1;
    for (let j = at + 1; j < to && j <= at + 1 + cue.gap; j++) {
      if (tokenMatches(tokens[j]!, element)) {
        next = j;
        break;
      }
      if (GAP_STOP.has(tokens[j]!.normal)) break;
    }
    if (next < 0) return null;
    matched.push(next);
    at = next;
  }
  return matched;
}
