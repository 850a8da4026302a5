import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { isoDay, isoMonth } from '../../src/dates/calendar.js';

describe('[dates] ISO day and month strings', () => {
  it('are what date-fns format gives, from year 1 to 9999 and before year 1', () => {
    const days: Date[] = [];
    for (const year of [-500, 0, 1, 9, 33, 999, 1000, 1899, 1970, 1999, 2000, 2024, 2026, 2100, 9999]) {
      for (const [month, day] of [[0, 1], [1, 28], [1, 29], [5, 15], [11, 31]] as const) {
        const d = new Date(2000, month, day, 12);
        d.setFullYear(year, month, day);
        days.push(d);
      }
    }
    for (const d of days) {
      expect(isoDay(d)).toBe(format(d, 'yyyy-MM-dd'));
      expect(isoMonth(d)).toBe(format(d, 'yyyy-MM'));
    }
  });
});
