import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/segment/create-document.js';
import { findCandidates } from '../../src/entities/candidates.js';
import { classifyCandidate } from '../../src/entities/classify.js';

function spans(text: string): string[] {
  return findCandidates(createDocument({ id: 'test', text })).map((c) => c.text);
}

describe('[entities] candidate spans', () => {
  it('cuts a role acronym off the end of a party or company name', () => {
    expect(spans('In 1951 she was elected as the Liberal-Labour MPP for Kenora.')).toContain('Liberal-Labour');
    expect(spans('He lost to a former United Farmers of Ontario MPP in the by-election.')).toContain('United Farmers of Ontario');
    expect(spans('On Monday, Apple Computer CEO Steve Jobs spoke in San Francisco.')).toContain('Apple Computer');
  });

  it('splits an acronym, a role and the name the role introduces', () => {
    const found = spans('He was drafted by the NFL Champion Baltimore Colts in 1969.');
    expect(found).toContain('NFL');
    expect(found).toContain('Baltimore Colts');
  });

  it('keeps a capitalized plural role after "the" as a team, not a role', () => {
    expect(spans('He played defensive end for the Patriots in 1971.')).toContain('Patriots');
    // Lower case, or followed by "of", it is still a role.
    expect(spans('The board met the Directors of the bank on Friday.')).not.toContain('Directors');
  });

  it('keeps a capital "A" after a name in running prose as part of the name', () => {
    expect(spans('He was sent down to the Athletics Triple A team in May.')).toContain('Athletics Triple A');
    expect(spans('He debuted in Divizia A with Steaua in 1992.')).toContain('Divizia A');
    expect(spans('A new stadium opened in Miami.')).not.toContain('A');
  });

  it('does not split an organization word from the acronym after it', () => {
    expect(spans('He played at Pawn Shop and Club BED last year.')).toContain('Club BED');
  });

  it('reads a capitalized hyphenated modifier as no name, and a one-letter prefix as part of one', () => {
    const texts = spans('In 2005 he was named to the All-Time University of Texas team, having been a consensus All-American in 1970.');
    expect(texts).toContain('University of Texas');
    expect(texts).not.toContain('American');
    expect(texts.some((t) => t.startsWith('Time'))).toBe(false);
    expect(spans('It is a series of remix compilation albums by i-DANCE (formerly Intercord Japan).')).toContain('i-DANCE');
    // A capitalized word before the hyphen that is a name joins it instead.
    expect(spans('He was traded by the Tampa Bay Devil Rays after the Spanish-American War exhibit.')).toContain('Spanish-American War');
  });

  it('types a compass word before a known place as a place', () => {
    const [westJersey] = findCandidates(createDocument({ id: 'test', text: 'The engineer of the West Jersey train saw the signal.' }));
    expect(westJersey?.text).toBe('West Jersey');
    expect(classifyCandidate(westJersey!)?.type).toBe('LOC');
  });
});
