import type { Span, TextSpan } from '../document/types.js';

/**
 * A headline is a first paragraph of a single short line without sentence-final punctuation
 * (news headlines rarely end in a period), followed by more text.
 */
export function findHeadline(text: string, paragraphs: readonly Span[]): TextSpan | null {
  const first = paragraphs[0];
  if (!first || paragraphs.length < 2) return null;
  const candidate = text.slice(first.start, first.end);
  if (candidate.includes('\n')) return null;
  const words = candidate.split(/\s+/u).filter(Boolean);
  if (words.length === 0 || words.length > 25) return null;
  if (/[.!]["”’']?$/u.test(candidate)) return null;
  return { start: first.start, end: first.end, text: candidate };
}
