import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PipelineConfig } from '../config/schema.js';
import { AtomicFileWriter } from '../output/atomic-write.js';
import { tableRecords } from '../output/read-table.js';
import { CSV_COLUMNS } from '../output/csv-tables.js';
import { csvText } from '../output/csv-writer.js';
import { DYAD_SERIES_COLUMNS, DyadSeriesBuilder, type DateBasis, type Period, type Quad, type SeriesEvent } from './dyad-series.js';

export const DYAD_SERIES_FILE = 'dyad_series.csv';

export interface SeriesTableOptions {
  readonly period: Period;
  readonly dedupe: boolean;
  /** Which date bases get rows: both (the default), or only one. */
  readonly basis: DateBasis | 'both';
}

/** The series options of a config (`aggregate.*`). */
export function seriesOptions(config: Pick<PipelineConfig, 'aggregate'>): SeriesTableOptions {
  return { period: config.aggregate.period, dedupe: config.aggregate.dedupe, basis: config.aggregate.basis };
}

export interface SeriesTableSummary {
  readonly rows: number;
  /** Events of events.csv that entered the series (between two countries, and happened as told). */
  readonly events: number;
}

const QUADS = new Set<string>(['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict']);
/** As in the per-article dyad table: a negated, demanded, planned or conditional act is not an act between the two yet. */
const HAPPENED = new Set(['asserted', 'reported']);

const column = <T extends readonly string[]>(columns: T, name: T[number]): number => columns.indexOf(name);

/**
 * Builds `dyad_series.csv` from the finished `articles.csv` (publication date and story of each article)
 * and `events.csv`, both streamed; only the series cells stay in memory. Used at the end of a run and
 * by `article-pipeline aggregate`, which rebuilds it with another period or basis without reanalysis.
 * Without an events table (the tension stage switched off) there is no series, and a stale one is removed.
 */
export async function writeDyadSeriesTable(outputDir: string, options: SeriesTableOptions): Promise<SeriesTableSummary | null> {
  const eventsFile = path.join(outputDir, 'events.csv');
  const articlesFile = path.join(outputDir, 'articles.csv');
  const target = path.join(outputDir, DYAD_SERIES_FILE);
  if (!existsSync(eventsFile) || !existsSync(articlesFile)) {
    rmSync(target, { force: true });
    return null;
  }
  const a = CSV_COLUMNS.articles;
  const [articleId, dct, storyId] = [column(a, 'article_id'), column(a, 'dct'), column(a, 'story_id')];
  const articles = new Map<string, { readonly published: string | null; readonly storyId: string }>();
  for await (const row of tableRecords(articlesFile)) {
    const id = row[articleId]!;
    articles.set(id, { published: row[dct] || null, storyId: row[storyId] || id });
  }

  const e = CSV_COLUMNS.events;
  const at = {
    article: column(e, 'article_id'), quad: column(e, 'quad'), goldstein: column(e, 'goldstein'), modality: column(e, 'modality'),
    source: column(e, 'source_alpha3'), target: column(e, 'target_alpha3'), reciprocal: column(e, 'reciprocal'),
    date: column(e, 'event_date'), dateSource: column(e, 'date_source'), rangeStart: column(e, 'range_start'), rangeEnd: column(e, 'range_end'),
  };
  const builder = new DyadSeriesBuilder({ period: options.period, dedupe: options.dedupe });
  let events = 0;
  for await (const row of tableRecords(eventsFile)) {
    const source = row[at.source];
    const targetCountry = row[at.target];
    if (!source || !targetCountry || !HAPPENED.has(row[at.modality] ?? '')) continue;
    const id = row[at.article]!;
    const article = articles.get(id) ?? { published: null, storyId: id };
    const quad = row[at.quad] ?? '';
    const goldstein = row[at.goldstein] ? Number(row[at.goldstein]) : null;
    // An event whose sentence holds no date was dated by the article's publication date: that is the
    // publication-date fallback, so it counts as vague, not as a day-precise date.
    const dated = row[at.dateSource] === 'timex';
    const event: SeriesEvent = {
      articleId: id,
      storyId: article.storyId,
      published: article.published,
      sourceCountry: source,
      targetCountry,
      quad: (QUADS.has(quad) ? quad : 'none') as Quad,
      goldstein: goldstein !== null && Number.isFinite(goldstein) ? goldstein : null,
      eventDate: dated ? row[at.date] || null : null,
      rangeStart: dated ? row[at.rangeStart] || null : null,
      rangeEnd: dated ? row[at.rangeEnd] || null : null,
    };
    builder.add(event);
    // "Colombia and Ecuador agreed": each acted toward the other, so the act counts in both directions.
    if (row[at.reciprocal] === 'true' && source !== targetCountry) builder.add({ ...event, sourceCountry: targetCountry, targetCountry: source });
    events++;
  }
  const basisColumn = DYAD_SERIES_COLUMNS.indexOf('date_basis');
  const rows = builder.rows().filter((r) => options.basis === 'both' || r[basisColumn] === options.basis);
  const writer = new AtomicFileWriter(target);
  try {
    writer.write(csvText([DYAD_SERIES_COLUMNS]));
    writer.write(csvText(rows));
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
  return { rows: rows.length, events };
}
