import { pipelineConfigSchema, type PipelineConfig } from '../config/schema.js';
import { parseArticleBytes, type IngestError } from '../ingest/corpus.js';
import type { ArticleJson } from '../output/article-json.js';
import { ingestOptions } from './ingest-options.js';
import { processArticle } from './process-article.js';

export interface AnnotateOptions {
  /** A validated config (`loadConfig`, `validateConfig`); the defaults when absent. */
  readonly config?: PipelineConfig;
  /** Publication date, YYYY-MM-DD: it replaces the article's own (`dct_source` becomes `config`). */
  readonly publicationDate?: string;
}

export type AnnotateResult = { readonly ok: true; readonly json: ArticleJson } | { readonly ok: false; readonly error: IngestError };

/**
 * Analyzes one article given as bytes, as a corpus run would analyze a file of that name: `name` gives
 * the format by its extension (`.txt`, `.md`, `.json`; see the README's Input) and the article id when the
 * metadata has none. Returns its published JSON, or why the input was rejected (the reason `errors.csv`
 * would give). Throws only on a malformed `publicationDate`, a caller's mistake.
 */
export function annotateBytes(bytes: Uint8Array, name: string, options: AnnotateOptions = {}): AnnotateResult {
  const { publicationDate } = options;
  if (publicationDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(publicationDate)) {
    throw new RangeError(`article-pipeline: annotateBytes: publicationDate must be written YYYY-MM-DD, got "${publicationDate}"`);
  }
  const config = options.config ?? pipelineConfigSchema.parse({});
  const ingest = ingestOptions({ ...config, defaults: { publicationDate: publicationDate ?? config.defaults.publicationDate } });
  const parsed = parseArticleBytes(bytes, { id: '', relPath: name, line: null, byteStart: 0, byteEnd: bytes.length }, ingest, false);
  if (!parsed.ok) return parsed;
  const raw = publicationDate ? { ...parsed.article, dct: publicationDate, dctSource: 'config' as const } : parsed.article;
  return { ok: true, json: processArticle(raw, config) };
}
