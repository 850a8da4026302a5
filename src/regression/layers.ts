/**
 * What the diff compares, layer by layer, as data: each layer turns one published article JSON
 * (an `ArticleJson`, as `readArticleJson` checked it) into a flat list of comparable items.
 *
 * An item is matched across the two sides by its `key` (its span for span layers, an id otherwise).
 * Unmatched items with spans are then paired by overlap, so "Gustavo Petro" growing into
 * "President Gustavo Petro" reads as one changed span rather than a removal and an addition.
 */

import type { ActorJson, ArticleJson, JsonValue, SentenceJson } from '../output/article-json-type.js';

type Json = JsonValue;

/** Layer names follow the CSV table names where there is a table, so users meet one vocabulary. */
export const LAYERS = ['articles', 'sentences', 'entities', 'entity_summary', 'dates', 'sentiment', 'tension', 'tension_cues', 'dyads'] as const;
export type LayerName = (typeof LAYERS)[number];

/** Other names users may type for a layer. */
export const LAYER_ALIASES: Readonly<Record<string, LayerName>> = {
  article: 'articles',
  timexes: 'dates',
  cues: 'tension_cues',
  entity: 'entities',
  mentions: 'entities',
};

export interface Item {
  /** Identity within the layer: equal keys on both sides are the same annotation. */
  readonly key: string;
  /** Code-point span in the article text, when the item has one. */
  readonly span: { readonly start: number; readonly end: number } | null;
  /** Short human description: `PERSON "Gustavo Petro" (gustavo-petro)`. */
  readonly label: string;
  /** Compared exactly (JSON equality). */
  readonly fields: Readonly<Record<string, Json>>;
  /** Compared with the tolerance. */
  readonly scores: Readonly<Record<string, number>>;
  /** The item as published, for the --json report. */
  readonly value: Json;
}

export interface LayerSpec {
  readonly name: LayerName;
  /** Every field name this layer compares (exact fields and scores), for `--fail-on` validation. */
  readonly fieldNames: readonly string[];
  /**
   * Whether a span change alone is a change of this layer. For sentence scores it is not: a
   * re-segmented sentence is reported once, in `sentences`, and its score only when the score moved.
   */
  readonly reportSpanOnly: boolean;
  /** Null when the layer is absent from the article (stage disabled or not yet run). */
  readonly items: (article: ArticleJson) => Item[] | null;
}

const str = (value: Json | undefined): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
const quote = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** Items that share a span get an occurrence number, so duplicates still match one to one. */
function spanKeys<T>(entries: readonly T[], spanOf: (entry: T) => { start: number; end: number }): string[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const { start, end } = spanOf(entry);
    const base = `${start}:${end}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  });
}

function spanItems<T extends { start: number; end: number } & Json>(
  list: readonly T[] | undefined,
  describe: (o: T) => { label: string; fields: Record<string, Json>; scores?: Record<string, number> },
): Item[] | null {
  if (list === undefined) return null;
  const keys = spanKeys(list, (o) => o);
  return list.map((o, i) => {
    const d = describe(o);
    return { key: keys[i]!, span: { start: o.start, end: o.end }, label: d.label, fields: d.fields, scores: d.scores ?? {}, value: o };
  });
}

/**
 * Entity ids are numbered per article ("e1", "e2", ...), so one mention found or lost earlier would
 * renumber every later entity. The diff compares entities by their canonical name instead.
 */
const canonicalCache = new WeakMap<ArticleJson, Map<string, string>>();
function canonicalNames(article: ArticleJson): Map<string, string> {
  let names = canonicalCache.get(article);
  if (!names) {
    names = new Map();
    for (const e of article.entity_summary ?? []) names.set(e.entity_id, e.canonical);
    canonicalCache.set(article, names);
  }
  return names;
}
/** The canonical name of an entity id; null without a summary entry (a bare id means nothing across runs). */
const entityName = (article: ArticleJson, id: string | null): Json => (id !== null ? canonicalNames(article).get(id) ?? null : null);

/** An actor as one readable value: `Gustavo Petro (CO)`, or `Colombian = Colombia (CO)` when the words differ from the entity. */
const actor = (article: ArticleJson, value: ActorJson): Json => {
  if (!value) return null;
  const entity = entityName(article, value.entity_id);
  const name = typeof entity === 'string' && entity !== value.text ? `${value.text} = ${entity}` : value.text;
  return value.country_code !== null ? `${name} (${value.country_code})` : name;
};
const actorText = (value: ActorJson): string => (value ? value.text : '-');

/** Per-sentence entries of a layer that lives inside `sentences`; null when no sentence carries it. */
function sentenceLayer<F extends 'sentiment' | 'tension'>(article: ArticleJson, field: F): Array<{ sentence: SentenceJson; value: NonNullable<SentenceJson[F]> }> | null {
  const carrying = article.sentences.filter((s) => s[field] !== undefined);
  if (carrying.length === 0 && article[field] === undefined) return null;
  return carrying.map((sentence) => ({ sentence, value: sentence[field]! }));
}

const sentenceLabel = (s: SentenceJson): string => `sentence ${s.index}`;

export const LAYER_SPECS: readonly LayerSpec[] = [
  {
    // Article-level facts: one item per article. Its presence on one side only is reported by the
    // folder diff; here the fields that frame every other layer (text, publication date, metadata).
    name: 'articles',
    fieldNames: ['text', 'dct', 'dct_source', 'metadata', 'source_path', 'schemaVersion', 'headline', 'dateline', 'diagnostics'],
    reportSpanOnly: true,
    items: (a) => [
      {
        key: 'article',
        span: null,
        label: `article ${quote(a.id)}`,
        fields: {
          text: a.text,
          dct: a.dct,
          dct_source: a.dct_source,
          metadata: a.metadata,
          source_path: a.source_path,
          schemaVersion: a.schemaVersion,
          headline: a.headline?.text ?? null,
          // Texts only: offsets move with any text edit, and paragraph structure shows in each sentence's paragraph.
          dateline: a.dateline ? { text: a.dateline.text, places: a.dateline.places.map((p) => p.text) } : null,
          diagnostics: a.diagnostics,
        },
        scores: {},
        value: null,
      },
    ],
  },
  {
    name: 'sentences',
    fieldNames: ['span', 'paragraph'],
    reportSpanOnly: true,
    items: (a) => spanItems(a.sentences, (s) => ({ label: `${sentenceLabel(s)} ${quote(s.text)}`, fields: { paragraph: s.paragraph } })),
  },
  {
    name: 'entities',
    fieldNames: ['span', 'type', 'entity', 'title', 'rule'],
    reportSpanOnly: true,
    items: (a) =>
      spanItems(a.entities, (m) => ({
        label: `${m.type} ${quote(m.text)}${entityName(a, m.entity_id) === null ? '' : ` = ${str(entityName(a, m.entity_id))}`}`,
        fields: { type: m.type, entity: entityName(a, m.entity_id), title: m.title, rule: m.rule },
      })),
  },
  {
    name: 'entity_summary',
    fieldNames: ['type', 'country_code', 'mentions'],
    reportSpanOnly: true,
    items: (a) => {
      if (a.entity_summary === undefined) return null;
      const seen = new Map<string, number>();
      return a.entity_summary.map((e) => {
        // Keyed by canonical name (ids are positional); two entities of one name get an occurrence number.
        const name = e.canonical;
        const n = seen.get(name) ?? 0;
        seen.set(name, n + 1);
        return {
          key: n === 0 ? name : `${name}#${n}`,
          span: null,
          label: `${e.type} ${quote(name)} (${e.mentions} mentions${e.country_code ? `, ${e.country_code}` : ''})`,
          fields: { type: e.type, country_code: e.country_code, mentions: e.mentions },
          scores: {},
          value: e,
        };
      });
    },
  },
  {
    name: 'dates',
    fieldNames: ['span', 'type', 'value', 'mod', 'range_start', 'range_end', 'anchor', 'rule'],
    reportSpanOnly: true,
    items: (a) =>
      spanItems(a.timexes, (t) => ({
        label: `${t.type} ${quote(t.text)} = ${t.value}${t.mod ? ` (${t.mod})` : ''}`,
        fields: { type: t.type, value: t.value, mod: t.mod, range_start: t.range_start, range_end: t.range_end, anchor: t.anchor, rule: t.rule },
      })),
  },
  {
    name: 'sentiment',
    fieldNames: ['sentiment'],
    reportSpanOnly: false,
    items: (a) => {
      const per = sentenceLayer(a, 'sentiment');
      if (per === null) return null;
      const items: Item[] = [];
      if (a.sentiment !== undefined) items.push({ key: 'article', span: null, label: 'article sentiment', fields: {}, scores: { sentiment: a.sentiment }, value: a.sentiment });
      const keys = spanKeys(per, (p) => p.sentence);
      per.forEach((p, i) => items.push({
        key: keys[i]!,
        span: { start: p.sentence.start, end: p.sentence.end },
        label: `${sentenceLabel(p.sentence)} sentiment ${p.value}`,
        fields: {},
        scores: { sentiment: p.value },
        value: p.value,
      }));
      return items;
    },
  },
  {
    name: 'tension',
    fieldNames: ['index', 'score', 'label', 'modality', 'source', 'target', 'counts'],
    reportSpanOnly: false,
    items: (a) => {
      const per = sentenceLayer(a, 'tension');
      if (per === null) return null;
      const items: Item[] = [];
      const article = a.tension;
      if (article) {
        items.push({ key: 'article', span: null, label: `article tension ${article.label} ${article.index}`, fields: { label: article.label, counts: article.counts }, scores: { index: article.index }, value: article });
      }
      const keys = spanKeys(per, (p) => p.sentence);
      per.forEach((p, i) => {
        const { cues: _cues, ...t } = p.value;
        items.push({
          key: keys[i]!,
          span: { start: p.sentence.start, end: p.sentence.end },
          label: `${sentenceLabel(p.sentence)} tension ${t.label} ${t.score} (${actorText(t.source)} -> ${actorText(t.target)})`,
          fields: { label: t.label, modality: t.modality, source: actor(a, t.source), target: actor(a, t.target) },
          scores: { score: t.score },
          value: t,
        });
      });
      return items;
    },
  },
  {
    name: 'tension_cues',
    fieldNames: ['span', 'category', 'weight', 'negated', 'modality', 'source', 'target', 'rule'],
    reportSpanOnly: true,
    items: (a) => {
      const per = sentenceLayer(a, 'tension');
      if (per === null) return null;
      const cues = per.flatMap((p) => p.value.cues);
      return spanItems(cues, (c) => ({
        label: `${c.category} ${quote(c.text)} weight ${c.weight}${c.negated ? ' negated' : ''}`,
        fields: { category: c.category, negated: c.negated, modality: c.modality, source: actor(a, c.source), target: actor(a, c.target), rule: c.rule },
        scores: { weight: c.weight },
      }));
    },
  },
  {
    name: 'dyads',
    fieldNames: ['source_code', 'target_code', 'cues', 'mean_weight'],
    reportSpanOnly: true,
    items: (a) => {
      if (a.dyads === undefined) return null;
      return a.dyads.map((d) => ({
        key: `${d.source}->${d.target}`,
        span: null,
        label: `${d.source} -> ${d.target} (${d.cues} cues, mean weight ${d.mean_weight})`,
        fields: { source_code: d.source_code, target_code: d.target_code, cues: d.cues },
        scores: { mean_weight: d.mean_weight },
        value: d,
      }));
    },
  },
];

/** Fields that `--fail-on score` selects: every field compared with the tolerance. */
export const SCORE_FIELDS: ReadonlySet<string> = new Set(['sentiment', 'index', 'score', 'weight', 'mean_weight']);

export type { Json };
