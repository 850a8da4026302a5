import { existsSync } from 'node:fs';
import path from 'node:path';
import { AtomicFileWriter } from '../output/atomic-write.js';
import { tableRecords } from '../output/read-table.js';
import { ARTICLE_ROW_COLUMNS, CSV_COLUMNS, tableFileName } from '../output/csv-tables.js';
import { csvText } from '../output/csv-writer.js';
import { assignStories, type DedupeInput, type StoryAssignment } from './cluster.js';
import { decodeSignature } from './minhash.js';

const ID = ARTICLE_ROW_COLUMNS.indexOf('article_id');
const DCT = ARTICLE_ROW_COLUMNS.indexOf('dct');
const SIGNATURE = ARTICLE_ROW_COLUMNS.indexOf('signature');

export interface StoriesSummary {
  readonly articles: number;
  /** Articles that are copies of an earlier article. */
  readonly duplicates: number;
  /** Stories with at least one copy. */
  readonly syndicated: number;
}

/**
 * Builds `articles.csv` from the run's article rows: the stories are found over every article's
 * signature (one pass), then each row is written with `story_id` and `duplicate_of` in place of its
 * signature (a second pass). Memory: one signature per article (512 bytes in a Uint32Array, twice
 * while the stories are found), so about 1 GB per million articles; the rows themselves stream.
 */
export async function writeArticlesTable(outputDir: string, threshold: number): Promise<{ stories: Map<string, StoryAssignment>; summary: StoriesSummary }> {
  const rowsFile = path.join(outputDir, tableFileName('articles'));
  const inputs: DedupeInput[] = [];
  if (existsSync(rowsFile)) {
    for await (const row of tableRecords(rowsFile)) {
      inputs.push({ id: row[ID]!, date: row[DCT] || null, signature: decodeSignature(row[SIGNATURE] ?? '') ?? [] });
    }
  }
  const stories = new Map(assignStories(inputs, threshold).map((s) => [s.id, s]));
  const writer = new AtomicFileWriter(path.join(outputDir, 'articles.csv'));
  try {
    writer.write(csvText([CSV_COLUMNS.articles]));
    if (existsSync(rowsFile)) {
      let pending = '';
      for await (const row of tableRecords(rowsFile)) {
        const story = stories.get(row[ID]!)!;
        const cells = row.slice(0, SIGNATURE).map((cell) => (cell === '' ? null : cell));
        pending += csvText([[...cells, story.storyId, story.duplicateOf]]);
        // One write per ~64 KB, not per row.
        if (pending.length >= 65_536) {
          writer.write(pending);
          pending = '';
        }
      }
      writer.write(pending);
    }
    writer.commit();
  } catch (error) {
    writer.abort();
    throw error;
  }
  let duplicates = 0;
  const syndicated = new Set<string>();
  for (const story of stories.values()) {
    if (story.duplicateOf === null) continue;
    duplicates++;
    syndicated.add(story.storyId);
  }
  return { stories, summary: { articles: stories.size, duplicates, syndicated: syndicated.size } };
}
