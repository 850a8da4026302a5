import { describe, expect, it } from 'vitest';
import { DYAD_SERIES_COLUMNS, dyadSeries, periodStart, placeEvent, type SeriesEvent } from '../../src/series/dyad-series.js';

const event = (overrides: Partial<SeriesEvent>): SeriesEvent => ({
  articleId: 'a1', storyId: 'a1', published: '2026-01-14', sourceCountry: 'USA', targetCountry: 'VEN',
  quad: 'verbal_conflict', goldstein: -4, eventDate: null, rangeStart: null, rangeEnd: null, ...overrides,
});
const asRecord = (row: readonly (string | number | null)[]) => Object.fromEntries(DYAD_SERIES_COLUMNS.map((c, i) => [c, row[i]]));

describe('[series] dyad series', () => {
  it('places "threatened military action in late 2025", written in January 2026, in late 2025', () => {
    // The date stage gives late 2025 as 2025 mod END with the range of its last third.
    const late2025 = event({ eventDate: '2025', rangeStart: '2025-09-01', rangeEnd: '2025-12-31', quad: 'material_conflict', goldstein: -7 });
    const rows = dyadSeries([late2025], { period: 'month', dedupe: true }).map(asRecord);
    expect(rows.find((r) => r.date_basis === 'event')).toMatchObject({ period_start: '2025-10-01', date_coarser: 1, events: 1, material_conflict: 1, mean_goldstein: -7, net_tension: 1 });
    expect(rows.find((r) => r.date_basis === 'published')).toMatchObject({ period_start: '2026-01-01', events: 1 });
  });

  it('counts precisions: a day, a month range, a vague reference on the publication date', () => {
    expect(placeEvent(event({ eventDate: '2026-01-07' }))).toEqual({ day: placeEvent(event({ eventDate: '2026-01-07' })).day, precision: 'day' });
    expect(placeEvent(event({ eventDate: '2025-12', rangeStart: '2025-12-21', rangeEnd: '2025-12-31' })).precision).toBe('month');
    const vague = placeEvent(event({ eventDate: 'PAST_REF' }));
    expect(vague.precision).toBe('vague');
    expect(periodStart(vague.day!, 'day')).toBe('2026-01-14');
  });

  it('counts a syndicated story once, and its copies in the raw counts', () => {
    const original = event({ articleId: 'wire', storyId: 'wire', eventDate: '2026-01-12' });
    const copy = event({ articleId: 'copy', storyId: 'wire', eventDate: '2026-01-12', published: '2026-01-15' });
    const [deduped] = dyadSeries([original, copy], { period: 'month', dedupe: true }).map(asRecord);
    expect(deduped).toMatchObject({ date_basis: 'event', events: 1, articles: 1, stories: 1, events_raw: 2, articles_raw: 2 });
    const [raw] = dyadSeries([original, copy], { period: 'month', dedupe: false }).map(asRecord);
    expect(raw).toMatchObject({ events: 2, articles: 2, stories: 1 });
  });

  it('starts ISO weeks on Monday, across a year boundary', () => {
    const day = placeEvent(event({ eventDate: '2026-01-01' })).day!; // a Thursday
    expect(periodStart(day, 'week')).toBe('2025-12-29');
    expect(periodStart(day, 'month')).toBe('2026-01-01');
  });

  it('computes net tension from conflict and cooperation events, and sorts rows', () => {
    const rows = dyadSeries(
      [
        event({ eventDate: '2026-01-05', quad: 'verbal_cooperation', goldstein: 3 }),
        event({ eventDate: '2026-01-06', quad: 'verbal_conflict', goldstein: -2 }),
        event({ eventDate: '2026-01-06', quad: 'material_conflict', goldstein: -8 }),
        event({ eventDate: '2026-01-06', sourceCountry: 'COL', targetCountry: 'USA', quad: 'none', goldstein: null }),
      ],
      { period: 'month', dedupe: true },
    ).map(asRecord);
    expect(rows.map((r) => `${r.source_country}-${r.target_country}-${r.date_basis}`)).toEqual(['COL-USA-event', 'COL-USA-published', 'USA-VEN-event', 'USA-VEN-published']);
    expect(rows[2]).toMatchObject({ events: 3, net_tension: 0.3333, mean_goldstein: -2.3333, date_day: 3 });
    expect(rows[0]).toMatchObject({ no_quad: 1, net_tension: null, mean_goldstein: null });
  });
});
