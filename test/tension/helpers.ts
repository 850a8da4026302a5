import { createDocument } from '../../src/segment/create-document.js';
import { entitiesConfigSchema, extractEntities } from '../../src/entities/index.js';
import { assignCountries } from '../../src/entities/person-countries.js';
import type { Actor, EntityMention, EntitySummary, SentenceTension, TensionCue } from '../../src/document/types.js';
import type { z } from 'zod';
import { scoreSentiment, sentimentConfigSchema, type SentimentDoc } from '../../src/sentiment/index.js';
import { scoreTension, tensionConfigSchema, type TensionDoc } from '../../src/tension/index.js';

type TensionConfigInput = z.input<typeof tensionConfigSchema>;

const entitiesConfig = entitiesConfigSchema.parse({});
const sentimentConfig = sentimentConfigSchema.parse({});

/** The real pipeline order: segmentation, entities, sentiment, tension. */
export function analyze(text: string, config: TensionConfigInput = {}, dct: string | null = null): TensionDoc {
  const doc = scoreTension(scoreSentiment(extractEntities(createDocument({ id: 'test', text, dct }), entitiesConfig), sentimentConfig), tensionConfigSchema.parse(config));
  for (const s of doc.sentences) {
    for (const c of s.tension?.cues ?? []) {
      // Every cue span must be exactly its text.
      if (text.slice(c.start, c.end) !== c.text) throw new Error(`cue span [${c.start},${c.end}) is not "${c.text}"`);
    }
  }
  return doc;
}

/** Tension of a one-sentence text (the segmenter may split it: the parts' scores are added). */
export function tensionOf(text: string, config: TensionConfigInput = {}): SentenceTension {
  const doc = analyze(text, config);
  const sentences = doc.sentences.map((s) => s.tension!);
  if (sentences.length === 1) return sentences[0]!;
  const score = sentences.reduce((a, t) => a + t.score, 0);
  const main = sentences.find((t) => t.cues.length > 0) ?? sentences[0]!;
  return { ...main, score, label: score <= -1 ? 'escalation' : score >= 1 ? 'de-escalation' : 'neutral', cues: sentences.flatMap((t) => t.cues) };
}

export function cueSummary(c: TensionCue): string {
  return `${c.text}/${c.rule}${c.negated ? '/negated' : ''}/${c.modality}`;
}

export function actorLabel(a: Actor | null): string {
  return a ? `${a.text} (${a.countryCode ?? '-'})` : '-';
}

/** A document with hand-built entity mentions (and the sentiment stage run), for actor logic independent of the entity stage. */
export function withEntities(text: string, names: ReadonlyArray<readonly [string, EntityMention['type'], string | null]>): SentimentDoc {
  const doc = scoreSentiment(createDocument({ id: 'hand', text }), sentimentConfig);
  const entities: EntityMention[] = [];
  const summary: EntitySummary[] = [];
  names.forEach(([name, type, code], i) => {
    let at = text.indexOf(name);
    while (at >= 0) {
      entities.push({ start: at, end: at + name.length, text: name, type, entityId: `h${i}`, title: null, rule: 'hand-built' });
      at = text.indexOf(name, at + name.length);
    }
    summary.push({ entityId: `h${i}`, canonical: name, type, countryCode: code, mentions: 1, firstOffset: text.indexOf(name) });
  });
  entities.sort((a, b) => a.start - b.start);
  // What the entity stage does after linking: countries from the text ("U.S. President Donald Trump") and
  // the office-holders table for the names left without one.
  return { ...doc, entities, entitySummary: assignCountries(doc, entities, summary) };
}
