import { describe, expect, it } from 'vitest';
import { timexesOf } from './helpers.js';

const here = '[dates/negative-cases] ';

/** Strings that must produce no timex (TIMEML.md "Do not tag" and HeidelTime's negative rules). */
const negatives = [
  'The 52-year-old driver was arrested.',
  'She is five years old.',
  'About 2000 soldiers crossed the border.',
  'The road is 1500 miles long.',
  'He paid a fine of 2000 dollars.',
  'Shares rose 12.53% to $1,989.',
  'It may rain, and they may march.',
  'The former minister spoke.',
  'Meanwhile, the talks resumed immediately.',
  'The current account deficit widened.',
  'He won a second term.',
  'Three-quarters of the shares were sold.',
  'He lives at 1600 Pennsylvania Avenue.',
  'The fall of the Berlin Wall changed Europe.',
  'August Wilson wrote plays.',
  'Call 555-1212 for details.',
  'James Baker, speaking on ABC News\' "This Week," said the request helps.',
  'This is VOA Today.',
  'Tapes from the night the plane went down were released.',
  'Farkas expressed the hope he one day follow in the footsteps of fellow astronauts.',
  'He is in his 80s and lives alone.',
  'Thousands joined the March for Life on Capitol Hill.',
  'Turnout rose 2 to 3 percent.',
  'The poster showed Gary Cooper from the film "High Noon."',
  'The children, aged 6 to 12 years old, were freed.',
  'One day, he said, the chips will be in many of today\'s personal computers.',
];

describe(here + 'produce nothing', () => {
  for (const text of negatives) {
    it(text, () => {
      expect(timexesOf(text, '1998-03-05').map((t) => `${t.text} ${t.value}`)).toEqual([]);
    });
  }
});
