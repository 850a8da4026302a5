import { describe, expect, it } from 'vitest';
import { tensionOf } from './helpers.js';

const here = '[tension/scope] ';

/**
 * How far an undoing, a demand or a list reaches, and the CAMEO verb classes the lexicon covers since
 * December 2026 (issue 15, second generation). Sentences written for each mechanism, not taken from the gold sets.
 */
describe('[tension] scope of undoing nouns, lists and demands', () => {
  it('a noun of undoing governs the act after its preposition: "a cessation of hostilities"', () => {
    const t = tensionOf('Armenia and Azerbaijan agreed on a cessation of hostilities along their border.');
    expect(t.cues.find((c) => c.text === 'hostilities')!.factors, here).toContain('eased');
    expect(t.label).toBe('de-escalation');
  });
  it('"the suspension of talks" undoes the talks: conflict', () => {
    const t = tensionOf('Armenia announced the suspension of talks with Azerbaijan.');
    expect(t.cues.find((c) => c.text === 'talks')!.weight).toBeLessThan(0);
    expect(t.label).toBe('escalation');
  });
  it('a Security Council "resolution" is a document, not the resolution of a conflict', () => {
    const t = tensionOf('The resolution 2231 on the conflict was adopted on Monday.');
    expect(t.cues.find((c) => c.text === 'conflict')!.factors, here).not.toContain('eased');
  });
  it('later members of a list share the first member\'s undoing: "halted the shelling and bombardment"', () => {
    const t = tensionOf('The army halted the shelling and bombardment of the city.');
    expect(t.cues.find((c) => c.text === 'bombardment')!.factors, here).toContain('eased');
    expect(t.label).toBe('de-escalation');
  });
  it('"refrain from reprisals, including attacks": neither act happens', () => {
    const t = tensionOf('The rebels agreed to refrain from reprisals, including attacks on government buildings.');
    expect(t.cues.find((c) => c.text === 'attacks')!.weight, here).toBe(0);
    expect(t.label).not.toBe('escalation');
  });
  it('a list does not carry an undoing into a new clause with its own verb', () => {
    const t = tensionOf('The army halted the shelling, and the rebels attacked the city.');
    expect(t.cues.find((c) => c.text === 'attacked')!.weight, here).toBeLessThan(0);
  });
});

describe('[tension] a demand made of a named actor is the act (CAMEO 10)', () => {
  it('"Ukraine demanded that Russia cease its provocations": a demand, conflict, not a yielding act', () => {
    const t = tensionOf('Ukraine demanded that Russia cease its provocations on the border.');
    expect(t.cues.find((c) => c.text === 'provocations')!.factors, here).toContain('demanded-of-actor');
    expect(t.label).toBe('escalation');
  });
  it('"Russia must withdraw its troops": the withdrawal did not happen; the demand did', () => {
    const t = tensionOf('Russia must withdraw its troops from the border, the German chancellor said.');
    expect(t.cues.find((c) => c.rule === 'withdraw-troops')!.factors, here).toContain('demanded-of-actor');
    expect(t.label).toBe('escalation');
  });
  it('"must be ready to mediate": the demand stands behind the word of readiness', () => {
    const t = tensionOf('Egypt said the United States must be ready to mediate between Israel and Hamas.');
    expect(t.cues.find((c) => c.rule === 'mediate')!.factors, here).toContain('demanded-of-actor');
    expect(t.label).toBe('escalation');
  });
  it('an ultimatum to halt attacks is a threat, not a ceasefire', () => {
    const t = tensionOf('Peru issued an ultimatum to Ecuador to halt attacks across the border.');
    expect(t.label).toBe('escalation');
  });
  it('an appeal ("urged", CAMEO 02) stays an appeal: neither side', () => {
    const t = tensionOf('The Security Council urged Russia to de-escalate the situation.');
    expect(t.cues.find((c) => c.rule === 'de-escalate')!.factors, here).not.toContain('demanded-of-actor');
    expect(t.label).toBe('neutral');
  });
  it('calling for hostility against a named actor is hostile to it: "called for sanctions against Nigeria"', () => {
    const t = tensionOf('The archbishop called for sanctions against Nigeria after the executions.');
    expect(t.label, here).toBe('escalation');
  });
  it('calling for an act of no one against no one stays an appeal: "called for an end to violence"', () => {
    const t = tensionOf('The envoy called for an end to the violence.');
    expect(t.label, here).not.toBe('escalation');
  });
  it('a demand of no one in particular is not charged to an actor: "all parties must"', () => {
    const t = tensionOf('All parties must respect the ceasefire.');
    expect(t.cues.every((c) => !c.factors.includes('demanded-of-actor')), here).toBe(true);
  });
});

describe('[tension] word senses and topics', () => {
  it('a document annex is not an annexation', () => {
    const t = tensionOf('The figures are given in the annex to this letter.');
    expect(t.cues.map((c) => c.rule), here).not.toContain('annex');
    expect(t.label).toBe('neutral');
  });
  it('annexing territory is', () => {
    const t = tensionOf('Russia annexed Crimea in 2014.');
    expect(t.cues.map((c) => c.rule), here).toContain('annex');
    expect(t.label).toBe('escalation');
  });
  it('a conflict noun sharing a topic head through a list is a topic: "in conflict and post-conflict settings"', () => {
    const t = tensionOf('Women play a central role in conflict and post-conflict settings.');
    expect(t.cues.map((c) => c.rule), here).not.toContain('conflict');
  });
});

describe('[tension] CAMEO verb classes in the lexicon', () => {
  const cases: Array<[string, 'escalation' | 'de-escalation', string]> = [
    ['The government pardoned 200 political prisoners on Monday.', 'de-escalation', 'pardon'],
    ['Police in Minsk cracked down on opposition supporters.', 'escalation', 'crack-down'],
    ['The president castigated the opposition for its boycott of the vote.', 'escalation', 'castigate'],
    ['Belgrade accused Pristina of sabotaging the talks.', 'escalation', 'sabotage'],
    ['Israeli forces pulled back from the outskirts of the town.', 'de-escalation', 'pull-back'],
    ['The authorities evicted hundreds of Rohingya families from the camp.', 'escalation', 'deport'],
  ];
  for (const [text, label, rule] of cases) {
    it(`${label}: ${text}`, () => {
      const t = tensionOf(text);
      expect(t.cues.map((c) => c.rule), here + text).toContain(rule);
      expect(t.label, here + text).toBe(label);
    });
  }
});
