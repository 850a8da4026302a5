import { describe, expect, it } from 'vitest';
import { labels } from './helpers.js';

/** Text that must produce no entity at all. */
const NEGATIVE = [
  'The meeting was held on Monday.',
  'In March, officials said the talks would resume.',
  'I think so, he said.',
  'prices rose sharply in the third quarter.',
  'However, the President said nothing.',
  'They Said It Would Never Happen Again',
  'A Deal Is Not Enough',
  'Sales were up 12% in January and February.',
  '',
];

describe('[entities] negative cases', () => {
  it.each(NEGATIVE)('finds nothing in %j', (text) => {
    expect(labels(text)).toEqual([]);
  });
});
