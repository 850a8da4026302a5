import type { PipelineConfig } from '../config/schema.js';
import { toArticleJson, type ArticleJson } from '../output/article-json.js';
import { analyzeArticle, type ArticleInput } from './analyze-article.js';

/**
 * Analyzes one article and returns its published JSON; throws only on programmer errors.
 * A module of its own so that what only runs a corpus (the CLI's `run`, an unchanged rerun, the main
 * thread while workers analyze) need not load the models: import it where one article is analyzed.
 */
export function processArticle(raw: ArticleInput, config: PipelineConfig): ArticleJson {
  return toArticleJson(analyzeArticle(raw, config));
}
