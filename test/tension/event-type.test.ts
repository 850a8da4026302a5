import { describe, expect, it } from 'vitest';
import type { TensionEvent } from '../../src/document/types.js';
import { GOLDSTEIN_BY_ROOT, mainEventIndex, QUAD_BY_PLOVER, ROOT_BY_PLOVER } from '../../src/tension/events.js';
import { ploverTypeFeatures } from '../../src/tension/index.js';
import { tensionConfigSchema } from '../../src/tension/config.js';
import { analyze } from './helpers.js';

const here = '[tension/event-type] ';

function events(text: string, model = true): TensionEvent[] {
  return analyze(text, { model }).sentences.flatMap((s) => s.tension!.events);
}

function mainOf(text: string, model = true): TensionEvent {
  const all = events(text, model);
  const i = mainEventIndex(all);
  if (i < 0) throw new Error(`${here}no typed event in "${text}"`);
  return all[i]!;
}

function describe_(e: TensionEvent): string {
  return `${e.text}:${e.ploverType}/${e.cameoRoot}/${e.goldstein}/${e.quad}/${e.rule}`;
}

const SENTENCES = [
  'Ankara will support the Swedish bid to join the alliance, the foreign minister said on Tuesday.',
  'Norway is ready to send engineers to help rebuild the bridge, its defence minister said.',
  'The rebels said they would free the kidnapped aid workers within a week.',
  'Japan must withdraw its patrol boats from the disputed waters, the Chinese foreign ministry said.',
  'Russian troops shelled the city of Kharkiv overnight, killing three civilians.',
  'Police arrested 40 protesters outside the parliament in Tbilisi on Sunday.',
];

describe('[tension] PLOVER type of the main event (type classifier)', () => {
  it('an intent to cooperate ("will support", "is ready to send") is AGREE, CAMEO 03, where the rules say COOPERATE', () => {
    // Not asserted: the act has not happened, so the classifier decides what PLOVER codes (an intent).
    for (const text of SENTENCES.slice(0, 2)) {
      const rules = mainOf(text, false);
      expect(rules.ploverType, `${here}${describe_(rules)}`).toBe('COOPERATE');
      const main = mainOf(text);
      expect(['future', 'conditional']).toContain(main.modality);
      expect(main.ploverType, `${here}${describe_(main)}`).toBe('AGREE');
      expect(main.cameoRoot).toBe('03');
      expect(main.goldstein).toBe(4);
      expect(main.quad).toBe('verbal_cooperation');
      expect(main.rule).toBe('event-type-model');
      // The trigger and everything but the type stay the rules'.
      expect([main.start, main.end, main.text, main.modality, main.source, main.target]).toEqual([rules.start, rules.end, rules.text, rules.modality, rules.source, rules.target]);
    }
  });
  it('an act told as having happened keeps the rules\' coding and rule id ("signed a peace agreement": AGREE, CAMEO 05)', () => {
    const main = mainOf('Armenia and Azerbaijan signed a peace agreement in Washington.');
    expect(main.modality).toBe('asserted');
    expect(main.ploverType).toBe('AGREE');
    expect(main.cameoRoot).toBe('05');
    expect(main.rule).toBe('event-agreement-by-words');
    expect(mainOf('Iran threatened to close the Strait of Hormuz.').ploverType).toBe('THREATEN');
    expect(mainOf('The European Union imposed new sanctions on Belarus on Friday.').rule).not.toBe('event-type-model');
    expect(mainOf('Venezuela rejected the proposal to hold new elections.').ploverType).toBe('REJECT');
  });
  it('only the main event is retyped: the other events keep the rules\' coding', () => {
    for (const text of SENTENCES) {
      const withModel = events(text);
      const rules = events(text, false);
      const main = mainEventIndex(withModel);
      expect(mainEventIndex(rules), `${here}${text}`).toBe(main);
      withModel.forEach((e, i) => {
        if (i !== main) expect(e, `${here}${text}`).toEqual(rules[i]);
      });
    }
  });
  it('CAMEO root, Goldstein score and quad always follow the PLOVER type', () => {
    for (const text of SENTENCES) {
      for (const e of events(text)) {
        expect(GOLDSTEIN_BY_ROOT[e.cameoRoot], describe_(e)).toBe(e.goldstein);
        if (e.ploverType === null) continue;
        expect(e.quad, describe_(e)).toBe(QUAD_BY_PLOVER[e.ploverType]);
        if (e.rule === 'event-type-model') expect(e.cameoRoot, describe_(e)).toBe(ROOT_BY_PLOVER[e.ploverType]);
      }
    }
  });
  it('with `tension.model` off every event keeps the rules\' type', () => {
    for (const text of SENTENCES) expect(events(text, false).some((e) => e.rule === 'event-type-model'), `${here}${text}`).toBe(false);
  });
  it('a sentence without a typed event gives the classifier nothing to retype', () => {
    const all = events('The minister said the weather was fine.');
    expect(all.every((e) => e.ploverType === null), all.map(describe_).join('; ')).toBe(true);
    expect(mainEventIndex(all)).toBe(-1);
  });
  it('the type features carry the rules\' type of the main event and its modality', () => {
    const doc = analyze('Ankara will support the Swedish bid to join the alliance.', { model: false });
    const [first] = ploverTypeFeatures(doc, tensionConfigSchema.parse({ model: false }));
    expect(first!.ruleType).toBe('COOPERATE');
    expect(first!.features).toContain('mt:COOPERATE|future');
    expect(first!.features).toContain('ms:cooperation|future');
  });
  // Backlog (issue 15): the rules code the main event "imposed" (sanction-coercion) COERCE, the sanctions
  // themselves SANCTION; PLOVER codes the act SANCTION. Asserted, so the classifier does not decide it.
  it.fails('"imposed new sanctions" is SANCTION (issue 15 backlog)', () => {
    expect(mainOf('The European Union imposed new sanctions on Belarus on Friday.').ploverType).toBe('SANCTION');
  });
});
