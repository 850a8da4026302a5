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
      'analyzeArticle',
      'analyzeCorpus',
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
