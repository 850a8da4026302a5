import { existsSync } from 'node:fs';
import path from 'node:path';
import { CSV_COLUMNS } from '../output/csv-tables.js';
import { tableRecords } from '../output/read-table.js';
import { DYAD_SERIES_COLUMNS } from '../series/dyad-series.js';
import { DYAD_SERIES_FILE } from '../series/series-table.js';

/** How many country pairs the corpus page charts over time; dyad_series.csv holds them all. */
export const TOP_SERIES_DYADS = 4;

export interface DyadSeriesMonth {
  /** "YYYY-MM". */
  readonly month: string;
  /** Events placed in the month by the date they happened / by their article's publication date. */
  readonly byEventDate: number;
  readonly byPublicationDate: number;
}

export interface BusyDyad {
  readonly source: string;
  readonly target: string;
  readonly events: number;
  readonly months: readonly DyadSeriesMonth[];
}

/**
 * The articles that are copies of an earlier one (`articles.csv` `duplicate_of`): id -> the story's
 * first article. Only copies are kept, so memory follows the syndicated share of the corpus.
 */
export async function readCopies(outputDir: string): Promise<Map<string, string>> {
  const file = path.join(outputDir, 'articles.csv');
  const copies = new Map<string, string>();
  if (!existsSync(file)) return copies;
  const id = CSV_COLUMNS.articles.indexOf('article_id');
  const duplicateOf = CSV_COLUMNS.articles.indexOf('duplicate_of');
  for await (const row of tableRecords(file)) if (row[duplicateOf]) copies.set(row[id]!, row[duplicateOf]!);
  return copies;
}

/**
 * The busiest country pairs of `dyad_series.csv` (most events on the event basis), each by month on
 * both date bases: a series written by week or day is summed into months for the chart.
 */
export async function readBusiestDyads(outputDir: string, limit = TOP_SERIES_DYADS): Promise<BusyDyad[] | null> {
  const file = path.join(outputDir, DYAD_SERIES_FILE);
  if (!existsSync(file)) return null;
  const at = (name: (typeof DYAD_SERIES_COLUMNS)[number]): number => DYAD_SERIES_COLUMNS.indexOf(name);
  const [source, target, basis, start, events] = [at('source_country'), at('target_country'), at('date_basis'), at('period_start'), at('events')];
  const dyads = new Map<string, { source: string; target: string; events: number; months: Map<string, { byEventDate: number; byPublicationDate: number }> }>();
  for await (const row of tableRecords(file)) {
    const key = `${row[source]}\u0000${row[target]}`;
    let dyad = dyads.get(key);
    if (!dyad) {
      dyad = { source: row[source]!, target: row[target]!, events: 0, months: new Map() };
      dyads.set(key, dyad);
    }
    const count = Number(row[events]);
    const month = row[start]!.slice(0, 7);
    const cell = dyad.months.get(month) ?? { byEventDate: 0, byPublicationDate: 0 };
    if (row[basis] === 'event') cell.byEventDate += count;
    else cell.byPublicationDate += count;
    dyad.months.set(month, cell);
  }
  // Ranked by the events of either basis (a series written with aggregate.basis "published" has only that one).
  for (const dyad of dyads.values()) {
    let byEvent = 0;
    let byPublication = 0;
    for (const cell of dyad.months.values()) {
      byEvent += cell.byEventDate;
      byPublication += cell.byPublicationDate;
    }
    dyad.events = Math.max(byEvent, byPublication);
  }
  return [...dyads.values()]
    .sort((a, b) => b.events - a.events || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0))
    .slice(0, limit)
    .map((d) => ({ source: d.source, target: d.target, events: d.events, months: [...d.months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, c]) => ({ month, ...c })) }));
}
