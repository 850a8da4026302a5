import { readFileSync } from 'node:fs';
import { validateConfig } from '../../src/config/load.js';
import type { PipelineConfig } from '../../src/config/schema.js';
import { parseArticleBytes } from '../../src/ingest/corpus.js';
import type { ArticleJson } from '../../src/output/article-json.js';
import type { TimexJson } from '../../src/output/article-json-type.js';
import { ingestOptions } from '../../src/pipeline/analyze-corpus.js';
import { processArticle } from '../../src/pipeline/process-article.js';

export const SEED_TEXT = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');

/** An English article whose title and body contain markup that must be shown as text. */
export const SCRIPT_ARTICLE = [
  '---',
  'id: script-article',
  'title: "Embassy site shows <script>alert(1)</script> & <b>bold</b> tags"',
  'date: 2026-02-20',
  '---',
  'Embassy Website Shows Raw Code',
  '',
  'LIMA — The Peruvian foreign ministry said on Friday that its website had shown the text <script>alert("x")</script> to visitors for two hours, and officials in Lima condemned what they called an attack by hackers linked to a rival government.',
  '',
  'The minister said talks with the United States on cyber security would resume in March.',
  '',
].join('\n');

export function defaultConfig(overrides: Record<string, unknown> = {}): PipelineConfig {
  const result = validateConfig(overrides, null);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value.config;
}

/** The published JSON of an article file's content, as `run` writes it. */
export function articleJson(content: string, relPath: string, config: PipelineConfig = defaultConfig()): ArticleJson {
  const bytes = Buffer.from(content, 'utf8');
  const parsed = parseArticleBytes(bytes, { id: '', relPath, line: null, byteStart: 0, byteEnd: bytes.length }, ingestOptions(config), false);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return processArticle(parsed.article, config);
}

export interface TimexFixture {
  readonly text: string;
  readonly type?: TimexJson['type'];
  readonly value: string;
  readonly mod?: string | null;
}

/** Normalized values of the seed article's dates (publication date 2026-01-14, a Wednesday). */
export const SEED_TIMEXES: readonly TimexFixture[] = [
  { text: 'February 3', value: '2026-02-03' },
  { text: 'Wednesday', value: '2026-01-14' },
  { text: 'late December', value: '2025-12', mod: 'END' },
  { text: 'late 2025', value: '2025', mod: 'END' },
  { text: 'upcoming February', value: '2026-02' },
  { text: 'decades', type: 'DURATION', value: 'PXDE' },
];

/**
 * Adds a `timexes` layer (the published shape, code-point offsets) when the pipeline did not make one,
 * so the report's date marks can be tested before and after the dates stage is wired in. Returns
 * whether it added the layer; `replace` puts the fixture in place of the stage's own layer.
 */
export function ensureTimexes(json: ArticleJson, fixtures: readonly TimexFixture[], options: { replace?: boolean } = {}): boolean {
  if (Array.isArray(json.timexes) && !options.replace) return false;
  const text = json.text as string;
  json.timexes = fixtures.map((t) => {
    const index = text.indexOf(t.text);
    if (index < 0) throw new Error(`fixture timex "${t.text}" is not in the text`);
    const start = Array.from(text.slice(0, index)).length;
    return {
      start,
      end: start + Array.from(t.text).length,
      text: t.text,
      type: t.type ?? 'DATE',
      value: t.value,
      mod: t.mod ?? null,
      range_start: null,
      range_end: null,
      anchor: 'dct' as const,
      rule: 'test-fixture',
    };
  }).sort((a, b) => a.start - b.start);
  return true;
}
