import type { Dateline, Diagnostic, Sentence, Span, TextSpan, Token } from '../document/types.js';
import { wink } from '../nlp/wink.js';
import { findDateline } from './dateline.js';
import { findHeadline } from './headline.js';
import { lastStartingAtOrBefore } from '../util/binary-search.js';

export interface Segmentation {
  readonly headline: TextSpan | null;
  readonly dateline: Dateline | null;
  readonly paragraphs: readonly Span[];
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  /** One per sentence too long to analyze whole, which was split into pieces (see `maxSentenceTokens`). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface SegmentOptions {
  /**
   * Longest sentence, in tokens (punctuation counts, whitespace does not), passed whole to the stages.
   * A longer one (a scraped page without sentence punctuation, a table) is cut into pieces at clause
   * boundaries, else at this length, so no stage ever sees an unbounded sentence.
   */
  readonly maxSentenceTokens?: number;
}

/** The default of `limits.maxSentenceTokens`: the longest sentence in the corpus and the gold data has 223 tokens. */
export const DEFAULT_MAX_SENTENCE_TOKENS = 300;

/**
 * Splits the stored text into paragraphs, sentences and tokens with one wink-nlp pass.
 *
 * wink's sentence splitter is good on news prose; we correct it where news layout defeats it:
 * a headline without a final period, a dateline ("BOGOTÁ / WASHINGTON —") that must not be glued to
 * the first sentence, and paragraph breaks, which always end a sentence.
 */
export function segmentText(text: string, options: SegmentOptions = {}): Segmentation {
  const maxSentenceTokens = options.maxSentenceTokens ?? DEFAULT_MAX_SENTENCE_TOKENS;
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink types its.lemma with a narrower signature than ItsFunction; the runtime call is the documented one.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const normals = doc.tokens().out(its.normal) as string[];

  // Token offsets: wink keeps nearly every character as either a token or its preceding spaces, but
  // not all (a BOM inside the text is dropped from the spaces), so each token is found in the text near
  // where the lengths put it, and never starts or ends inside a surrogate pair.
  const starts: number[] = [];
  const ends: number[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let start = cursor + spaces[i]!.length;
    if (!text.startsWith(value, start)) {
      // A bounded look ahead keeps this linear in the text.
      const found = text.slice(cursor, start + value.length + SEARCH_SLACK).indexOf(value);
      if (found >= 0) start = cursor + found;
    }
    start = Math.min(codePointBoundary(text, start), text.length);
    const end = Math.max(start, Math.min(codePointBoundary(text, start + value.length), text.length));
    starts.push(start);
    ends.push(end);
    cursor = end;
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
  const diagnostics: Diagnostic[] = [];
  let current: number[] = [];
  const flush = (): void => {
    if (current.length > maxSentenceTokens) {
      const pieces = splitLongSentence(current, values, pos, maxSentenceTokens);
      for (const [from, to] of pieces) sentenceRanges.push([current[from]!, current[to - 1]! + 1]);
      const span = { start: starts[current[0]!]!, end: ends[current[current.length - 1]!]! };
      diagnostics.push({ stage: 'segment', message: `segment: a sentence of ${current.length} tokens (over limits.maxSentenceTokens ${maxSentenceTokens}) was split into ${pieces.length} pieces for analysis`, span });
    } else if (current.length > 0) sentenceRanges.push([current[0]!, current[current.length - 1]! + 1]);
    current = [];
  };
  for (const i of contentTokens) {
    const startsHere = current.length > 0 && (crossesForcedBreak(starts[current[current.length - 1]!]!, starts[i]!) || boundaries.has(i));
    if (startsHere && !isFalseBreak(values, current[current.length - 1]!, i)) flush();
    current.push(i);
  }
  flush();

  const paragraphOf = (offset: number): number => Math.max(0, lastStartingAtOrBefore(paragraphs, offset));

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

  return { headline, dateline, paragraphs, sentences, tokens, diagnostics };
}

/** How far past its expected place a token is looked for when wink dropped characters before it. */
const SEARCH_SLACK = 64;

/** The offset moved forward off the low half of a surrogate pair. */
function codePointBoundary(text: string, offset: number): number {
  const unit = text.charCodeAt(offset);
  const before = text.charCodeAt(offset - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && before >= 0xd800 && before <= 0xdbff ? offset + 1 : offset;
}

const STRONG_CLAUSE_ENDS = new Set([';', ':', '—', '–']);
const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'or', 'while', 'whereas', 'although', 'though', 'because', 'which', 'who']);

/**
 * Cuts a sentence's content tokens into pieces of at most `max` tokens, as [from, to) indexes into
 * `content`. Each cut is the best clause boundary in the second half of the window: after a semicolon,
 * colon or dash, else after a comma, else before a conjunction, else at `max` (fixed windows). Every
 * piece but the last holds at least max/2 tokens, so the scan back over a window is paid at most twice
 * per token: linear in the sentence.
 */
function splitLongSentence(content: readonly number[], values: readonly string[], pos: readonly string[], max: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = 0;
  const floor = Math.max(1, Math.floor(max / 2));
  while (content.length - from > max) {
    let strong = -1;
    let comma = -1;
    let conjunction = -1;
    for (let cut = from + max; cut > from + floor && strong < 0; cut--) {
      // `cut` is the first token of the next piece.
      const before = values[content[cut - 1]!]!;
      const next = content[cut]!;
      if (STRONG_CLAUSE_ENDS.has(before)) strong = cut;
      else if (comma < 0 && before === ',') comma = cut;
      else if (conjunction < 0 && (pos[next] === 'CCONJ' || pos[next] === 'SCONJ' || CLAUSE_CONJUNCTIONS.has(values[next]!.toLowerCase()))) conjunction = cut;
    }
    const cut = strong >= 0 ? strong : comma >= 0 ? comma : conjunction >= 0 ? conjunction : from + max;
    pieces.push([from, cut]);
    from = cut;
  }
  pieces.push([from, content.length]);
  return pieces;
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
