import { readFileSync } from 'node:fs';
import type { Timex } from '../../src/document/types.js';
import { datesConfigSchema, normalizeDates, type DatesConfig } from '../../src/dates/index.js';
import { createDocument } from '../../src/segment/create-document.js';

/** Runs the date stage on one text with an explicit publication date (never the clock). */
export function timexesOf(text: string, dct: string | null, config: Partial<DatesConfig> = {}): readonly Timex[] {
  const doc = createDocument({ id: 'test', text, dct });
  return normalizeDates(doc, datesConfigSchema.parse(config)).timexes;
}

/** A short text rendering per timex, so a failing case shows the whole picture in its diff. */
export const render = (t: Timex): string => `${t.text} | ${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ''}`;

/** Body of a corpus markdown file (YAML front matter removed). */
export function corpusBody(path: URL): string {
  const raw = readFileSync(path, 'utf8');
  return raw.replace(/^---\n[\s\S]*?\n---\n/u, '');
}
