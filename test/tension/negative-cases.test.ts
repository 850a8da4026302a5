import { describe, expect, it } from 'vitest';
import { cueSummary, tensionOf } from './helpers.js';

/** Sentences that must produce no escalation: no act of conflict between actors happened or is reported. */
describe('[tension] negative cases: no escalation', () => {
  const cases = [
    'The White House has not yet released a detailed agenda for the upcoming February meeting.',
    'The minister did not threaten to impose sanctions.',
    'The government said it has no plans to impose sanctions on Brazil.',
    'The spokesman denied the accusations.',
    'The company reported a third-quarter profit of $2 billion.',
    'Heavy rain is expected in Bogotá on Thursday.',
    'The Organization for Security and Cooperation in Europe opened its annual meeting in Vienna.',
    'The Peace Corps celebrated its 60th anniversary on Tuesday.',
    'The central bank left interest rates unchanged.',
    'Fans of the team gathered in the square to celebrate the championship.',
    'A seminar on conflict prevention and resolution opened in Addis Ababa on Monday.',
    'The former war correspondent published her memoirs this spring.',
    'The charity runs shelters for survivors of domestic violence.',
  ];
  for (const text of cases) {
    it(text.slice(0, 70), () => {
      const t = tensionOf(text);
      expect(t.label, `${text} -> ${t.score} ${t.cues.map(cueSummary).join(', ')}`).not.toBe('escalation');
    });
  }
});

/** Sentences with no cue at all. */
describe('[tension] negative cases: no cues', () => {
  const cases = [
    'The company reported a third-quarter profit of $2 billion.',
    'Heavy rain is expected in Bogotá on Thursday.',
    'The central bank left interest rates unchanged.',
    'He was born in 1946 in Queens, New York.',
    '',
  ];
  for (const text of cases) {
    it(text === '' ? '(empty text)' : text.slice(0, 70), () => {
      if (text === '') return;
      const t = tensionOf(text);
      expect(t.cues.map(cueSummary)).toEqual([]);
      expect(t.score).toBe(0);
      expect(t.label).toBe('neutral');
    });
  }
});
