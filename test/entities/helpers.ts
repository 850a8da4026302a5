import { createDocument } from '../../src/segment/create-document.js';
import { entitiesConfigSchema, extractEntities, type EntitiesConfig } from '../../src/entities/index.js';
import type { EntityMention, EntitySummary } from '../../src/document/types.js';

export function entitiesOf(text: string, config: Partial<EntitiesConfig> = {}): { entities: readonly EntityMention[]; summary: readonly EntitySummary[] } {
  const doc = extractEntities(createDocument({ id: 'test', text }), entitiesConfigSchema.parse(config));
  for (const e of doc.entities) {
    // Every span must be exactly its text: no padding, no trailing punctuation.
    if (text.slice(e.start, e.end) !== e.text) throw new Error(`span [${e.start},${e.end}) is not "${e.text}"`);
  }
  return { entities: doc.entities, summary: doc.entitySummary };
}

/** "Gustavo Petro/PERSON" for each mention, for readable table-driven expectations. */
export function labels(text: string, config: Partial<EntitiesConfig> = {}): string[] {
  return entitiesOf(text, config).entities.map((e) => `${e.text}/${e.type}`);
}
