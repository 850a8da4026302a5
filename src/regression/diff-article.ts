import type { ArticleJson } from '../output/article-json-type.js';
import { codePointConverter, utf16Converter } from '../document/offsets.js';
import { LAYER_SPECS, type Item, type Json, type LayerName, type LayerSpec } from './layers.js';
import { lastStartingAtOrBefore } from '../util/binary-search.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One field that differs between the matched old and new annotation. */
export interface FieldChange {
  readonly field: string;
  readonly old: Json;
  readonly new: Json;
}

/** One annotation added, removed or changed; offsets are code points, as in the published JSON. */
export interface Change {
  readonly layer: LayerName;
  readonly kind: ChangeKind;
  /** The annotation as described on the side that has it (the new side for changes). */
  readonly label: string;
  /** Its span on that side, or null for article-level items. */
  readonly span: { readonly start: number; readonly end: number } | null;
  /** For `changed`: what differs. */
  readonly fields: readonly FieldChange[];
  /** The sentence around the span, the span marked with « », clipped to a readable length. */
  readonly context: string | null;
  readonly old: Json;
  readonly new: Json;
}

export interface ArticleDiffOptions {
  /** Largest score difference that is not a change (scores are rounded to 4 digits on output). */
  readonly tolerance: number;
}

export interface ArticleDiff {
  readonly changes: readonly Change[];
  /** Score differences at or under the tolerance: not changes, counted so nothing is silently hidden. */
  readonly withinTolerance: number;
}

/** How far context reaches on each side of a marked span, in characters. */
const CONTEXT_REACH = 80;
/** Above this many candidate pairs the overlap pairing is skipped (changes then read as removed + added). */
const MAX_OVERLAP_PAIRS = 2_000_000;

/**
 * Compares two published JSONs of the same article, layer by layer. Pure: no I/O.
 *
 * When the text itself changed, old offsets are first carried over the edit (common prefix and
 * suffix), so one edited sentence does not turn every later annotation into a change.
 */
export function diffArticle(oldArticle: ArticleJson, newArticle: ArticleJson, options: ArticleDiffOptions): ArticleDiff {
  const oldText = oldArticle.text;
  const newText = newArticle.text;
  const mapOld = offsetMapper(oldText, newText);
  const sides = { old: new ArticleView(oldArticle, oldText), new: new ArticleView(newArticle, newText) };
  const changes: Change[] = [];
  let withinTolerance = 0;
  for (const spec of LAYER_SPECS) {
    const result = diffLayer(spec, spec.items(oldArticle), spec.items(newArticle), mapOld, sides, options);
    changes.push(...result.changes);
    withinTolerance += result.withinTolerance;
  }
  return { changes, withinTolerance };
}

interface OffsetMapper {
  /** An old code-point offset in the new text, or null inside the edited region. */
  readonly map: (offset: number) => number | null;
  /** The edited region of the new text, [start, end). */
  readonly edited: { readonly start: number; readonly end: number };
}

/** Lengths (in code points) of the common prefix and, after it, the common suffix of two texts. */
function editedRegion(a: readonly string[], b: readonly string[]): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

/** Maps old offsets to the new text across a single edited region (the text between common prefix and suffix). */
function offsetMapper(oldText: string, newText: string): OffsetMapper {
  if (oldText === newText) return { map: (offset) => offset, edited: { start: 0, end: 0 } };
  const a = Array.from(oldText);
  const b = Array.from(newText);
  const { prefix, suffix } = editedRegion(a, b);
  const delta = b.length - a.length;
  return {
    map: (offset) => (offset <= prefix ? offset : offset >= a.length - suffix ? offset + delta : null),
    edited: { start: prefix, end: b.length - suffix },
  };
}

/** One side's article, with what context rendering needs, computed once. */
class ArticleView {
  private readonly sentences: ReadonlyArray<{ start: number; end: number; text: string }>;
  private readonly toUtf16: (codePoint: number) => number | null;

  constructor(readonly article: ArticleJson, readonly text: string) {
    this.sentences = [...article.sentences].sort((x, y) => x.start - y.start);
    this.toUtf16 = utf16Converter(text);
  }

  /** The sentence holding the span with the span marked, or a window of the text when none holds it. */
  context(span: { start: number; end: number }, mark: boolean): string {
    const sentence = this.sentenceAt(span.start);
    const base = sentence ?? { start: Math.max(0, span.start - CONTEXT_REACH), text: this.slice(Math.max(0, span.start - CONTEXT_REACH), span.end + CONTEXT_REACH) };
    const chars = Array.from(base.text);
    const from = Math.max(0, span.start - base.start);
    const to = Math.min(chars.length, Math.max(from, span.end - base.start));
    if (!mark) return oneLine(clip(chars.join(''), CONTEXT_REACH * 2 + 40));
    const before = chars.slice(0, from).join('');
    const inside = chars.slice(from, to).join('');
    const after = chars.slice(to).join('');
    return oneLine(`${clipStart(before, CONTEXT_REACH)}«${inside}»${clip(after, CONTEXT_REACH)}`);
  }

  /** The text between two code-point offsets, clamped to the text (Python's `text[start:end]`). */
  slice(start: number, end: number): string {
    const s = this.toUtf16(Math.max(0, Math.min(start, this.codePoints())));
    const e = this.toUtf16(Math.max(0, Math.min(end, this.codePoints())));
    return s === null || e === null || e <= s ? '' : this.text.slice(s, e);
  }

  private length: number | null = null;
  private codePoints(): number {
    this.length ??= codePointConverter(this.text)(this.text.length);
    return this.length;
  }

  private sentenceAt(offset: number): { start: number; text: string } | null {
    // Sentences are sorted and disjoint: only the last one starting at or before the offset can hold it.
    const s = this.sentences[lastStartingAtOrBefore(this.sentences, offset)];
    return s && offset < s.end ? s : null;
  }
}

const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim();
const clip = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n).trimEnd()}…` : text);
const clipStart = (text: string, n: number): string => (text.length > n ? `…${text.slice(text.length - n).trimStart()}` : text);

interface MappedItem {
  readonly item: Item;
  /** The old item's span carried over to the new text (equal to `item.span` on the new side). */
  readonly span: { start: number; end: number } | null;
  readonly key: string;
}

function mapItem(item: Item, mapOld: OffsetMapper): MappedItem {
  if (item.span === null) return { item, span: null, key: item.key };
  const start = mapOld.map(item.span.start);
  const end = mapOld.map(item.span.end);
  const occurrence = item.key.includes('#') ? item.key.slice(item.key.indexOf('#')) : '';
  // An item inside the edited region has no place in the new text: it can only pair by overlap, never by key.
  if (start === null || end === null) return { item, span: null, key: `edited:${item.key}` };
  return { item, span: { start, end }, key: `${start}:${end}${occurrence}` };
}

function diffLayer(
  spec: LayerSpec,
  oldItems: Item[] | null,
  newItems: Item[] | null,
  mapOld: OffsetMapper,
  sides: { old: ArticleView; new: ArticleView },
  options: ArticleDiffOptions,
): { changes: Change[]; withinTolerance: number } {
  const olds = (oldItems ?? []).map((item) => mapItem(item, mapOld));
  const news = (newItems ?? []).map((item): MappedItem => ({ item, span: item.span, key: item.key }));
  const pairs: Array<[MappedItem, MappedItem]> = [];
  const newByKey = new Map(news.map((n) => [n.key, n]));
  const pairedNew = new Set<MappedItem>();
  const unpairedOld: MappedItem[] = [];
  for (const o of olds) {
    const n = newByKey.get(o.key);
    if (n && !pairedNew.has(n)) {
      pairs.push([o, n]);
      pairedNew.add(n);
    } else unpairedOld.push(o);
  }
  const afterText = pairBySurfaceText(unpairedOld, news.filter((n) => !pairedNew.has(n)), mapOld.edited, sides, pairs);
  const leftover = pairByOverlap(afterText.old, afterText.new, pairs);

  const changes: Change[] = [];
  let withinTolerance = 0;
  for (const [o, n] of pairs) {
    const compared = compareItems(o, n, options.tolerance, sides);
    withinTolerance += compared.withinTolerance;
    const onlySpan = compared.fields.length === 1 && compared.fields[0]!.field === 'span';
    if (compared.fields.length === 0 || (onlySpan && !spec.reportSpanOnly)) continue;
    changes.push({
      layer: spec.name,
      kind: 'changed',
      label: n.item.label,
      span: n.item.span,
      fields: compared.fields,
      context: contextFor(spec, n.item, sides.new),
      old: o.item.value,
      new: n.item.value,
    });
  }
  for (const o of leftover.old) {
    changes.push({ layer: spec.name, kind: 'removed', label: o.item.label, span: o.item.span, fields: [], context: contextFor(spec, o.item, sides.old), old: o.item.value, new: null });
  }
  for (const n of leftover.new) {
    changes.push({ layer: spec.name, kind: 'added', label: n.item.label, span: n.item.span, fields: [], context: contextFor(spec, n.item, sides.new), old: null, new: n.item.value });
  }
  changes.sort((x, y) => (x.span?.start ?? -1) - (y.span?.start ?? -1) || (x.span?.end ?? -1) - (y.span?.end ?? -1) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind]);
  return { changes, withinTolerance };
}

const KIND_ORDER: Readonly<Record<ChangeKind, number>> = { removed: 0, changed: 1, added: 2 };

/**
 * An old item inside the edited region of the text pairs with the next new item there that covers
 * the same words: "strained" stays the same annotation when "badly" is inserted before it.
 */
function pairBySurfaceText(
  olds: MappedItem[],
  news: MappedItem[],
  edited: { start: number; end: number },
  sides: { old: ArticleView; new: ArticleView },
  pairs: Array<[MappedItem, MappedItem]>,
): { old: MappedItem[]; new: MappedItem[] } {
  if (edited.end <= edited.start || !olds.some((o) => o.span === null && o.item.span !== null)) return { old: olds, new: news };
  const candidates = news.filter((n) => n.span !== null && n.span.start < edited.end && n.span.end > edited.start);
  const used = new Set<MappedItem>();
  const leftOld: MappedItem[] = [];
  let from = 0;
  for (const o of olds) {
    const text = o.span === null && o.item.span !== null ? sides.old.slice(o.item.span.start, o.item.span.end) : null;
    const index = text === null ? -1 : candidates.findIndex((n, i) => i >= from && !used.has(n) && sides.new.slice(n.span!.start, n.span!.end) === text);
    if (index === -1) {
      leftOld.push(o);
      continue;
    }
    const n = candidates[index]!;
    used.add(n);
    from = index + 1;
    // Same words, moved by the edit: not a span change.
    pairs.push([{ ...o, span: n.span }, n]);
  }
  return { old: leftOld, new: news.filter((n) => !used.has(n)) };
}

/**
 * Pairs leftover old and new items whose spans overlap, largest overlap first, and returns the old
 * and new items left without a partner. Pairs are appended to `pairs`.
 */
function pairByOverlap(olds: MappedItem[], news: MappedItem[], pairs: Array<[MappedItem, MappedItem]>): { old: MappedItem[]; new: MappedItem[] } {
  const candidates: Array<{ o: MappedItem; n: MappedItem; overlap: number }> = [];
  const spannedOld = olds.filter((o) => o.span !== null || o.item.span !== null);
  const spannedNew = news.filter((n) => n.span !== null);
  if (spannedOld.length * spannedNew.length <= MAX_OVERLAP_PAIRS) {
    for (const o of spannedOld) {
      // Items inside an edited region have no mapped span; their old offsets are still close enough to pair.
      const os = o.span ?? o.item.span!;
      for (const n of spannedNew) {
        const overlap = Math.min(os.end, n.span!.end) - Math.max(os.start, n.span!.start);
        if (overlap > 0) candidates.push({ o, n, overlap });
      }
    }
  }
  candidates.sort((x, y) => y.overlap - x.overlap);
  const usedOld = new Set<MappedItem>();
  const usedNew = new Set<MappedItem>();
  for (const c of candidates) {
    if (usedOld.has(c.o) || usedNew.has(c.n)) continue;
    usedOld.add(c.o);
    usedNew.add(c.n);
    pairs.push([c.o, c.n]);
  }
  // Article-level items (no span) pair by key only, which happened before.
  return { old: olds.filter((o) => !usedOld.has(o)), new: news.filter((n) => !usedNew.has(n)) };
}

function compareItems(o: MappedItem, n: MappedItem, tolerance: number, sides: { old: ArticleView; new: ArticleView }): { fields: FieldChange[]; withinTolerance: number } {
  const fields: FieldChange[] = [];
  let withinTolerance = 0;
  if (o.item.span && n.item.span && (o.span === null || o.span.start !== n.item.span.start || o.span.end !== n.item.span.end)) {
    fields.push({
      field: 'span',
      old: { start: o.item.span.start, end: o.item.span.end, text: sides.old.slice(o.item.span.start, o.item.span.end) },
      new: { start: n.item.span.start, end: n.item.span.end, text: sides.new.slice(n.item.span.start, n.item.span.end) },
    });
  }
  const names = new Set([...Object.keys(o.item.fields), ...Object.keys(n.item.fields)]);
  for (const name of names) {
    const a = o.item.fields[name] ?? null;
    const b = n.item.fields[name] ?? null;
    if (a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))) continue;
    fields.push(name === 'text' && typeof a === 'string' && typeof b === 'string' ? textChange(a, b) : { field: name, old: a, new: b });
  }
  const scoreNames = new Set([...Object.keys(o.item.scores), ...Object.keys(n.item.scores)]);
  for (const name of scoreNames) {
    const a = o.item.scores[name];
    const b = n.item.scores[name];
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
    if (a !== undefined && b !== undefined && Math.abs(a - b) <= tolerance) {
      withinTolerance++;
      continue;
    }
    fields.push({ field: name, old: jsonNumber(a), new: jsonNumber(b) });
  }
  return { fields, withinTolerance };
}

const jsonNumber = (value: number | undefined): Json => (value === undefined || Number.isNaN(value) ? null : value);

/** A changed article text is shown as the edited region with a little context, not as two whole texts. */
function textChange(oldText: string, newText: string): FieldChange {
  const a = Array.from(oldText);
  const b = Array.from(newText);
  const { prefix, suffix } = editedRegion(a, b);
  const show = (chars: string[]): string => {
    const before = chars.slice(Math.max(0, prefix - 40), prefix).join('');
    const edited = chars.slice(prefix, chars.length - suffix).join('');
    const after = chars.slice(chars.length - suffix, chars.length - suffix + 40).join('');
    return oneLine(`${prefix > 40 ? '…' : ''}${before}«${clip(edited, 200)}»${after}${suffix > 40 ? '…' : ''}`);
  };
  return { field: 'text', old: `[${prefix},${a.length - suffix}) ${show(a)}`, new: `[${prefix},${b.length - suffix}) ${show(b)}` };
}

function contextFor(spec: LayerSpec, item: Item, side: ArticleView): string | null {
  if (item.span === null) return null;
  // A sentence's own label already quotes it; sentence scores show their sentence unmarked.
  if (spec.name === 'sentences') return null;
  return side.context(item.span, spec.reportSpanOnly);
}

/** A one-line summary of what an article holds, for articles present on one side only. */
export function articleSummary(article: ArticleJson): string {
  const parts: string[] = [];
  for (const spec of LAYER_SPECS) {
    if (spec.name === 'articles') continue;
    const items = spec.items(article);
    if (items !== null) parts.push(`${items.length} ${spec.name}`);
  }
  return parts.join(', ');
}
