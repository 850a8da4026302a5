import type { ArticleDoc } from '../document/types.js';
import type { RawArticle } from '../ingest/corpus.js';
import type { PipelineConfig } from '../config/schema.js';
import { createDocument } from './create-document.js';

/**
 * The stage order is the design:
 * segment first (every stage reads its sentences and tokens); entities before tension, because
 * tension needs its actors; dates are independent of both. A disabled stage leaves its layer absent.
 */
export function analyzeArticle(raw: RawArticle, config: PipelineConfig): ArticleDoc {
  const segmented = createDocument({
    id: raw.id,
    text: raw.text,
    dct: raw.dct,
    dctSource: raw.dctSource,
    metadata: raw.metadata,
    sourcePath: raw.sourcePath,
  });
  const doc: ArticleDoc = raw.warnings.length > 0 ? { ...segmented, diagnostics: raw.warnings.map((message) => ({ stage: 'ingest', message })) } : segmented;
  void config;
  return doc;
}
