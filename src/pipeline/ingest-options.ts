import type { PipelineConfig } from '../config/schema.js';
import type { IngestOptions } from '../ingest/corpus.js';

/** The settings the ingest step reads, from the validated config. */
export function ingestOptions(config: PipelineConfig): IngestOptions {
  const { maxBytes, html, table } = config.ingest;
  return { maxBytes, html, table, defaultPublicationDate: config.defaults.publicationDate, language: config.language };
}
