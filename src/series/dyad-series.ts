/**
 * Tension between country pairs over time: events counted in the period they happened (their resolved
 * date) and, beside it, in the period of the article's publication, with syndicated copies counted once.
 *
 * Placement rule (docs/CODEBOOK.md, dyad_series.csv):
 * - an event date that is a whole day (`2025-12-03`) goes to the period holding that day: precision `day`;
 * - a date with a range (`2025-12` mod END, `2025-Q4`, a week) goes to the period holding the midpoint
 *   of its range: precision `month` when the range spans at most 31 days (a month, a week, "late
 *   December"), else `coarser` (a quarter, a year, "late 2025");
 * - a date without a usable range (`PAST_REF`, an undated event) falls back to the publication date and
 *   is counted as `vague`; an event whose article has no publication date either cannot be placed on
 *   either basis and is left out (the article's events still appear in events.csv).
 */

export type Period = 'day' | 'week' | 'month';
export type DateBasis = 'event' | 'published';
export type Quad = 'verbal_cooperation' | 'material_cooperation' | 'verbal_conflict' | 'material_conflict' | 'none';
export type DatePrecision = 'day' | 'month' | 'coarser' | 'vague';

export interface SeriesEvent {
  readonly articleId: string;
  /** The story (near-duplicate cluster) the article belongs to; its own id when it has no copies. */
  readonly storyId: string;
  /** Publication date of the article (YYYY-MM-DD), or null. */
  readonly published: string | null;
  readonly sourceCountry: string;
  readonly targetCountry: string;
  readonly quad: Quad;
  readonly goldstein: number | null;
  /** The event's resolved TimeML value and range (from the date stage), or nulls. */
  readonly eventDate: string | null;
  readonly rangeStart: string | null;
  readonly rangeEnd: string | null;
}

export interface SeriesOptions {
  readonly period: Period;
  /** Count each story once (events of its earliest article only). */
  readonly dedupe: boolean;
}

export const DYAD_SERIES_COLUMNS = [
  'source_country', 'target_country', 'date_basis', 'period', 'period_start',
  'events', 'articles', 'stories',
  'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict', 'no_quad',
  'mean_goldstein', 'net_tension',
  'date_day', 'date_month', 'date_coarser', 'date_vague',
  'events_raw', 'articles_raw',
] as const;

export type SeriesRow = readonly (string | number | null)[];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;
const MS_PER_DAY = 86_400_000;

function dayNumber(iso: string): number | null {
  const match = DAY.exec(iso);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? null : Math.floor(ms / MS_PER_DAY);
}

const isoDay = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** The first day of the period holding `day`: the day itself, its ISO week's Monday, or the 1st of its month. */
export function periodStart(day: number, period: Period): string {
  if (period === 'day') return isoDay(day);
  if (period === 'week') {
    const weekday = (new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7; // Monday = 0, as ISO 8601 counts
    return isoDay(day - weekday);
  }
  return `${isoDay(day).slice(0, 7)}-01`;
}

/** Where an event goes on the event basis, and how precisely its date was known. */
export function placeEvent(event: Pick<SeriesEvent, 'eventDate' | 'rangeStart' | 'rangeEnd' | 'published'>): { day: number | null; precision: DatePrecision } {
  const exact = event.eventDate ? dayNumber(event.eventDate) : null;
  if (exact !== null) return { day: exact, precision: 'day' };
  const start = event.rangeStart ? dayNumber(event.rangeStart) : null;
  const end = event.rangeEnd ? dayNumber(event.rangeEnd) : null;
  if (start !== null && end !== null && end >= start) {
    const precision = start === end ? 'day' : end - start < 31 ? 'month' : 'coarser';
    return { day: Math.floor((start + end) / 2), precision };
  }
  return { day: event.published ? dayNumber(event.published) : null, precision: 'vague' };
}

interface Cell {
  readonly source: string;
  readonly target: string;
  readonly basis: DateBasis;
  readonly periodStart: string;
  events: number;
  readonly articles: Set<string>;
  readonly stories: Set<string>;
  readonly quads: Record<Quad, number>;
  goldsteinSum: number;
  goldsteinCount: number;
  readonly precision: Record<DatePrecision, number>;
  eventsRaw: number;
  readonly articlesRaw: Set<string>;
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

/**
 * Accumulates events into dyad series cells, one event at a time: memory grows with the cells (dyads x
 * periods) and the article ids in them, not with the events, so a corpus-sized events table streams.
 * With `dedupe`, only the events of a story's first article are counted (its `storyId` is its own id),
 * and every copy's events still go to the raw counts.
 */
export class DyadSeriesBuilder {
  private readonly cells = new Map<string, Cell>();

  constructor(private readonly options: SeriesOptions) {}

  add(event: SeriesEvent): void {
    const counted = !this.options.dedupe || event.storyId === event.articleId;
    const placed = placeEvent(event);
    const publishedDay = event.published ? dayNumber(event.published) : null;
    const targets: [DateBasis, number | null][] = [['event', placed.day], ['published', publishedDay]];
    for (const [basis, day] of targets) {
      if (day === null) continue;
      const target = this.cell(event, basis, day);
      target.eventsRaw++;
      target.articlesRaw.add(event.articleId);
      if (!counted) continue;
      target.events++;
      target.articles.add(event.articleId);
      target.stories.add(event.storyId);
      target.quads[event.quad]++;
      if (event.goldstein !== null) {
        target.goldsteinSum += event.goldstein;
        target.goldsteinCount++;
      }
      target.precision[placed.precision]++;
    }
  }

  private cell(event: SeriesEvent, basis: DateBasis, day: number): Cell {
    const start = periodStart(day, this.options.period);
    const key = `${event.sourceCountry}\u0000${event.targetCountry}\u0000${basis}\u0000${start}`;
    let found = this.cells.get(key);
    if (!found) {
      found = {
        source: event.sourceCountry, target: event.targetCountry, basis, periodStart: start, events: 0,
        articles: new Set(), stories: new Set(),
        quads: { verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0, none: 0 },
        goldsteinSum: 0, goldsteinCount: 0, precision: { day: 0, month: 0, coarser: 0, vague: 0 },
        eventsRaw: 0, articlesRaw: new Set(),
      };
      this.cells.set(key, found);
    }
    return found;
  }

  /** The rows, sorted by source, target, basis and period start. */
  rows(): SeriesRow[] {
    return seriesRows(this.cells, this.options.period);
  }
}

/** The dyad series rows of a list of events (see `DyadSeriesBuilder`). */
export function dyadSeries(events: Iterable<SeriesEvent>, options: SeriesOptions): SeriesRow[] {
  const builder = new DyadSeriesBuilder(options);
  for (const event of events) builder.add(event);
  return builder.rows();
}

function seriesRows(cells: ReadonlyMap<string, Cell>, period: Period): SeriesRow[] {
  const sorted = [...cells.values()].sort((a, b) =>
    a.source !== b.source ? (a.source < b.source ? -1 : 1)
      : a.target !== b.target ? (a.target < b.target ? -1 : 1)
        : a.basis !== b.basis ? (a.basis < b.basis ? -1 : 1)
          : a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0,
  );
  return sorted
    .filter((c) => c.eventsRaw > 0)
    .map((c) => {
      const conflict = c.quads.verbal_conflict + c.quads.material_conflict;
      const cooperation = c.quads.verbal_cooperation + c.quads.material_cooperation;
      return [
        c.source, c.target, c.basis, period, c.periodStart,
        c.events, c.articles.size, c.stories.size,
        c.quads.verbal_cooperation, c.quads.material_cooperation, c.quads.verbal_conflict, c.quads.material_conflict, c.quads.none,
        c.goldsteinCount > 0 ? round(c.goldsteinSum / c.goldsteinCount) : null,
        // Net tension: conflict minus cooperation events over the quad-coded events, -1 (all cooperation) .. +1 (all conflict).
        conflict + cooperation > 0 ? round((conflict - cooperation) / (conflict + cooperation)) : null,
        c.precision.day, c.precision.month, c.precision.coarser, c.precision.vague,
        c.eventsRaw, c.articlesRaw.size,
      ];
    });
}
