import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { pipelineConfigSchema } from '../../src/config/schema.js';

describe('public API', () => {
  it('exports exactly the documented functions, so no export changes by accident', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CSV_COLUMNS',
      'RunSetupError',
      'SCHEMA_VERSION',
      'aggregateOutputs',
      'analyzeArticle',
      'analyzeCorpus',
      'annotateBytes',
      'articleJsonSchema',
      'checkArticleJson',
      'createDocument',
      'loadConfig',
      'parseArticleBytes',
      'pipelineConfigSchema',
      'processArticle',
      'readArticleJson',
      'serializeArticleJson',
      'toArticleJson',
      'toCsvTables',
      'validateConfig',
      'writeReport',
    ]);
  });

  it('analyzes an article given as plain text, with the README example', () => {
    const config = api.validateConfig({}, null);
    expect(config.ok).toBe(true);
    if (!config.ok) return;
    const doc = api.analyzeArticle({ id: 'a1', text: 'Trump threatened sanctions on Monday.', dct: '2026-01-14' }, config.value.config);
    const json = api.toArticleJson(doc);
    expect(json.id).toBe('a1');
    expect(json.dct).toBe('2026-01-14');
    expect(Array.isArray(json.sentences)).toBe(true);
  });
});

describe('annotateBytes', () => {
  const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
  const timexes = (json: unknown): Array<{ text: string; value: string }> => (json as { timexes: Array<{ text: string; value: string }> }).timexes;

  it('gives the article JSON a corpus run gives, the format and id coming from the name', () => {
    const config = api.validateConfig({}, null);
    if (!config.ok) throw new Error(config.errors.join('\n'));
    const text = '---\ndate: 2026-01-14\n---\nTrump threatened sanctions on Colombia on Monday.\n';
    const result = api.annotateBytes(bytes(text), 'news/a1.md', { config: config.value.config });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.json.id).toBe('news/a1');
    expect(result.json.dct).toBe('2026-01-14');
    expect(timexes(result.json).map((t) => `${t.text} ${t.value}`)).toEqual(['Monday 2026-01-12']);
    const raw = api.parseArticleBytes(bytes(text), { id: '', relPath: 'news/a1.md', line: null, byteStart: 0, byteEnd: text.length }, { maxBytes: 2_000_000, defaultPublicationDate: null, language: config.value.config.language }, false);
    expect(raw.ok && api.serializeArticleJson(api.processArticle(raw.article, config.value.config))).toBe(api.serializeArticleJson(result.json));
  });

  it('a publication date replaces the article\'s own', () => {
    const result = api.annotateBytes(bytes('{"date": "2026-01-14", "text": "The talks resumed on Monday."}'), 'a.json', { publicationDate: '2026-01-21' });
    expect(result.ok && [result.json.dct, result.json.dct_source, timexes(result.json)[0]?.value]).toEqual(['2026-01-21', 'config', '2026-01-19']);
    expect(() => api.annotateBytes(bytes('x'), 'a.txt', { publicationDate: '21.01.2026' })).toThrow(/YYYY-MM-DD/u);
  });

  it('returns the ingest error, naming the input, for bad bytes', () => {
    expect(api.annotateBytes(bytes('  \n'), 'empty.txt')).toEqual({ ok: false, error: { articleId: 'empty', file: 'empty.txt', line: null, reason: 'empty article: only whitespace' } });
    const binary = api.annotateBytes(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'b.txt');
    expect(binary.ok).toBe(false);
  });
});

describe('README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  it('documents every config key', () => {
    const keys: string[] = [];
    const walk = (value: unknown, prefix: string): void => {
      if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 && prefix.split('.').length < 3) {
        for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
      } else keys.push(prefix);
    };
    walk(pipelineConfigSchema.parse({}), '');
    const missing = keys.filter((key) => !readme.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });

  it('names the commands that run the corpus and the tests', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
