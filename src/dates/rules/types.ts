import type { ArticleDoc, Token } from '../../document/types.js';
import type { ResolveContext, Resolved } from '../resolve.js';
import { tokenIndexAt } from '../tense.js';
import type { DateFilterId } from './filters.js';

/** What a rule sees besides its match: the text and wink's tokens (for POS checks). */
export interface RuleEnv {
  readonly text: string;
  readonly doc: Pick<ArticleDoc, 'tokens' | 'sentences'>;
}

/** A candidate span; its value is computed later, in text order, when the previous mention is known. */
export interface Draft {
  readonly start: number;
  readonly end: number;
  readonly resolve: (ctx: ResolveContext) => Resolved | null;
}

/**
 * One pattern family. `pattern` must have the `g` and `d` flags (group indexes); `build` returns the span
 * and its resolver, or the id of the filter that rejects the match (`filters.ts`).
 */
export interface DateRule {
  readonly id: string;
  readonly pattern: RegExp;
  /**
   * Something every match of `pattern` contains (a word of the closed class it cannot do without),
   * tested on each paragraph: where it is absent the rule cannot match, and its full pattern, with its
   * optional prefixes tried at every word, is not run there. Must not have the `g` flag.
   * `test/dates/triggers.test.ts` checks it on every match in the eval texts.
   */
  readonly trigger: RegExp;
  readonly build: (m: RegExpExecArray, env: RuleEnv) => Draft | DateFilterId;
}

export const group = (m: RegExpExecArray, name: string): string | undefined => m.groups?.[name];

/** Start offset of a named group in the text (the `d` flag's indexes). */
export function groupStart(m: RegExpExecArray, name: string): number | undefined {
  return m.indices?.groups?.[name]?.[0];
}

export const isCapitalized = (word: string | undefined): boolean => word !== undefined && /^[A-Z]/.test(word);

/** Lower-cased word just before `offset` ('' at a text or sentence start). */
export function wordBefore(text: string, offset: number): string {
  const m = /([A-Za-z']+)[^A-Za-z'\n]*$/.exec(text.slice(Math.max(0, offset - 40), offset));
  return m ? m[1]!.toLowerCase() : '';
}

/** True when `offset` starts a sentence or a line, opening quotes allowed (`` ``Today is ...``). */
export const startsSentence = (text: string, offset: number): boolean =>
  /(?:^|[.!?]["'`]*\s+|\n\s*)["'`]*$/.test(text.slice(Math.max(0, offset - 8), offset));

/** Text right after `offset`, for look-ahead filters. */
export const textAfter = (text: string, offset: number, length = 30): string => text.slice(offset, offset + length);

/** The wink token that starts at or after `offset`, if any. */
export function tokenAt(env: RuleEnv, offset: number): Token | undefined {
  return env.doc.tokens[tokenIndexAt(env.doc.tokens, offset)];
}

/** The token that ends at or before `offset` (the one before a span). */
export function tokenBefore(env: RuleEnv, offset: number): Token | undefined {
  const i = tokenIndexAt(env.doc.tokens, offset) - 1;
  return i >= 0 ? env.doc.tokens[i] : undefined;
}

export const draft = (start: number, end: number, resolve: Draft['resolve']): Draft => ({ start, end, resolve });

/** Builds a global, case-insensitive pattern with group indexes from source fragments. */
export const pattern = (source: string): RegExp => new RegExp(source, 'gdi');

/** Same, case-sensitive (holidays, whose capital letters are the evidence). */
export const casedPattern = (source: string): RegExp => new RegExp(source, 'gd');
