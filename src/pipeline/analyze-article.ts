import type { ArticleDoc } from '../document/types.js';
import type { PipelineConfig } from '../config/schema.js';
import { createDocument } from '../segment/create-document.js';
import { normalizeDates } from '../dates/index.js';
import { extractEntities } from '../entities/index.js';
import { scoreSentiment } from '../sentiment/index.js';
import { scoreTension } from '../tension/index.js';

/**
 * The stage order is the design, and each stage's input type names the layers it reads, so the compiler
 * checks it: segment first (every stage reads its sentences and tokens); entities before tension, because
 * tension needs its actors; sentiment before tension, whose negative-tone cue reads each sentence's
 * sentiment; dates are independent of the others. A disabled stage leaves its layer absent.
 */
export interface ArticleInput {
  readonly id: string;
  /** Stored text: already normalized (LF line ends, NFC), as `parseArticleBytes` gives it. */
  readonly text: string;
  readonly dct?: string | null;
  readonly dctSource?: ArticleDoc['dctSource'];
  readonly metadata?: ArticleDoc['metadata'];
  readonly sourcePath?: string;
  /** Ingest findings that did not reject the article (e.g. a language warning). */
  readonly warnings?: readonly string[];
}

export function analyzeArticle(raw: ArticleInput, config: PipelineConfig): ArticleDoc {
  const input = { id: raw.id, text: raw.text, dct: raw.dct, dctSource: raw.dctSource, metadata: raw.metadata, sourcePath: raw.sourcePath };
  const segmented = createDocument(input, { maxSentenceTokens: config.limits.maxSentenceTokens });
  const doc: ArticleDoc = raw.warnings && raw.warnings.length > 0 ? { ...segmented, diagnostics: [...raw.warnings.map((message) => ({ stage: 'ingest' as const, message })), ...segmented.diagnostics] } : segmented;
  const withEntities = config.stages.entities ? extractEntities(doc, config.entities) : doc;
  const withDates = config.stages.dates ? normalizeDates(withEntities, config.dates) : withEntities;
  if (!config.stages.sentiment) {
    // The config schema refuses tension without sentiment; this guards a config built around it.
    if (config.stages.tension) throw new Error('article-pipeline: stages.tension needs stages.sentiment (validate the config with validateConfig)');
    return withDates;
  }
  const withSentiment = scoreSentiment(withDates, config.sentiment);
  return config.stages.tension ? scoreTension(withSentiment, config.tension) : withSentiment;
}
