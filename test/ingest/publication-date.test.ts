import { describe, expect, it } from 'vitest';
import { parsePublicationDate } from '../../src/ingest/publication-date.js';

describe('publication dates as exports write them', () => {
  it.each([
    ['2026-01-14', '2026-01-14'],
    ['2026-01-14T09:30:00-05:00', '2026-01-14'],
    // The day as written in the article's zone: 23:30 in New York is already the 15th in UTC.
    ['2026-01-14T23:30:00-05:00', '2026-01-14'],
    ['2026-01-14T00:15:00.000+09:00', '2026-01-14'],
    ['Wed, 14 Jan 2026 10:00:00 GMT', '2026-01-14'],
    ['Wed, 14 Jan 2026 23:30:00 -0500', '2026-01-14'],
    ['14 Jan 2026 10:00 +0100', '2026-01-14'],
    ['Thu, 1 Jan 2026 08:00:00 EST', '2026-01-01'],
    ['January 14, 2026', '2026-01-14'],
    ['Jan. 14, 2026', '2026-01-14'],
    ['Sept 4 2026', '2026-09-04'],
    ['14 January 2026', '2026-01-14'],
    ['  29 February 2028 ', '2028-02-29'],
  ])('%s -> %s', (value, day) => {
    expect(parsePublicationDate(value)).toBe(day);
  });

  it.each([
    ['14/01/2026', 'numeric day/month order is ambiguous'],
    ['01/14/2026', 'numeric month/day order is ambiguous'],
    ['2026-02-30', 'no such day'],
    ['29 February 2026', 'not a leap year'],
    ['Thu, 14 Jan 2026 10:00:00 GMT', 'the weekday does not match the date'],
    ['Wed, 14 Jan 2026', 'RFC 2822 without its time'],
    ['2026-01-14T10:00', 'a date-time without an offset'],
    ['Janvier 14, 2026', 'not an English month'],
    ['yesterday', 'relative'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(parsePublicationDate(value)).toBeNull();
  });

  it('rejects values that are not strings', () => {
    for (const value of [20260114, new Date('2026-01-14'), null, ['2026-01-14']]) expect(parsePublicationDate(value)).toBeNull();
  });
});
