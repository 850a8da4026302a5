/**
 * What the diff compares, layer by layer, as data: each layer turns one published article JSON
 * (the shape `toArticleJson` writes) into a flat list of comparable items.
 *
 * An item is matched across the two sides by its `key` (its span for span layers, an id otherwise).
 * Unmatched items with spans are then paired by overlap, so "Gustavo Petro" growing into
 * "President Gustavo Petro" reads as one changed span rather than a removal and an addition.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A published article JSON, read back from disk: nothing about its shape is trusted. */
export type ArticleJsonValue = { readonly [key: string]: Json | undefined };

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
  readonly items: (article: ArticleJsonValue) => Item[] | null;
}

const asArray = (value: Json | undefined): Json[] | null => (Array.isArray(value) ? value : null);
const asObject = (value: Json | undefined): { [key: string]: Json } | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null);
const num = (value: Json | undefined): number => (typeof value === 'number' ? value : Number.NaN);
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

function spanItems(
  list: Json[] | null,
  describe: (o: { [key: string]: Json }) => { label: string; fields: Record<string, Json>; scores?: Record<string, number> },
): Item[] | null {
  if (list === null) return null;
  const objects = list.map(asObject).filter((o): o is { [key: string]: Json } => o !== null);
  const keys = spanKeys(objects, (o) => ({ start: num(o.start), end: num(o.end) }));
  return objects.map((o, i) => {
    const d = describe(o);
    return { key: keys[i]!, span: { start: num(o.start), end: num(o.end) }, label: d.label, fields: d.fields, scores: d.scores ?? {}, value: o };
  });
}

/**
 * Entity ids are numbered per article ("e1", "e2", ...), so one mention found or lost earlier would
 * renumber every later entity. The diff compares entities by their canonical name instead.
 */
const canonicalCache = new WeakMap<ArticleJsonValue, Map<string, string>>();
function canonicalNames(article: ArticleJsonValue): Map<string, string> {
  let names = canonicalCache.get(article);
  if (!names) {
    names = new Map();
    for (const e of asArray(article.entity_summary) ?? []) {
      const o = asObject(e);
      if (o && typeof o.entity_id === 'string' && typeof o.canonical === 'string') names.set(o.entity_id, o.canonical);
    }
    canonicalCache.set(article, names);
  }
  return names;
}
/** The canonical name of an entity id; null without a summary entry (a bare id means nothing across runs). */
const entityName = (article: ArticleJsonValue, id: Json | undefined): Json => (typeof id === 'string' ? canonicalNames(article).get(id) ?? null : null);

/** An actor as one readable value: `Gustavo Petro (CO)`, or `Colombian = Colombia (CO)` when the words differ from the entity. */
const actor = (article: ArticleJsonValue, value: Json | undefined): Json => {
  const o = asObject(value);
  if (!o) return null;
  const entity = entityName(article, o.entity_id);
  const text = str(o.text);
  const name = typeof entity === 'string' && entity !== text ? `${text} = ${entity}` : text;
  return typeof o.country_code === 'string' ? `${name} (${o.country_code})` : name;
};
const actorText = (value: Json | undefined): string => {
  const o = asObject(value);
  return o ? str(o.text) : '-';
};

function sentencesOf(article: ArticleJsonValue): Array<{ [key: string]: Json }> {
  return (asArray(article.sentences) ?? []).map(asObject).filter((o): o is { [key: string]: Json } => o !== null);
}

/** Per-sentence entries of a layer that lives inside `sentences`; null when no sentence carries it. */
function sentenceLayer(article: ArticleJsonValue, field: string): Array<{ sentence: { [key: string]: Json }; value: Json }> | null {
  const sentences = sentencesOf(article);
  const carrying = sentences.filter((s) => s[field] !== undefined);
  if (carrying.length === 0 && article[field] === undefined) return null;
  return carrying.map((sentence) => ({ sentence, value: sentence[field]! }));
}

const sentenceLabel = (s: { [key: string]: Json }): string => `sentence ${str(s.index)}`;

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
        label: `article ${quote(str(a.id))}`,
        fields: {
          text: a.text ?? null,
          dct: a.dct ?? null,
          dct_source: a.dct_source ?? null,
          metadata: a.metadata ?? null,
          source_path: a.source_path ?? null,
          schemaVersion: a.schemaVersion ?? null,
          headline: asObject(a.headline)?.text ?? null,
          // Texts only: offsets move with any text edit, and paragraph structure shows in each sentence's paragraph.
          dateline: asObject(a.dateline) ? { text: asObject(a.dateline)!.text ?? null, places: (asArray(asObject(a.dateline)!.places) ?? []).map((p) => asObject(p)?.text ?? null) } : null,
          diagnostics: a.diagnostics ?? null,
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
    items: (a) => spanItems(asArray(a.sentences), (s) => ({ label: `${sentenceLabel(s)} ${quote(str(s.text))}`, fields: { paragraph: s.paragraph ?? null } })),
  },
  {
    name: 'entities',
    fieldNames: ['span', 'type', 'entity', 'title', 'rule'],
    reportSpanOnly: true,
    items: (a) =>
      spanItems(asArray(a.entities), (m) => ({
        label: `${str(m.type)} ${quote(str(m.text))}${entityName(a, m.entity_id) === null ? '' : ` = ${str(entityName(a, m.entity_id))}`}`,
        fields: { type: m.type ?? null, entity: entityName(a, m.entity_id), title: m.title ?? null, rule: m.rule ?? null },
      })),
  },
  {
    name: 'entity_summary',
    fieldNames: ['type', 'country_code', 'mentions'],
    reportSpanOnly: true,
    items: (a) => {
      const list = asArray(a.entity_summary);
      if (list === null) return null;
      const seen = new Map<string, number>();
      return list.map(asObject).filter((o): o is { [key: string]: Json } => o !== null).map((e) => {
        // Keyed by canonical name (ids are positional); two entities of one name get an occurrence number.
        const name = str(e.canonical);
        const n = seen.get(name) ?? 0;
        seen.set(name, n + 1);
        return {
          key: n === 0 ? name : `${name}#${n}`,
          span: null,
          label: `${str(e.type)} ${quote(name)} (${str(e.mentions)} mentions${e.country_code ? `, ${str(e.country_code)}` : ''})`,
          fields: { type: e.type ?? null, country_code: e.country_code ?? null, mentions: e.mentions ?? null },
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
      spanItems(asArray(a.timexes), (t) => ({
        label: `${str(t.type)} ${quote(str(t.text))} = ${str(t.value)}${t.mod ? ` (${str(t.mod)})` : ''}`,
        fields: { type: t.type ?? null, value: t.value ?? null, mod: t.mod ?? null, range_start: t.range_start ?? null, range_end: t.range_end ?? null, anchor: t.anchor ?? null, rule: t.rule ?? null },
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
      if (a.sentiment !== undefined) items.push({ key: 'article', span: null, label: 'article sentiment', fields: {}, scores: { sentiment: num(a.sentiment) }, value: a.sentiment });
      const keys = spanKeys(per, (p) => ({ start: num(p.sentence.start), end: num(p.sentence.end) }));
      per.forEach((p, i) => items.push({
        key: keys[i]!,
        span: { start: num(p.sentence.start), end: num(p.sentence.end) },
        label: `${sentenceLabel(p.sentence)} sentiment ${str(p.value)}`,
        fields: {},
        scores: { sentiment: num(p.value) },
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
      const article = asObject(a.tension);
      if (article) {
        items.push({ key: 'article', span: null, label: `article tension ${str(article.label)} ${str(article.index)}`, fields: { label: article.label ?? null, counts: article.counts ?? null }, scores: { index: num(article.index) }, value: article });
      }
      const keys = spanKeys(per, (p) => ({ start: num(p.sentence.start), end: num(p.sentence.end) }));
      per.forEach((p, i) => {
        const { cues: _cues, ...t } = asObject(p.value) ?? {};
        items.push({
          key: keys[i]!,
          span: { start: num(p.sentence.start), end: num(p.sentence.end) },
          label: `${sentenceLabel(p.sentence)} tension ${str(t.label)} ${str(t.score)} (${actorText(t.source)} -> ${actorText(t.target)})`,
          fields: { label: t.label ?? null, modality: t.modality ?? null, source: actor(a, t.source), target: actor(a, t.target) },
          scores: { score: num(t.score) },
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
      const cues = per.flatMap((p) => asArray(asObject(p.value)?.cues) ?? []);
      return spanItems(cues, (c) => ({
        label: `${str(c.category)} ${quote(str(c.text))} weight ${str(c.weight)}${c.negated === true ? ' negated' : ''}`,
        fields: { category: c.category ?? null, negated: c.negated ?? null, modality: c.modality ?? null, source: actor(a, c.source), target: actor(a, c.target), rule: c.rule ?? null },
        scores: { weight: num(c.weight) },
      }));
    },
  },
  {
    name: 'dyads',
    fieldNames: ['source_code', 'target_code', 'cues', 'mean_weight'],
    reportSpanOnly: true,
    items: (a) => {
      const list = asArray(a.dyads);
      if (list === null) return null;
      return list.map(asObject).filter((o): o is { [key: string]: Json } => o !== null).map((d) => ({
        key: `${str(d.source)}->${str(d.target)}`,
        span: null,
        label: `${str(d.source)} -> ${str(d.target)} (${str(d.cues)} cues, mean weight ${str(d.mean_weight)})`,
        fields: { source_code: d.source_code ?? null, target_code: d.target_code ?? null, cues: d.cues ?? null },
        scores: { mean_weight: num(d.mean_weight) },
        value: d,
      }));
    },
  },
];

/** Fields that `--fail-on score` selects: every field compared with the tolerance. */
export const SCORE_FIELDS: ReadonlySet<string> = new Set(['sentiment', 'index', 'score', 'weight', 'mean_weight']);

export type { Json };
