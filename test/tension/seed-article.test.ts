import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/ingest/corpus.js';
import type { Sentence } from '../../src/document/types.js';
import { actorLabel, analyze } from './helpers.js';

const raw = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');
const front = splitFrontMatter(raw);
if (!front.ok) throw new Error(front.reason);
const doc = analyze(front.body, {}, '2026-01-14');

/** One line per sentence, one indented line per cue: the golden rendering a reviewer reads as a diff. */
function render(): string {
  const lines: string[] = [];
  for (const s of doc.sentences) {
    const t = s.tension!;
    lines.push(`[${s.index}] ${t.label} ${t.score} ${t.modality} sentiment=${s.sentiment} ${actorLabel(t.source)} -> ${actorLabel(t.target)} | ${s.text.slice(0, 80)}`);
    for (const c of t.cues) lines.push(`    [${c.start},${c.end}) "${c.text}" ${c.rule} ${c.category} ${c.weight}${c.negated ? ' negated' : ''} ${c.modality} ${actorLabel(c.source)} -> ${actorLabel(c.target)}`);
  }
  lines.push(`article: sentiment=${doc.sentiment} tension=${JSON.stringify(doc.tension)}`);
  for (const d of doc.dyads) lines.push(`dyad: ${d.source} (${d.sourceCode ?? '-'}) -> ${d.target} (${d.targetCode ?? '-'}) cues=${d.cues} mean=${d.meanWeight}`);
  return `${lines.join('\n')}\n`;
}

function sentenceWith(fragment: string): Sentence {
  const s = doc.sentences.find((x) => x.text.includes(fragment));
  if (!s) throw new Error(`no sentence with "${fragment}"`);
  return s;
}

describe('[tension] seed article us-colombia-relations', () => {
  it('matches the golden rendering (regenerate with vitest -u and review the diff)', async () => {
    await expect(render()).toMatchFileSnapshot('./golden/us-colombia-relations.txt');
  });

  const escalation = ['threatened military action', 'imposed sanctions', 'condemned the U.S. military operation', 'have been strained', 'traded insults'];
  for (const fragment of escalation) {
    it(`escalation: ${fragment}`, () => expect(sentenceWith(fragment).tension!.label).toBe('escalation'));
  }
  const deEscalation = ['will meet', 'had eased tensions', 'aims to reduce tension'];
  for (const fragment of deEscalation) {
    it(`de-escalation: ${fragment}`, () => expect(sentenceWith(fragment).tension!.label).toBe('de-escalation'));
  }
  it('"has not yet released a detailed agenda" is not escalation', () => {
    expect(sentenceWith('has not yet released').tension!.label).not.toBe('escalation');
  });
  it('finds the cues the issue names', () => {
    const rules = doc.sentences.flatMap((s) => s.tension!.cues.map((c) => `${c.text}/${c.category}`));
    for (const expected of ['threatened/threat', 'sanctions/sanction-coercion', 'accusations/accusation', 'condemned/criticism', 'strained/strained-relations', 'heated exchanges/strained-relations', 'reduce tension/de-escalation', 'eased tensions/de-escalation', 'restore cooperation/de-escalation', 'willingness to engage/praise', 'constructively/praise']) {
      expect(rules).toContain(expected);
    }
  });
  it('names the actors: Trump (US) threatened Colombia (CO); the Trump administration (US) sanctioned Petro (CO)', () => {
    const threat = sentenceWith('threatened military action').tension!.cues.find((c) => c.rule === 'threaten')!;
    expect([actorLabel(threat.source), actorLabel(threat.target)]).toEqual(['Donald Trump (US)', 'Colombia (CO)']);
    const sanctions = sentenceWith('imposed sanctions').tension!;
    expect([actorLabel(sanctions.source), actorLabel(sanctions.target)]).toEqual(['Trump administration (US)', 'Gustavo Petro (CO)']);
    const condemned = sentenceWith('condemned').tension!;
    expect([condemned.source?.countryCode, condemned.target?.countryCode]).toEqual(['CO', 'US']);
    const strained = sentenceWith('have been strained').tension!;
    expect([strained.source?.countryCode, strained.target?.countryCode]).toEqual(['CO', 'US']);
    const meet = sentenceWith('will meet').tension!;
    expect([meet.source?.countryCode, meet.target?.countryCode]).toEqual(['CO', 'US']);
  });
  it('flags the planned meeting as future and the officials\' account as reported', () => {
    expect(sentenceWith('will meet').tension!.cues.find((c) => c.rule === 'meet')!.modality).toBe('future');
    expect(sentenceWith('had eased tensions').tension!.modality).toBe('reported');
  });
  it('has a dyad table with the US-Colombia pairs', () => {
    const pairs = doc.dyads.map((d) => `${d.sourceCode}->${d.targetCode}`);
    expect(pairs).toContain('US->CO');
    expect(pairs).toContain('CO->US');
    const trumpColombia = doc.dyads.find((d) => d.source === 'Donald Trump' && d.target === 'Colombia')!;
    expect(trumpColombia.meanWeight).toBeLessThan(0);
  });
  it('counts cues by category at article level', () => {
    expect(doc.tension.counts['threat']).toBeGreaterThanOrEqual(1);
    expect(doc.tension.counts['sanction-coercion']).toBeGreaterThanOrEqual(1);
    expect(doc.tension.counts['de-escalation']).toBeGreaterThanOrEqual(2);
    expect(doc.sentiment).toBeGreaterThanOrEqual(-1);
    expect(doc.sentiment).toBeLessThanOrEqual(1);
  });
});
