import type { IngestError } from '../ingest/corpus.js';
import type { TableName } from '../output/csv-tables.js';
import { csvText } from '../output/csv-writer.js';
import type { ArticleJsonWriter, JsonSource } from '../output/json-store.js';
import type { ArticleCounts } from './article-rows.js';
import type { PreviousCsv, RowSink } from './csv-sink.js';
import type { Step } from './incremental-plan.js';
import type { ArticleStatus, ManifestArticle, ManifestWriter, RowRanges } from './manifest.js';

export interface RunCounts {
  ok: number;
  unchanged: number;
  rejected: number;
  sentences: number;
  entities: number;
  timexes: number;
  tensionCues: number;
}

/**
 * Records a run's results in id order: each article's CSV rows go to the sink (copied from the previous
 * files for a reused article), its JSON to the JSON writer (in the layout of `outputs.json`), its
 * manifest entry and counts are kept for the manifest and the summary.
 */
export class RunResults {
  readonly errors: IngestError[];
  readonly counts: RunCounts;

  constructor(
    private readonly sink: RowSink | null,
    private readonly previousCsv: PreviousCsv | null,
    private readonly tables: readonly TableName[],
    private readonly json: ArticleJsonWriter,
    scanErrors: readonly IngestError[],
    private readonly manifest: ManifestWriter,
  ) {
    this.errors = [...scanErrors];
    this.counts = { ok: 0, unchanged: 0, rejected: scanErrors.length, sentences: 0, entities: 0, timexes: 0, tensionCues: 0 };
  }

  record(step: Step): void {
    if (step.kind === 'rejected') {
      this.errors.push(step.error);
      this.counts.rejected++;
      return;
    }
    if (step.kind === 'skipped') return;
    const sink = this.sink;
    let ranges: RowRanges = {};
    let articleCounts: ArticleCounts;
    let entry: Omit<ManifestArticle, 'status' | 'counts' | 'csv'>;
    if (step.kind === 'reused') {
      ranges = sink && this.previousCsv ? this.previousCsv.copyTo(sink, step.entry.csv ?? {}) : {};
      articleCounts = step.entry.counts!;
      entry = step.entry;
    } else {
      if (sink) for (const table of this.tables) Object.assign(ranges, sink.append(table, step.csv[table]));
      articleCounts = step.counts;
      entry = step.kind === 'written' ? { id: step.id, source_path: step.sourcePath, content_hash: step.contentHash, json: '' } : step.entry;
    }
    const status: ArticleStatus = step.kind === 'written' ? 'ok' : 'unchanged';
    this.counts[status]++;
    this.counts.sentences += articleCounts.sentences;
    this.counts.entities += articleCounts.entities;
    this.counts.timexes += articleCounts.timexes;
    this.counts.tensionCues += articleCounts.tensionCues;
    const source: JsonSource =
      step.kind !== 'written' ? { kind: 'previous' } : step.jsonGz ? { kind: 'member', bytes: step.jsonGz } : step.jsonText !== undefined ? { kind: 'text', text: step.jsonText } : { kind: 'in-place' };
    const json = this.json.put(entry.id, source);
    this.manifest.add({ id: entry.id, source_path: entry.source_path, content_hash: entry.content_hash, status, json, counts: articleCounts, ...(sink ? { csv: ranges } : {}) });
  }

  /** The errors table, in file order, once every article is recorded. */
  writeErrors(): void {
    this.errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    this.sink?.append('errors', this.errors.length > 0 ? csvText(this.errors.map((e) => [e.articleId, e.file, e.line, e.reason])) : undefined);
  }

  /** After the articles (in id order), the rejected inputs in file order: once `writeErrors` has sorted them. */
  addRejectedToManifest(): void {
    for (const e of this.errors) this.manifest.add({ id: e.articleId ?? '', source_path: e.line === null ? e.file : `${e.file}:${e.line}`, content_hash: '', status: 'rejected', json: null });
  }
}
