import type { Actor, ArticleDoc, Sentence, SentenceTension, TensionCue, TensionEvent } from '../document/types.js';
import { alpha3Of } from '../entities/countries.js';
import { codePointConverter, type OffsetConverter } from '../document/offsets.js';
import type { ActorJson, ArticleJson, EventActorJson, EventJson, DiagnosticJson, JsonValue, SentenceJson, SentenceTensionJson, SpanJson } from './article-json-type.js';

export type { ArticleJson } from './article-json-type.js';

/** Bumped whenever a field changes meaning or shape; the JSON Schema in `schema/` follows it. */
export const SCHEMA_VERSION = 1;

/** Scores are rounded so that output bytes never depend on floating-point noise. */
export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * The article as written to `json/<id>.json`: fixed key order, snake_case keys, every offset in code
 * points. Layers of stages that did not run are absent, never empty placeholders.
 */
export function toArticleJson(doc: ArticleDoc): ArticleJson {
  const cp = codePointConverter(doc.text);
  const span = (s: { start: number; end: number; text: string }): SpanJson => ({ start: cp(s.start), end: cp(s.end), text: s.text });
  // `diagnostics` is set last so that it stays the last key, after the optional layers.
  const json: Omit<ArticleJson, 'diagnostics'> & Partial<Pick<ArticleJson, 'diagnostics'>> = {
    schemaVersion: SCHEMA_VERSION,
    id: doc.id,
    source_path: doc.sourcePath,
    metadata: sortedMetadata(doc.metadata),
    dct: doc.dct,
    dct_source: doc.dctSource,
    text: doc.text,
    headline: doc.headline ? span(doc.headline) : null,
    dateline: doc.dateline ? { start: cp(doc.dateline.start), end: cp(doc.dateline.end), text: doc.dateline.text, places: doc.dateline.places.map(span) } : null,
    paragraphs: doc.paragraphs.map((p, index) => ({ index, start: cp(p.start), end: cp(p.end) })),
    sentences: doc.sentences.map((s) => sentenceJson(s, cp)),
  };
  if (doc.entities) {
    // Literal objects, not spreads of span(): V8 builds `{ ...a, b }` on a slow path, and that was most of
    // this function's time.
    json.entities = doc.entities.map((m) => ({ start: cp(m.start), end: cp(m.end), text: m.text, type: m.type, entity_id: m.entityId, title: m.title, rule: m.rule }));
  }
  if (doc.entitySummary) {
    json.entity_summary = doc.entitySummary.map((e) => ({
      entity_id: e.entityId,
      canonical: e.canonical,
      type: e.type,
      country_code: e.countryCode,
      mentions: e.mentions,
      first_offset: cp(e.firstOffset),
    }));
  }
  if (doc.timexes) {
    json.timexes = doc.timexes.map((t) => ({
      start: cp(t.start),
      end: cp(t.end),
      text: t.text,
      type: t.type,
      value: t.value,
      mod: t.mod,
      range_start: t.rangeStart,
      range_end: t.rangeEnd,
      anchor: t.anchor,
      rule: t.rule,
    }));
  }
  if (doc.sentiment !== undefined) json.sentiment = round(doc.sentiment);
  if (doc.tension) {
    const counts: Record<string, number> = {};
    for (const key of Object.keys(doc.tension.counts).sort()) counts[key] = doc.tension.counts[key]!;
    json.tension = { index: round(doc.tension.index), label: doc.tension.label, counts };
  }
  if (doc.dyads) {
    json.dyads = doc.dyads.map((d) => ({
      source: d.source,
      source_code: d.sourceCode,
      target: d.target,
      target_code: d.targetCode,
      cues: d.cues,
      mean_weight: round(d.meanWeight),
      events: d.events,
      verbal_cooperation: d.quadCounts.verbal_cooperation,
      material_cooperation: d.quadCounts.material_cooperation,
      verbal_conflict: d.quadCounts.verbal_conflict,
      material_conflict: d.quadCounts.material_conflict,
      mean_goldstein: d.meanGoldstein === null ? null : round(d.meanGoldstein),
    }));
  }
  json.diagnostics = doc.diagnostics.map((d) => {
    const entry: { -readonly [K in keyof DiagnosticJson]: DiagnosticJson[K] } = { stage: d.stage, message: d.message };
    if (d.span) {
      entry.start = cp(d.span.start);
      entry.end = cp(d.span.end);
    }
    return entry;
  });
  return json as ArticleJson;
}

function sentenceJson(s: Sentence, cp: OffsetConverter): SentenceJson {
  const json: SentenceJson = { index: s.index, start: cp(s.start), end: cp(s.end), text: s.text, paragraph: s.paragraph };
  if (s.sentiment !== undefined) json.sentiment = round(s.sentiment);
  if (s.tension) json.tension = tensionJson(s.tension, cp);
  return json;
}

function tensionJson(t: SentenceTension, cp: OffsetConverter): SentenceTensionJson {
  return {
    score: round(t.score),
    label: t.label,
    decision: t.decision,
    modality: t.modality,
    source: actorJson(t.source),
    target: actorJson(t.target),
    cues: t.cues.map((c: TensionCue) => ({
      start: cp(c.start),
      end: cp(c.end),
      text: c.text,
      category: c.category,
      weight: round(c.weight),
      negated: c.negated,
      modality: c.modality,
      source: actorJson(c.source),
      target: actorJson(c.target),
      factors: [...c.factors] as SentenceTensionJson['cues'][number]['factors'],
      rule: c.rule,
    })),
    events: t.events.map((e) => eventJson(e, cp)),
  };
}

function eventJson(e: TensionEvent, cp: OffsetConverter): EventJson {
  return {
    start: cp(e.start),
    end: cp(e.end),
    text: e.text,
    plover_type: e.ploverType,
    cameo_root: e.cameoRoot,
    goldstein: e.goldstein,
    quad: e.quad,
    source: eventActorJson(e.source),
    target: eventActorJson(e.target),
    modality: e.modality,
    reciprocal: e.reciprocal,
    background: e.background,
    event_date: e.eventDate,
    range_start: e.rangeStart,
    range_end: e.rangeEnd,
    date_source: e.dateSource,
    rule: e.rule,
  };
}

/** An event's actor with both ISO 3166-1 codes, as GDELT/ICEWS/POLECAT key countries by alpha-3. */
function eventActorJson(actor: Actor | null): EventActorJson {
  return actor ? { entity_id: actor.entityId, text: actor.text, country_code: actor.countryCode, country_alpha3: actor.countryCode ? alpha3Of(actor.countryCode) : null } : null;
}

function actorJson(actor: Actor | null): ActorJson {
  return actor ? { entity_id: actor.entityId, text: actor.text, country_code: actor.countryCode } : null;
}

function sortedMetadata(metadata: Readonly<Record<string, unknown>>): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(metadata).sort()) out[key] = toJson(metadata[key]);
  return out;
}

function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') return sortedMetadata(value as Record<string, unknown>);
  return String(value);
}

export { serializeArticleJson } from './serialize-article-json.js';
