import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_RULES, entitiesConfigSchema } from '../../src/entities/index.js';
import { entitiesOf } from './helpers.js';

describe('[entities] rules and config', () => {
  it('rule ids are unique kebab-case', () => {
    const ids = ENTITY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
  });

  it('every rule written to the output is declared', () => {
    const raw = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');
    const declared = new Set<string>(ENTITY_RULES.map((r) => r.id));
    for (const e of entitiesOf(raw.replace(/^---[\s\S]*?---\n/u, '')).entities) expect(declared).toContain(e.rule);
  });

  it('parses {} to the defaults and rejects unknown keys', () => {
    const config = entitiesConfigSchema.parse({});
    expect(config.model).toBe(true);
    expect(config.types).toEqual(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC']);
    expect(() => entitiesConfigSchema.parse({ nope: 1 })).toThrow();
  });

  it('drops types that are not configured', () => {
    const { entities } = entitiesOf('Colombian President Gustavo Petro visited Venezuela.', { types: ['PERSON'] });
    expect(entities.map((e) => e.type)).toEqual(['PERSON']);
  });
});
