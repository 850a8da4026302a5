import { z } from 'zod';

/**
 * The output contract: the shape of `json/<id>.json`, written by `toArticleJson` and read back by every
 * consumer (CSV rows, the HTML report, `diff`/`check`) through `readArticleJson`. The TypeScript types are
 * inferred from this zod schema, so the writer, the readers and the validation cannot drift apart; a test
 * (test/core/article-contract.test.ts) checks it field by field against `schema/article.schema.json`.
 *
 * Every start/end is a Unicode code point offset into `text` (Python's `text[start:end]`), end exclusive.
 * Keys are snake_case. Layers of stages that did not run are absent, never empty placeholders.
 */

/** Any JSON value (metadata is passed through as given). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
const jsonValue: z.ZodType<JsonValue> = z.lazy(() => z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(jsonValue), z.record(z.string(), jsonValue)])).meta({ id: 'JsonValue' });

const offset = z.number().int().min(0);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);
const countryCode = z.string().regex(/^[A-Z]{2}$/u).nullable();
const entityType = z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC']);
const modality = z.enum(['asserted', 'future', 'hypothetical', 'reported']);
const tensionLabel = z.enum(['escalation', 'de-escalation', 'neutral']);

const spanJson = z.object({ start: offset, end: offset, text: z.string() });

const actorJson = z.object({ entity_id: z.string().nullable(), text: z.string(), country_code: countryCode }).nullable();

const tensionCueJson = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  category: z.string(),
  weight: z.number().min(-10).max(10),
  negated: z.boolean(),
  modality,
  source: actorJson,
  target: actorJson,
  /** What changed the cue's weight, by id (src/tension: negated, background, secondary, ...). */
  factors: z.array(z.enum(['negated', 'denied', 'rejected', 'eased', 'background', 'unattributed', 'secondary', 'demanded', 'demanded-of-actor', 'future', 'hypothetical', 'reported'])),
  rule: z.string(),
});

/** An event's actor with both ISO 3166-1 codes (GDELT/ICEWS/POLECAT key countries by alpha-3). */
const eventActorJson = z
  .object({ entity_id: z.string().nullable(), text: z.string(), country_code: countryCode, country_alpha3: z.string().regex(/^[A-Z]{3}$/u).nullable() })
  .nullable();

const eventJson = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  plover_type: z.enum(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'INVESTIGATE', 'DEMAND', 'DISAPPROVE', 'REJECT', 'THREATEN', 'SANCTION', 'PROTEST', 'MOBILIZE', 'COERCE', 'ASSAULT', 'FIGHT']).nullable(),
  cameo_root: z.string().regex(/^(0[1-9]|1[0-9]|20)$/u),
  goldstein: z.number().min(-10).max(10),
  quad: z.enum(['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict', 'none']),
  source: eventActorJson,
  target: eventActorJson,
  modality: z.enum(['asserted', 'negated', 'future', 'conditional', 'reported', 'demanded']),
  reciprocal: z.boolean(),
  background: z.boolean(),
  event_date: z.string().nullable(),
  range_start: isoDate.nullable(),
  range_end: isoDate.nullable(),
  date_source: z.enum(['timex', 'dct']).nullable(),
  rule: z.string(),
});

const sentenceTensionJson = z.object({
  score: z.number(),
  label: tensionLabel,
  decision: z.enum(['model', 'rules']),
  modality,
  source: actorJson,
  target: actorJson,
  cues: z.array(tensionCueJson),
  events: z.array(eventJson),
});

const sentenceJson = z.object({
  index: z.number().int().min(0),
  start: offset,
  end: offset,
  text: z.string(),
  paragraph: z.number().int().min(0),
  /** Present when the sentiment was computed. */
  sentiment: z.number().min(-1).max(1).optional(),
  /** Present when the tension stage ran. */
  tension: sentenceTensionJson.optional(),
});

const entityMentionJson = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  type: entityType,
  entity_id: z.string(),
  title: z.string().nullable(),
  rule: z.string(),
});

const entitySummaryJson = z.object({
  entity_id: z.string(),
  canonical: z.string(),
  type: entityType,
  country_code: countryCode,
  mentions: z.number().int().min(1),
  first_offset: offset,
});

const timexJson = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
  value: z.string().min(1),
  mod: z.string().nullable(),
  range_start: isoDate.nullable(),
  range_end: isoDate.nullable(),
  anchor: z.enum(['dct', 'previous', 'none']),
  rule: z.string(),
});

const dyadJson = z.object({
  source: z.string(),
  source_code: countryCode,
  target: z.string(),
  target_code: countryCode,
  cues: z.number().int().min(0),
  mean_weight: z.number(),
  events: z.number().int().min(0),
  verbal_cooperation: z.number().int().min(0),
  material_cooperation: z.number().int().min(0),
  verbal_conflict: z.number().int().min(0),
  material_conflict: z.number().int().min(0),
  mean_goldstein: z.number().nullable(),
});

const diagnosticJson = z.object({ stage: z.string(), message: z.string(), start: offset.optional(), end: offset.optional() });

export const articleJsonSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  source_path: z.string(),
  metadata: z.record(z.string(), jsonValue),
  dct: isoDate.nullable(),
  dct_source: z.enum(['metadata', 'config', 'none']),
  text: z.string(),
  headline: spanJson.nullable(),
  dateline: spanJson.extend({ places: z.array(spanJson) }).nullable(),
  paragraphs: z.array(z.object({ index: z.number().int(), start: offset, end: offset })),
  sentences: z.array(sentenceJson),
  entities: z.array(entityMentionJson).optional(),
  entity_summary: z.array(entitySummaryJson).optional(),
  timexes: z.array(timexJson).optional(),
  sentiment: z.number().min(-1).max(1).optional(),
  tension: z.object({ index: z.number(), label: tensionLabel, counts: z.record(z.string(), z.number().int().min(0)) }).optional(),
  dyads: z.array(dyadJson).optional(),
  diagnostics: z.array(diagnosticJson),
});

export type ArticleJson = z.infer<typeof articleJsonSchema>;
export type SpanJson = z.infer<typeof spanJson>;
export type ActorJson = z.infer<typeof actorJson>;
export type TensionCueJson = z.infer<typeof tensionCueJson>;
export type EventJson = z.infer<typeof eventJson>;
export type EventActorJson = z.infer<typeof eventActorJson>;
export type SentenceTensionJson = z.infer<typeof sentenceTensionJson>;
export type SentenceJson = z.infer<typeof sentenceJson>;
export type EntityMentionJson = z.infer<typeof entityMentionJson>;
export type EntitySummaryJson = z.infer<typeof entitySummaryJson>;
export type TimexJson = z.infer<typeof timexJson>;
export type DyadJson = z.infer<typeof dyadJson>;
export type DiagnosticJson = z.infer<typeof diagnosticJson>;
