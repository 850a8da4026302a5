/**
 * Library API. The CLI (`src/cli.ts`) is just another caller of these functions.
 *
 * @example
 * const loaded = loadConfig('pipeline.config.json');
 * if (loaded.ok) await analyzeCorpus(loaded.value);
 */
export { loadConfig, validateConfig } from './config/load.js';
export type { LoadedConfig, ConfigResult } from './config/load.js';
export { pipelineConfigSchema } from './config/schema.js';
export type { PipelineConfig } from './config/schema.js';
export { analyzeArticle } from './pipeline/analyze-article.js';
export type { ArticleInput } from './pipeline/analyze-article.js';
export { analyzeCorpus, RunSetupError } from './pipeline/analyze-corpus.js';
export { aggregateOutputs } from './pipeline/aggregate.js';
export type { AggregateSummary } from './pipeline/aggregate.js';
export { processArticle } from './pipeline/process-article.js';
export { annotateBytes } from './pipeline/annotate-bytes.js';
export type { AnnotateOptions, AnnotateResult } from './pipeline/annotate-bytes.js';
export type { RunOptions, RunSummary } from './pipeline/analyze-corpus.js';
export { createDocument } from './segment/create-document.js';
export { parseArticleBytes } from './ingest/corpus.js';
export type { RawArticle, IngestError } from './ingest/corpus.js';
export { toArticleJson, serializeArticleJson, SCHEMA_VERSION } from './output/article-json.js';
export { readArticleJson, checkArticleJson } from './output/read-article-json.js';
export type { ArticleJsonResult } from './output/read-article-json.js';
export { articleJsonSchema } from './output/article-json-type.js';
export type * from './output/article-json-type.js';
export { articleTables as toCsvTables, CSV_COLUMNS } from './output/csv-tables.js';
export { writeReport } from './report/index.js';
export type * from './document/types.js';
