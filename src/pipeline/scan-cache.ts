import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ARTICLE_EXTENSIONS, discoverFiles, parseArticleBytes, type ArticleRef, type IngestError, type IngestOptions } from '../ingest/corpus.js';

/**
 * The corpus scan with a stat cache, for incremental reruns. `scanCorpus` parses every file (front
 * matter, JSON) to find article ids, about half a millisecond per article: more than a rerun of an
 * unchanged corpus may spend in total. Like git's index, a file whose size and modification time are
 * those recorded by the previous run (same ingest settings) is not read again: its article ids, byte
 * ranges, content hashes and scan errors come from the record. A changed or new file is parsed exactly
 * as `scanCorpus` parses it (`test/scale/scan-cache.test.ts` checks that both agree).
 */
export interface ScannedRef extends ArticleRef {
  /** The content hash `loadArticle` would give (text, metadata, publication date). */
  readonly contentHash: string;
}

/** What one corpus file held at scan time; kept in the manifest. */
export interface FileRecord {
  readonly bytes: number;
  readonly mtime_ms: number;
  /** [id, line (jsonl) or null, byte start, byte end, content hash] */
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
export function scanCorpusCached(corpusDir: string, options: IngestOptions, previous: FileRecords | null): CachedScan {
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
      record = scanFile(corpusDir, relPath, stat.size, stat.mtimeMs, options);
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

/** One file, as `scanCorpus` reads it: every article's id and byte range, or why it cannot be used. */
function scanFile(corpusDir: string, relPath: string, size: number, mtimeMs: number, options: IngestOptions): FileRecord {
  const articles: Array<[string, number | null, number, number, string]> = [];
  const errors: Array<[string | null, number | null, string]> = [];
  const record = (): FileRecord => ({ bytes: size, mtime_ms: mtimeMs, articles, errors });
  const extension = path.extname(relPath).toLowerCase();
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(extension)) {
    errors.push([null, null, `unsupported file type "${extension || '(none)'}": expected ${ARTICLE_EXTENSIONS.join(', ')}`]);
    return record();
  }
  const full = path.join(corpusDir, relPath);
  if (extension === '.jsonl') {
    const bytes = readFileSync(full);
    let lineStart = 0;
    let lineNumber = 0;
    while (lineStart < bytes.length) {
      let lineEnd = bytes.indexOf(0x0a, lineStart);
      if (lineEnd === -1) lineEnd = bytes.length;
      lineNumber++;
      const slice = bytes.subarray(lineStart, lineEnd);
      if (slice.toString('latin1').trim() !== '') {
        const result = parseArticleBytes(slice, { id: '', relPath, line: lineNumber, byteStart: lineStart, byteEnd: lineEnd }, options, true);
        if (result.ok) articles.push([result.article.id, lineNumber, lineStart, lineEnd, result.article.contentHash]);
        else errors.push([result.error.articleId, result.error.line, result.error.reason]);
      }
      lineStart = lineEnd + 1;
    }
    return record();
  }
  const ref = { id: '', relPath, line: null, byteStart: 0, byteEnd: size };
  if (size > options.maxBytes) {
    const withoutExtension = relPath.slice(0, relPath.length - path.extname(relPath).length);
    errors.push([withoutExtension, null, `file of ${size} bytes is over the size limit of ${options.maxBytes} bytes (ingest.maxBytes)`]);
    return record();
  }
  const result = parseArticleBytes(readFileSync(full), ref, options, true);
  if (result.ok) articles.push([result.article.id, null, 0, size, result.article.contentHash]);
  else errors.push([result.error.articleId, result.error.line, result.error.reason]);
  return record();
}
