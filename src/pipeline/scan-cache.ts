import { statSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles, scanArticleFile, type ArticleRef, type IngestError, type IngestOptions } from '../ingest/corpus.js';

/**
 * The corpus scan, with a stat cache for incremental reruns. Reading a file for its article ids
 * (`scanArticleFile`: front matter, JSON, CSV rows) costs about half a millisecond per article: more than a rerun
 * of an unchanged corpus may spend in total. Like git's index, a file whose size and modification time
 * are those recorded by the previous run (same ingest settings) is not read again: its article ids,
 * byte ranges, content hashes and scan errors come from the record (`test/scale/scan-cache.test.ts`
 * checks that a cached rerun agrees with a fresh scan). Without `previous` every file is read.
 */
export interface ScannedRef extends ArticleRef {
  /** The content hash `loadArticle` would give (text, metadata, publication date). */
  readonly contentHash: string;
}

/** What one corpus file held at scan time; kept in the manifest. */
export interface FileRecord {
  readonly bytes: number;
  readonly mtime_ms: number;
  /** [id, line (jsonl) or row (CSV/TSV) or null, byte start, byte end (of the decompressed bytes for .gz), content hash] */
  readonly articles: ReadonlyArray<readonly [string, number | null, number, number, string]>;
  /** Scan errors of this file: [article id or null, line or null, reason] */
  readonly errors: ReadonlyArray<readonly [string | null, number | null, string]>;
}

export type FileRecords = Readonly<Record<string, FileRecord>>;

export interface CachedScan {
  /** Articles to analyze, sorted by id. */
  readonly refs: readonly ScannedRef[];
  readonly errors: readonly IngestError[];
  /** Records for the next run. */
  readonly files: FileRecords;
  /** Files read in this scan (the others came from the records). */
  readonly filesRead: number;
}

/** Scans the corpus, trusting `previous` records for files whose size and modification time match. */
export async function scanCorpusCached(corpusDir: string, options: IngestOptions, previous: FileRecords | null): Promise<CachedScan> {
  const refs: ScannedRef[] = [];
  const errors: IngestError[] = [];
  const files: Record<string, FileRecord> = {};
  const seen = new Map<string, string>();
  let filesRead = 0;
  for (const relPath of discoverFiles(corpusDir)) {
    const stat = statSync(path.join(corpusDir, relPath));
    const before = previous?.[relPath];
    let record: FileRecord;
    if (before && before.bytes === stat.size && before.mtime_ms === stat.mtimeMs) {
      record = before;
    } else {
      record = await scanFile(corpusDir, relPath, stat.size, stat.mtimeMs, options);
      filesRead++;
    }
    files[relPath] = record;
    for (const [articleId, line, reason] of record.errors) errors.push({ articleId, file: relPath, line, reason });
    for (const [id, line, byteStart, byteEnd, contentHash] of record.articles) {
      const first = seen.get(id);
      if (first !== undefined) {
        errors.push({ articleId: id, file: relPath, line, reason: `duplicate id "${id}": already used by ${first}` });
        continue;
      }
      seen.set(id, line === null ? relPath : `${relPath}:${line}`);
      refs.push({ id, relPath, line, byteStart, byteEnd, contentHash });
    }
  }
  refs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { refs, errors, files, filesRead };
}

/** One file, read by `scanArticleFile`, in the manifest's compact record form. */
async function scanFile(corpusDir: string, relPath: string, size: number, mtimeMs: number, options: IngestOptions): Promise<FileRecord> {
  const scanned = await scanArticleFile(corpusDir, relPath, size, options);
  return {
    bytes: size,
    mtime_ms: mtimeMs,
    articles: scanned.articles.map((a): [string, number | null, number, number, string] => [a.id, a.line, a.byteStart, a.byteEnd, a.contentHash]),
    errors: scanned.errors.map((e): [string | null, number | null, string] => [e.articleId, e.line, e.reason]),
  };
}
