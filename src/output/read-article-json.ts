import { articleJsonSchema, type ArticleJson } from './article-json-type.js';

export type ArticleJsonResult = { ok: true; article: ArticleJson } | { ok: false; reason: string };

/**
 * The one reader of published article JSON (`json/<id>.json`): parses the text and checks it against the
 * output contract, so each consumer reads typed fields instead of re-checking shapes. The reason of a
 * refusal names the first offending key paths (`sentences.3.tension.cues.0.weight: ...`); callers add
 * the file name.
 */
export function readArticleJson(jsonText: string): ArticleJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  return checkArticleJson(value);
}

/** `readArticleJson` for a value already parsed. */
export function checkArticleJson(value: unknown): ArticleJsonResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' };
  const checked = articleJsonSchema.safeParse(value);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    const more = checked.error.issues.length > 3 ? ` (and ${checked.error.issues.length - 3} more)` : '';
    return { ok: false, reason: `not an article JSON of schemaVersion 1: ${issues.join('; ')}${more}` };
  }
  // The value as parsed, not zod's copy: key order and keys a newer writer added are kept, so a diff
  // or report shows the article exactly as published.
  return { ok: true, article: value as ArticleJson };
}
