import type { ArticleJson } from './article-json-type.js';

/**
 * Pretty-printed with a fixed key order, so a changed annotation is a few changed lines in a diff.
 * A module of its own: the JSON store (src/output/json-store.ts) writes it in the main thread, which
 * need not load the writer `toArticleJson` and what it imports.
 */
export function serializeArticleJson(json: ArticleJson): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}
