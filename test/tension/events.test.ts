import { describe, expect, it } from 'vitest';
import type { TensionEvent } from '../../src/document/types.js';
import { normalizeDates, datesConfigSchema } from '../../src/dates/index.js';
import { entitiesConfigSchema, extractEntities } from '../../src/entities/index.js';
import { createDocument } from '../../src/segment/create-document.js';
import { scoreSentiment, sentimentConfigSchema } from '../../src/sentiment/index.js';
import { toArticleJson } from '../../src/output/article-json.js';
import { articleTables, CSV_COLUMNS } from '../../src/output/csv-tables.js';
import { scoreTension, tensionConfigSchema } from '../../src/tension/index.js';

const here = '[tension/events] ';

/** The real pipeline order: segmentation, entities, dates, tension. */
function analyze(text: string, dct: string | null = '2026-01-14') {
  const doc = createDocument({ id: 'events-test', text, dct, dctSource: dct ? 'metadata' : 'none' });
  const withDates = normalizeDates(extractEntities(doc, entitiesConfigSchema.parse({})), datesConfigSchema.parse({}));
  return scoreTension(scoreSentiment(withDates, sentimentConfigSchema.parse({})), tensionConfigSchema.parse({}));
}

function only(text: string) {
  const doc = analyze(text);
  expect(doc.sentences, `${here}${text} is one sentence`).toHaveLength(1);
  return doc.sentences[0]!.tension!;
}

function describeEvents(events: readonly TensionEvent[]): string {
  return events.map((e) => `${e.text}:${e.ploverType ?? '-'}/${e.cameoRoot}/${e.quad}/${e.modality}/${e.source?.text ?? '-'}->${e.target?.text ?? '-'}`).join('; ');
}

function eventAt(events: readonly TensionEvent[], text: string): TensionEvent {
  const e = events.find((x) => x.text.includes(text));
  if (!e) throw new Error(`${here}no event "${text}" in ${describeEvents(events)}`);
  return e;
}

describe('[tension] mechanisms, sentence label from the main event', () => {
  it('"did not threaten": a negated threat event, sentence neutral', () => {
    const t = only('Russia did not threaten Ukraine with military action on Monday.');
    const threat = eventAt(t.events, 'threaten');
    expect(threat.ploverType).toBe('THREATEN');
    expect(threat.modality).toBe('negated');
    expect(t.cues.find((c) => c.text === 'threaten')!.factors).toContain('negated');
    expect(t.label, describeEvents(t.events)).toBe('neutral');
  });
  it('"refused to lift sanctions": a rejection, conflict', () => {
    const t = only('China refused to lift sanctions on Lithuania.');
    expect(eventAt(t.events, 'lift sanctions').ploverType).toBe('REJECT');
    expect(t.cues.find((c) => c.text === 'lift sanctions')!.factors).toContain('rejected');
    expect(t.label).toBe('escalation');
  });
  it('"urged Russia to de-escalate": demanded of Russia, an appeal, not cooperation', () => {
    const t = only('The Security Council urged Russia to de-escalate the situation.');
    const act = eventAt(t.events, 'de-escalate');
    expect(act.modality).toBe('demanded');
    expect(act.target?.countryCode).toBe('RU');
    expect(eventAt(t.events, 'urged').cameoRoot).toBe('02');
    expect(t.label).not.toBe('de-escalation');
  });
  it('"the Council called on Russia to reduce tensions" is a demand aimed at Russia', () => {
    const t = only('The Council called on Russia to reduce tensions along the border.');
    const act = eventAt(t.events, 'reduce tensions');
    expect(act.modality).toBe('demanded');
    expect(act.target?.countryCode).toBe('RU');
  });
  for (const [text, trigger, plover] of [
    ['Iran released the detainees on Friday.', 'released', 'RETREAT'],
    ['Israel lifted the blockade of the port.', 'lifted', null],
    ['Russia withdrew its troops from the border.', 'withdrew', 'RETREAT'],
  ] as const) {
    it(`cooperative act in conflict words: ${text}`, () => {
      const t = only(text);
      const e = eventAt(t.events, trigger);
      expect(e.cameoRoot, describeEvents(t.events)).toBe('08');
      if (plover) expect(e.ploverType).toBe(plover);
      expect(e.quad.endsWith('cooperation')).toBe(true);
      expect(e.goldstein).toBe(5);
      expect(t.label).toBe('de-escalation');
    });
  }
  it('a shared fight against drug trafficking is not escalation', () => {
    const t = only('Mexico and the United States agreed to step up their shared fight against drug trafficking.');
    expect(t.events.some((e) => e.ploverType === 'FIGHT'), describeEvents(t.events)).toBe(false);
    expect(t.label).toBe('de-escalation');
    const agreed = eventAt(t.events, 'agreed');
    expect(agreed.reciprocal).toBe(true);
  });
  it('a background "after months of heated exchanges" does not outvote the main event', () => {
    const t = only('The two presidents held a phone call that eased strained ties, after months of heated exchanges over trade and accusations.');
    expect(eventAt(t.events, 'heated exchanges').background).toBe(true);
    expect(t.cues.find((c) => c.text === 'heated exchanges')!.factors).toContain('background');
    expect(t.label).toBe('de-escalation');
  });
  it('a denial is a statement (CAMEO 01), neutral', () => {
    const t = only('The ministry denied reports that it had massed troops on the border.');
    const denial = eventAt(t.events, 'denied');
    expect(denial.cameoRoot).toBe('01');
    expect(denial.quad).toBe('none');
    expect(denial.ploverType).toBeNull();
    expect(t.label).toBe('neutral');
  });
  it('"declined to comment" is CAMEO 01, neutral', () => {
    const t = only('The embassy declined to comment on the arrests.');
    expect(eventAt(t.events, 'declined to comment').rule).toBe('event-decline-comment');
    expect(t.label).toBe('neutral');
  });
});

describe('[tension] event records', () => {
  it('an event takes the date of its own clause, not a nearer one of another clause', () => {
    const doc = analyze('The Treasury imposed sanctions on March 3, 2025, officials recalled on Tuesday, and Washington threatened military action against Caracas in late 2025.');
    const events = doc.sentences[0]!.tension!.events;
    expect(eventAt(events, 'sanctions').eventDate).toBe('2025-03-03');
    const threat = eventAt(events, 'threatened');
    expect(threat.eventDate).toBe('2025');
    expect(threat.rangeStart).toBe('2025-09-01');
  });
  it('a clause without a date of its own shares the sentence\'s', () => {
    const events = analyze('Russia attacked Kyiv on Monday, and Ukraine retaliated against Belgorod.').sentences[0]!.tension!.events;
    expect(eventAt(events, 'attacked').eventDate).toBe('2026-01-12');
    expect(eventAt(events, 'retaliated').eventDate).toBe('2026-01-12');
  });
  it('actors with both ISO codes, the date of the clause, Goldstein of the CAMEO root', () => {
    const doc = analyze('Russia attacked Ukraine on Monday.\n\nThe two countries signed a truce.');
    const attack = eventAt(doc.sentences[0]!.tension!.events, 'attacked');
    expect(attack.source?.countryCode).toBe('RU');
    expect(attack.target?.countryCode).toBe('UA');
    expect(attack.quad).toBe('material_conflict');
    expect(attack.goldstein).toBeLessThan(-5);
    expect(attack.dateSource).toBe('timex');
    expect(attack.eventDate).toBe('2026-01-12');
    const truce = doc.sentences[1]!.tension!.events[0]!;
    expect(truce.dateSource).toBe('dct');
    expect(truce.eventDate).toBe('2026-01-14');
    const json = toArticleJson(doc);
    const tables = articleTables(json);
    const rows = tables.events!;
    expect(rows.length).toBe(doc.sentences.reduce((a, s) => a + s.tension!.events.length, 0));
    const columns = CSV_COLUMNS.events as readonly string[];
    const first = Object.fromEntries(columns.map((c, i) => [c, rows[0]![i]]));
    expect(first['source_alpha3']).toBe('RUS');
    expect(first['target_alpha3']).toBe('UKR');
    expect(first['plover_type']).toBeTypeOf('string');
    expect(Array.from(json.text as string).slice(first['start'] as number, first['end'] as number).join('')).toBe(first['text']);
  });
  it('dyads count events by quad with their mean Goldstein', () => {
    const doc = analyze('Russia attacked Ukraine on Monday. Russia shelled Ukraine again on Tuesday. Russia did not threaten Ukraine.');
    const dyad = doc.dyads.find((d) => d.sourceCode === 'RU' && d.targetCode === 'UA');
    expect(dyad, JSON.stringify(doc.dyads)).toBeDefined();
    // The negated threat did not happen: not counted.
    expect(dyad!.events).toBe(2);
    expect(dyad!.quadCounts.material_conflict).toBe(2);
    expect(dyad!.meanGoldstein).toBeLessThan(-5);
  });
});
