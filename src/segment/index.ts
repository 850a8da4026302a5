import type { Dateline, Sentence, Span, TextSpan, Token } from '../document/types.js';
import { wink } from '../nlp/wink.js';
import { findDateline } from './dateline.js';
import { findHeadline } from './headline.js';

export interface Segmentation {
  readonly headline: TextSpan | null;
  readonly dateline: Dateline | null;
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
}

/**
 * Splits the stored text into paragraphs, sentences and tokens with one wink-nlp pass.
 *
 * wink's sentence splitter is good on news prose; we correct it where news layout defeats it:
 * a headline without a final period, a dateline ("BOGOTÁ / WASHINGTON —") that must not be glued to
 * the first sentence, and paragraph breaks, which always end a sentence.
 */
export function segmentText(text: string): Segmentation {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink types its.lemma with a narrower signature than ItsFunction; the runtime call is the documented one.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const normals = doc.tokens().out(its.normal) as string[];

  // Token offsets: wink keeps every character as either a token or its preceding spaces.
  const starts: number[] = [];
  const ends: number[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += spaces[i]!.length;
    starts.push(cursor);
    cursor += values[i]!.length;
    ends.push(cursor);
  }

  const paragraphs = splitParagraphs(text);
  const headline = findHeadline(text, paragraphs);
  const dateline = findDateline(text, paragraphs, headline);

  // Sentence boundaries as token indexes: wink's, plus forced ones at paragraph, headline and dateline edges.
  const forcedBreaks = paragraphs.map((p) => p.start);
  if (headline) forcedBreaks.push(headline.end);
  if (dateline) forcedBreaks.push(dateline.end);
  forcedBreaks.sort((a, b) => a - b);
  // Content tokens come in text order, so one cursor walks the sorted breaks.
  let nextBreak = 0;
  const crossesForcedBreak = (previousStart: number, start: number): boolean => {
    while (nextBreak < forcedBreaks.length && forcedBreaks[nextBreak]! <= previousStart) nextBreak++;
    return nextBreak < forcedBreaks.length && forcedBreaks[nextBreak]! <= start;
  };

  const boundaries = new Set<number>();
  doc.sentences().each((s: { out: (x: unknown) => unknown }) => {
    const [first] = s.out(its.span) as [number, number];
    boundaries.add(first);
  });
  const contentTokens: number[] = [];
  const inDateline = (i: number): boolean => dateline !== null && starts[i]! >= dateline.start && ends[i]! <= dateline.end;
  // Dateline tokens are recorded in `dateline`, not as a sentence of their own.
  for (let i = 0; i < values.length; i++) if (pos[i] !== 'SPACE' && values[i]!.trim() !== '' && !inDateline(i)) contentTokens.push(i);

  const sentenceRanges: Array<[number, number]> = [];
  let current: number[] = [];
  const flush = (): void => {
    if (current.length > 0) sentenceRanges.push([current[0]!, current[current.length - 1]! + 1]);
    current = [];
  };
  for (const i of contentTokens) {
    const startsHere = current.length > 0 && (crossesForcedBreak(starts[current[current.length - 1]!]!, starts[i]!) || boundaries.has(i));
    if (startsHere && !isFalseBreak(values, current[current.length - 1]!, i)) flush();
    current.push(i);
  }
  flush();

  const paragraphOf = (offset: number): number => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const sentences: Sentence[] = [];
  const sentenceOfToken = new Array<number>(values.length).fill(-1);
  for (const [first, last] of sentenceRanges) {
    const start = starts[first]!;
    const end = ends[last - 1]!;
    const index = sentences.length;
    for (let t = first; t < last; t++) sentenceOfToken[t] = index;
    sentences.push({ index, start, end, text: text.slice(start, end), paragraph: paragraphOf(start), tokenStart: first, tokenEnd: last });
  }
  // Whitespace and dateline tokens belong to the sentence before them (the first one at the start).
  let lastSentence = 0;
  for (let t = 0; t < values.length; t++) {
    if (sentenceOfToken[t] === -1) sentenceOfToken[t] = lastSentence;
    else lastSentence = sentenceOfToken[t]!;
  }

  const tokens: Token[] = values.map((value, i) => ({
    start: starts[i]!,
    end: ends[i]!,
    value,
    normal: normals[i]!,
    lemma: lemmas[i]!,
    pos: pos[i]!,
    sentence: sentenceOfToken[i]!,
    spaceBefore: i === 0 || spaces[i]!.length > 0,
  }));

  return { headline, dateline, paragraphs, sentences, tokens };
}

/** Paragraphs are runs of non-blank lines; a blank line (only whitespace) separates them. */
export function splitParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  let paraStart = -1;
  let paraEnd = -1;
  for (let m = re.exec(text); m && m[0].length > 0; m = re.exec(text)) {
    const line = m[0];
    const lineStart = m.index;
    const content = line.replace(/\s+$/u, '');
    if (content.trim() === '') {
      if (paraStart >= 0) paragraphs.push({ start: paraStart, end: paraEnd });
      paraStart = -1;
      continue;
    }
    const leading = content.length - content.trimStart().length;
    if (paraStart < 0) paraStart = lineStart + leading;
    paraEnd = lineStart + content.length;
  }
  if (paraStart >= 0) paragraphs.push({ start: paraStart, end: paraEnd });
  return paragraphs;
}

const ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'gen.', 'gov.', 'sen.', 'rep.', 'st.', 'lt.', 'col.', 'sgt.', 'capt.', 'prof.', 'jr.', 'sr.', 'inc.', 'corp.', 'co.', 'no.', 'vs.', 'jan.', 'feb.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.', 'u.s.', 'u.k.', 'u.n.', 'e.u.']);

/**
 * wink occasionally breaks after an abbreviation ("the U.S. military", "Gen. Smith"); a break there is
 * false when the next token starts in lower case or the abbreviation is a title.
 */
function isFalseBreak(values: readonly string[], lastOfPrevious: number, firstOfNext: number): boolean {
  const previous = values[lastOfPrevious]!.toLowerCase();
  const next = values[firstOfNext]!;
  if (!ABBREVIATIONS.has(previous)) return false;
  if (/^\p{Ll}/u.test(next)) return true;
  return ['mr.', 'mrs.', 'ms.', 'dr.', 'gen.', 'gov.', 'sen.', 'rep.', 'st.', 'lt.', 'col.', 'sgt.', 'capt.', 'prof.'].includes(previous);
}
