import { describe, expect, it } from 'vitest';
import { scoreTension, tensionConfigSchema } from '../../src/tension/index.js';
import { actorLabel, cueSummary, tensionOf, withEntities } from './helpers.js';

const here = '[tension/behaviour] ';

describe('[tension] labels of real news sentences', () => {
  const cases: Array<[string, 'escalation' | 'de-escalation' | 'neutral']> = [
    ['Trump had previously criticized Petro\'s government and even threatened military action against Colombia.', 'escalation'],
    ['The Trump administration imposed sanctions on Petro and members of his family over alleged links to drug trafficking.', 'escalation'],
    ['Petro also condemned the U.S. military operation in Venezuela that led to the capture of former President Nicolás Maduro.', 'escalation'],
    ['Relations between Bogota and Washington have been strained since late 2025.', 'escalation'],
    ['North Korea fired two ballistic missiles into the sea on Tuesday, the South Korean military said.', 'escalation'],
    ['Thousands of protesters marched on the parliament in Tbilisi to demand the government resign.', 'escalation'],
    ['Israel rejected the ceasefire proposal put forward by Egyptian mediators.', 'escalation'],
    ['The European Union suspended aid to Niger after the coup.', 'escalation'],
    ['Colombian officials said the conversation had eased tensions.', 'de-escalation'],
    ['According to Colombian diplomats, the dialogue aims to reduce tension and to restore cooperation on counternarcotics.', 'de-escalation'],
    ['Japan and South Korea signed an agreement to share military intelligence.', 'de-escalation'],
    ['Washington lifted sanctions on Venezuela\'s oil sector after the deal.', 'de-escalation'],
    ['The two foreign ministers met in Geneva and praised the progress of the talks.', 'de-escalation'],
    ['India pledged $500 million in humanitarian aid to Sri Lanka.', 'de-escalation'],
    ['The peace talks collapsed on Tuesday.', 'escalation'],
    ['Pakistan recalled its ambassador from Kabul.', 'escalation'],
    ['Iran and Saudi Arabia agreed to restore diplomatic relations.', 'de-escalation'],
    ['Hamas released 13 hostages on Friday.', 'de-escalation'],
  ];
  for (const [text, label] of cases) {
    it(`${label}: ${text.slice(0, 70)}`, () => {
      const t = tensionOf(text);
      expect(t.label, `${here}${text} -> ${t.score} ${t.cues.map(cueSummary).join(', ')}`).toBe(label);
    });
  }
  // Known misses, kept visible. The cue score leaves this one undecided (0.8); since the classifier is
  // trained on Keep it Local read by its QuadClass codes, whose verbal cooperation is full of planned
  // meetings, it reads "upcoming ... meeting" as cooperation (0.65 against 0.34 neutral).
  const knownMisses: Array<[string, 'escalation' | 'de-escalation' | 'neutral']> = [
    ['The White House has not yet released a detailed agenda for the upcoming February meeting.', 'neutral'],
  ];
  for (const [text, label] of knownMisses) {
    it.fails(`${label} (known miss): ${text.slice(0, 60)}`, () => {
      expect(tensionOf(text).label).toBe(label);
    });
  }
});

describe('[tension] negation and modality', () => {
  it('a negated threat is not escalation', () => {
    const t = tensionOf('The president did not threaten military action against Colombia.');
    expect(t.label).not.toBe('escalation');
    expect(t.cues.filter((c) => c.category === 'threat').every((c) => c.negated && c.weight === 0)).toBe(true);
  });
  it('denied accusations are not escalation', () => {
    const t = tensionOf('The minister denied the accusations.');
    expect(t.label).not.toBe('escalation');
    expect(t.cues.map(cueSummary)).toEqual(['accusations/accuse/negated/asserted']);
  });
  it('"no plans to impose sanctions" is not escalation', () => {
    expect(tensionOf('The government said it has no plans to impose sanctions on Brazil.').label).not.toBe('escalation');
  });
  it('a refused meeting is conflict', () => {
    const t = tensionOf('Israeli President Moshe Katsav has refused to meet King Abdullah II in Tel Aviv.');
    expect(t.label).toBe('escalation');
    expect(t.cues.find((c) => c.rule === 'meet')!.weight).toBeLessThan(0);
  });
  it('flags future, hypothetical and reported statements', () => {
    expect(tensionOf('Colombian President Gustavo Petro will meet U.S. President Donald Trump on February 3.').cues.find((c) => c.rule === 'meet')!.modality).toBe('future');
    expect(tensionOf('Washington could impose new tariffs on Mexican steel.').cues.find((c) => c.rule === 'tariff')!.modality).toBe('hypothetical');
    expect(tensionOf('Colombian officials said the conversation had eased tensions.').cues[0]!.modality).toBe('reported');
    expect(tensionOf('Russian troops attacked the town of Avdiivka on Monday.').cues[0]!.modality).toBe('asserted');
  });
  it('weights a hypothetical cue less than an asserted one', () => {
    const asserted = tensionOf('Russia attacked Ukraine.');
    const hypothetical = tensionOf('Russia could attack Ukraine.');
    expect(Math.abs(hypothetical.score)).toBeLessThan(Math.abs(asserted.score));
  });
  it('a cue inside a name is not an act', () => {
    const t = tensionOf('The Organization for Security and Cooperation in Europe sent observers to Kyiv.');
    expect(t.cues.map((c) => c.rule)).not.toContain('cooperate');
  });
});

describe('[tension] actors with the entity stage', () => {
  const cases: Array<[string, string, string]> = [
    ['U.S. President Donald Trump had previously criticized Petro\'s government and even threatened military action against Colombia.', 'threaten', 'Donald Trump (US) -> Colombia (CO)'],
    ['Relations between Bogota and Washington have been strained since late 2025.', 'strained', 'Bogota (CO) -> Washington (US)'],
    ['Russia invaded Ukraine in February 2022.', 'invade', 'Russia (RU) -> Ukraine (UA)'],
    ['China imposed sanctions on Lithuania.', 'impose', 'China (CN) -> Lithuania (LT)'],
  ];
  for (const [text, rule, expected] of cases) {
    it(`${rule}: ${text.slice(0, 60)}`, () => {
      const cue = tensionOf(text).cues.find((c) => c.rule === rule)!;
      expect(cue, `${here}no ${rule} cue`).toBeDefined();
      const [src, tgt] = expected.split(' -> ');
      expect(actorLabel(cue.source).replace('Bogotá', 'Bogota')).toBe(src);
      expect(actorLabel(cue.target)).toBe(tgt);
    });
  }
});

describe('[tension] actor logic on hand-built mentions', () => {
  const config = tensionConfigSchema.parse({});
  it('subject before the cue is the source, "against X" the target', () => {
    const text = 'Trump had previously criticized Petro\'s government and even threatened military action against Colombia.';
    const doc = scoreTension(withEntities(text, [['Trump', 'PERSON', 'US'], ['Petro', 'PERSON', 'CO'], ['Colombia', 'GPE', 'CO']]), config);
    const cue = doc.sentences[0]!.tension!.cues.find((c) => c.rule === 'threaten')!;
    expect(actorLabel(cue.source)).toBe('Trump (US)');
    expect(actorLabel(cue.target)).toBe('Colombia (CO)');
    const criticized = doc.sentences[0]!.tension!.cues.find((c) => c.rule === 'criticize')!;
    expect(actorLabel(criticized.target)).toBe('Petro (CO)');
  });
  it('a passive "by X" makes X the source', () => {
    const text = 'Kyiv was attacked by Russia overnight.';
    const doc = scoreTension(withEntities(text, [['Kyiv', 'GPE', 'UA'], ['Russia', 'GPE', 'RU']]), config);
    const cue = doc.sentences[0]!.tension!.cues[0]!;
    expect([actorLabel(cue.source), actorLabel(cue.target)]).toEqual(['Russia (RU)', 'Kyiv (UA)']);
  });
  it('"between X and Y" names both', () => {
    const text = 'Talks between Armenia and Azerbaijan resumed in Washington.';
    const doc = scoreTension(withEntities(text, [['Armenia', 'GPE', 'AM'], ['Azerbaijan', 'GPE', 'AZ'], ['Washington', 'GPE', 'US']]), config);
    const t = doc.sentences[0]!.tension!;
    expect([actorLabel(t.source), actorLabel(t.target)]).toEqual(['Armenia (AM)', 'Azerbaijan (AZ)']);
  });
  it('a country modifying a noun cue is its source', () => {
    const text = 'Petro condemned the U.S. military operation in Venezuela.';
    const doc = scoreTension(withEntities(text, [['Petro', 'PERSON', 'CO'], ['U.S.', 'GPE', 'US'], ['Venezuela', 'GPE', 'VE']]), config);
    const op = doc.sentences[0]!.tension!.cues.find((c) => c.rule === 'military-action')!;
    expect([actorLabel(op.source), actorLabel(op.target)]).toEqual(['U.S. (US)', 'Venezuela (VE)']);
    expect(actorLabel(doc.sentences[0]!.tension!.source)).toBe('Petro (CO)');
  });
  it('a person introduced with a nationality takes its country', () => {
    const text = 'U.S. President Donald Trump threatened Colombia. Trump later praised Petro.';
    const doc = scoreTension(withEntities(text, [['U.S.', 'GPE', 'US'], ['Donald Trump', 'PERSON', null], ['Colombia', 'GPE', 'CO'], ['Petro', 'PERSON', null]]), config);
    expect(actorLabel(doc.sentences[0]!.tension!.source)).toBe('Donald Trump (US)');
  });
  it('coordinated subjects act on each other', () => {
    const text = 'Iran and Saudi Arabia agreed to restore diplomatic relations.';
    const doc = scoreTension(withEntities(text, [['Iran', 'GPE', 'IR'], ['Saudi Arabia', 'GPE', 'SA']]), config);
    const t = doc.sentences[0]!.tension!;
    expect([actorLabel(t.source), actorLabel(t.target)]).toEqual(['Iran (IR)', 'Saudi Arabia (SA)']);
  });
  it('builds a dyad table from cues with both actors', () => {
    const text = 'China imposed sanctions on Lithuania. China also threatened Lithuania.';
    const doc = scoreTension(withEntities(text, [['China', 'GPE', 'CN'], ['Lithuania', 'GPE', 'LT']]), config);
    expect(doc.dyads.map((d) => `${d.sourceCode}->${d.targetCode}`)).toEqual(['CN->LT']);
    expect(doc.dyads[0]!.cues).toBeGreaterThanOrEqual(3);
    expect(doc.dyads[0]!.meanWeight).toBeLessThan(0);
  });
});
