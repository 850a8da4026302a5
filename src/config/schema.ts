import { z } from 'zod';
import { datesConfigSchema } from '../dates/config.js';
import { entitiesConfigSchema } from '../entities/config.js';
import { sentimentConfigSchema } from '../sentiment/config.js';
import { DEFAULT_HTML_OPTIONS, TABLE_FIELDS, type TableField } from '../ingest/options.js';
import { JSON_LAYOUTS, type JsonLayout } from '../output/json-layouts.js';
import { tensionConfigSchema } from '../tension/config.js';

/**
 * The whole `pipeline.config.json`. Every key has its default here and only here; the README's config
 * table documents the same keys. Unknown keys are errors (`strict`), so a typo never passes silently.
 */
export const coreConfigShape = {
  /** Corpus folder, relative to the config file. */
  corpus: z.string().min(1).default('corpus'),
  /** Output folder, relative to the config file. */
  output: z.string().min(1).default('output'),
  stages: z
    .object({
      entities: z.boolean().default(true),
      dates: z.boolean().default(true),
      sentiment: z.boolean().default(true),
      /** Needs `sentiment`: its negative-tone cue reads each sentence's sentiment. */
      tension: z.boolean().default(true),
    })
    .strict()
    .refine((stages) => stages.sentiment || !stages.tension, {
      message: 'the tension stage needs the sentiment stage (its negative-tone cue reads each sentence\'s sentiment): set stages.sentiment to true or stages.tension to false',
    })
    .prefault({}),
  defaults: z
    .object({
      /** Publication date for articles whose metadata has none (YYYY-MM-DD), or null. */
      publicationDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date written YYYY-MM-DD')
        .nullable()
        .default(null),
    })
    .strict()
    .prefault({}),
  ingest: z
    .object({
      /** Largest article accepted, in bytes: a file, a jsonl line, a CSV row, an HTML page (decompressed for .gz). */
      maxBytes: z.number().int().positive().default(2_000_000),
      html: z
        .object({
          /** Shortest article text accepted from an HTML page, in characters (code points), headline not counted. */
          minChars: z.number().int().nonnegative().default(DEFAULT_HTML_OPTIONS.minChars),
        })
        .strict()
        .prefault({}),
      table: z
        .object({
          /** Header of the column holding each field of a CSV/TSV row; null: recognized from common names. */
          columns: z
            .object(Object.fromEntries(TABLE_FIELDS.map((field) => [field, z.string().min(1).nullable().default(null)])) as Record<TableField, z.ZodDefault<z.ZodNullable<z.ZodString>>>)
            .strict()
            .prefault({}),
        })
        .strict()
        .prefault({}),
    })
    .strict()
    .prefault({}),
  language: z
    .object({
      /** reject: non-English articles become errors; warn: processed with a diagnostic; off: not checked. */
      policy: z.enum(['reject', 'warn', 'off']).default('reject'),
      /** Detector confidence (0..1) needed before an article is called non-English. */
      minConfidence: z.number().min(0).max(1).default(0.6),
      /** Articles with fewer words are never rejected: detection on short text is unreliable. */
      minWords: z.number().int().nonnegative().default(12),
    })
    .strict()
    .prefault({}),
  outputs: z
    .object({
      /**
       * Where the article JSON goes (src/output/json-store.ts): `files` json/<id>.json, `sharded`
       * json/<2 hex>/<id>.json, `jsonl` gzip JSON Lines shards of 10,000 articles with an index, `none`.
       * `true` and `false`, this key's values before layouts existed, mean `files` and `none`.
       */
      json: z
        .union([z.enum(JSON_LAYOUTS), z.boolean().transform((on): JsonLayout => (on ? 'files' : 'none'))], {
          error: `expected one of ${JSON_LAYOUTS.map((l) => `"${l}"`).join(', ')}`,
        })
        .default('files'),
      csv: z.boolean().default(true),
      report: z.boolean().default(true),
      /** Every CSV table also as `parquet/<table>.parquet` (typed columns, zstd). Needs `csv`. */
      parquet: z.boolean().default(false),
      /** `corpus.duckdb`: every table, typed, plus joined views. Needs `csv`. */
      duckdb: z.boolean().default(false),
    })
    .strict()
    .refine((o) => o.csv || (!o.parquet && !o.duckdb), { message: 'outputs.parquet and outputs.duckdb are built from the CSV tables: they need outputs.csv true' })
    .prefault({}),
  limits: z
    .object({
      /**
       * Longest sentence (in tokens) analyzed whole; a longer one is split at clause boundaries or fixed
       * windows, with a diagnostic on the article, so every stage's work per sentence stays bounded.
       */
      maxSentenceTokens: z.number().int().min(20).default(300),
      /**
       * Time budget per article in seconds: an article still running after it is stopped (its worker
       * thread is terminated and replaced) and recorded in errors.csv. 0 turns the budget off.
       */
      articleSeconds: z.number().nonnegative().default(10),
    })
    .strict()
    .prefault({}),
  aggregate: z
    .object({
      /** Period of dyad_series.csv: day, ISO week (Monday first) or calendar month. */
      period: z.enum(['day', 'week', 'month']).default('month'),
      /** Date bases of dyad_series.csv: events on their own date, on their article's publication date, or both. */
      basis: z.enum(['both', 'event', 'published']).default('both'),
      /** Count each story (a cluster of near-duplicate articles) once in the series; raw counts stay beside. */
      dedupe: z.boolean().default(true),
      /** Estimated Jaccard of 5-word shingles at or above which two articles are copies of one story. */
      duplicateThreshold: z.number().gt(0).max(1).default(0.4),
    })
    .strict()
    .prefault({}),
  /** Worker threads; 0 means one per CPU core. */
  concurrency: z.number().int().nonnegative().default(0),
  /**
   * Distributed runs (`run --queue`, `worker`, src/distributed). The coordinator's values apply to every
   * worker of its run. Defaults suit articles that take milliseconds: a worker killed mid-job loses its
   * lock after `lockDurationMs` and the next stalled check (every `stalledIntervalMs`) hands the job on.
   */
  queue: z
    .object({
      /** Articles per job: enough that the queue's round trips stay small next to the analysis. */
      batchSize: z.number().int().positive().max(1000).default(8),
      /** Attempts per job before its articles are recorded in errors.csv. */
      attempts: z.number().int().positive().max(100).default(3),
      /** Delay before the first retry, doubled at each further one. */
      backoffMs: z.number().int().nonnegative().default(200),
      /** How long a worker's hold on a job lasts unless renewed (renewed every half of it while alive). */
      lockDurationMs: z.number().int().min(500).default(5000),
      /** How often workers look for jobs whose holder died. */
      stalledIntervalMs: z.number().int().min(200).default(2000),
      /** Times a job may lose its worker before it counts as failed. */
      maxStalledCount: z.number().int().nonnegative().default(2),
    })
    .strict()
    .prefault({}),
};

export const pipelineConfigSchema = z
  .object({
    ...coreConfigShape,
    entities: entitiesConfigSchema.prefault({}),
    dates: datesConfigSchema.prefault({}),
    sentiment: sentimentConfigSchema.prefault({}),
    tension: tensionConfigSchema.prefault({}),
  })
  .strict();

/** The validated config; paths are still as written (relative to the config file). */
export type PipelineConfig = z.infer<typeof pipelineConfigSchema>;
