import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ArticleMetadata, DctSource } from '../document/types.js';
import { stableStringify } from '../util/stable-stringify.js';
import { parseFrontMatterYaml } from './front-matter.js';
import { checkLanguage, type LanguagePolicy } from './language.js';
import { ARTICLE_EXTENSIONS, describeExtension, fileFormat, holdsManyArticles, type ArticleFormat, type FileFormat } from './formats.js';
import { gunzipBytes, gunzipFile, MAX_ARCHIVE_BYTES } from './gzip.js';
import { extractHtmlArticle } from './html.js';
import { DEFAULT_HTML_OPTIONS, DEFAULT_TABLE_OPTIONS, type HtmlIngestOptions, type TableIngestOptions } from './options.js';
import { checkMetadata } from './metadata.js';
import { decodeArticleBytes, normalizeText } from './normalize.js';
import { parsePublicationDate, PUBLICATION_DATE_FORMS } from './publication-date.js';
import { beginFileRows, keepRow, takeRow, type KeptRow } from './row-cache.js';
import { checkRow, readHeader, readRow, resolveLayout, rowHash, scanTable, type LayoutResult, type TableLayout } from './table.js';

export { ARTICLE_EXTENSIONS } from './formats.js';

export interface IngestOptions {
  readonly maxBytes: number;
  readonly defaultPublicationDate: string | null;
  readonly language: LanguagePolicy;
  /** `ingest.html`; absent: the defaults. */
  readonly html?: HtmlIngestOptions;
  /** `ingest.table`; absent: the defaults. */
  readonly table?: TableIngestOptions;
}

/** Where one article lives: a whole file, or one line (byte range) of a jsonl file. */
export interface ArticleRef {
  readonly id: string;
  readonly relPath: string;
  /** 1-based line for jsonl, 1-based data row for CSV/TSV (header not counted), else null. */
  readonly line: number | null;
  readonly byteStart: number;
  readonly byteEnd: number;
}

export interface RawArticle {
  readonly id: string;
  /** Path relative to the corpus folder, with ":line" for jsonl and ":row" for CSV/TSV. */
  readonly sourcePath: string;
  readonly metadata: ArticleMetadata;
  readonly text: string;
  readonly dct: string | null;
  readonly dctSource: DctSource;
  /** sha256 of the stored text, metadata and dct: unchanged hash means unchanged analysis input. */
  readonly contentHash: string;
  /** Non-fatal findings (e.g. language warnings). */
  readonly warnings: readonly string[];
}

export interface IngestError {
  readonly articleId: string | null;
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;
}

export type ArticleResult = { ok: true; article: RawArticle } | { ok: false; error: IngestError };

/** Every article file under the corpus folder, recursively, in sorted order; hidden files are skipped. */
export function discoverFiles(corpusDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(path.relative(corpusDir, full).split(path.sep).join('/'));
    }
  };
  walk(corpusDir);
  return found;
}

export interface ScannedArticle extends ArticleRef {
  readonly contentHash: string;
}

/**
 * One file of the corpus, read for its articles' ids, byte ranges and content hashes (every article of
 * a jsonl, CSV or TSV file; of a `.gz` archive, ranges into its decompressed bytes), or the reasons it
 * cannot be used. Shared by the plain scan and the stat-cached one. HTML pages are not extracted here:
 * their id is their path and their hash that of their bytes, and extraction runs once, when loaded.
 */
export async function scanArticleFile(corpusDir: string, relPath: string, size: number, options: IngestOptions): Promise<{ articles: ScannedArticle[]; errors: IngestError[] }> {
  const articles: ScannedArticle[] = [];
  const errors: IngestError[] = [];
  const format = fileFormat(relPath);
  if (format === null) {
    errors.push({ articleId: null, file: relPath, line: null, reason: `unsupported file type "${describeExtension(relPath)}": expected ${ARTICLE_EXTENSIONS.join(', ')}, each also as .gz` });
    return { articles, errors };
  }
  const full = path.join(corpusDir, relPath);
  const take = (result: ArticleResult, ref: Omit<ArticleRef, 'id'>): void => {
    if (result.ok) articles.push(scannedArticle(ref, ownString(result.article.id), result.article.contentHash));
    else errors.push(result.error);
  };
  let data: Buffer | null = null;
  if (format.gzip) {
    const decompressed = gunzipFile(full, archiveLimit(format, options));
    if (!decompressed.ok) {
      errors.push({ articleId: holdsManyArticles(format.format) ? null : defaultId({ relPath, line: null }), file: relPath, line: null, reason: archiveReason(decompressed.reason, decompressed.oversized, format) });
      return { articles, errors };
    }
    data = decompressed.data;
  }
  if (format.format === 'jsonl') {
    const onLine = (line: Buffer | null, lineNumber: number, byteStart: number, byteEnd: number): void => {
      const ref = { relPath, line: lineNumber, byteStart, byteEnd };
      if (line === null) {
        errors.push({ articleId: defaultId(ref), file: relPath, line: lineNumber, reason: `article of ${byteEnd - byteStart} bytes is over the size limit of ${options.maxBytes} bytes (ingest.maxBytes)` });
      } else if (line.toString('latin1').trim() !== '') {
        take(parseFormatBytes(line, refWithId(ref, ''), 'jsonl', options, true), ref);
      }
    };
    if (data) forEachLineOfBuffer(data, options.maxBytes, onLine);
    else forEachLine(full, options.maxBytes, onLine);
    return { articles, errors };
  }
  if (format.format === 'csv' || format.format === 'tsv') {
    const stat = statSync(full);
    forgetTrustedStat(full);
    beginFileRows(full, stat.size, stat.mtimeMs);
    // Called again when csv-parse must read the file from its start (see `scanTable`).
    const openChunks = (): AsyncIterable<Buffer> | Iterable<Buffer> => (data ? chunksOf(data) : createReadStream(full, { highWaterMark: READ_CHUNK_BYTES }));
    const fileError = await scanTable(openChunks, delimiterOf(format.format), {
      onHeader: (header) => resolveLayout(header, options.table ?? DEFAULT_TABLE_OPTIONS),
      onRow: (row, layout) => {
        const ref = { relPath, line: row.row, byteStart: row.byteStart, byteEnd: row.byteEnd };
        const rowBytes = row.byteEnd - row.byteStart;
        if (rowBytes > options.maxBytes) {
          const id = layout.fields.id === null ? '' : (row.record[layout.fields.id] ?? '').trim();
          errors.push({ articleId: id || defaultId(ref), file: relPath, line: row.row, reason: `row of ${rowBytes} bytes is over the size limit of ${options.maxBytes} bytes (ingest.maxBytes)${lineNote(row.row, row.line)}` });
          return;
        }
        const result = tableRowArticle(row.record, layout, refWithId(ref, ''), options, true, row.line);
        if (result.ok) keepRow(full, row.byteStart, row.bytes ? { bytes: row.bytes, hash: result.article.contentHash } : { record: row.record, hash: result.article.contentHash });
        take(result, ref);
      },
      onBadRecord: (row, line, reason) => errors.push({ articleId: defaultId({ relPath, line: row }), file: relPath, line: row, reason: `${reason}${lineNote(row, line)}` }),
    });
    if (fileError !== null) errors.push({ articleId: null, file: relPath, line: null, reason: fileError });
    return { articles, errors };
  }
  const bytes = data?.length ?? size;
  const ref = { relPath, line: null, byteStart: 0, byteEnd: bytes };
  if (bytes > options.maxBytes) {
    errors.push({ articleId: defaultId(ref), file: relPath, line: null, reason: `file of ${bytes} bytes is over the size limit of ${options.maxBytes} bytes (ingest.maxBytes)` });
    return { articles, errors };
  }
  const content = data ?? readFileSync(full);
  if (format.format === 'html') {
    articles.push(scannedArticle(ref, defaultId(ref), htmlInputHash(content)));
    return { articles, errors };
  }
  take(parseFormatBytes(content, refWithId(ref, ''), format.format, options, true), ref);
  return { articles, errors };
}

/*
 * A scan builds two of these per row. Written out field by field: Node 20's V8 takes a slow path for a
 * spread followed by more properties (`{ ...ref, id }`: ~2.5 µs, measured), a tenth of a CSV row's scan.
 * The keys keep the order the spreads gave.
 */
function refWithId(ref: Omit<ArticleRef, 'id'>, id: string): ArticleRef {
  return { relPath: ref.relPath, line: ref.line, byteStart: ref.byteStart, byteEnd: ref.byteEnd, id };
}

function scannedArticle(ref: Omit<ArticleRef, 'id'>, id: string, contentHash: string): ScannedArticle {
  return { relPath: ref.relPath, line: ref.line, byteStart: ref.byteStart, byteEnd: ref.byteEnd, id, contentHash };
}

const READ_CHUNK_BYTES = 1 << 20;

/** Decompressed-size limit: one article's for a one-article format, an archive's for a many-article one. */
function archiveLimit(format: FileFormat, options: IngestOptions): number {
  return holdsManyArticles(format.format) ? MAX_ARCHIVE_BYTES : options.maxBytes;
}

function archiveReason(reason: string, oversized: boolean, format: FileFormat): string {
  if (!oversized) return reason;
  return holdsManyArticles(format.format) ? `archive ${reason} (the largest archive read is ${MAX_ARCHIVE_BYTES} bytes decompressed: split it)` : `file ${reason}, over the size limit (ingest.maxBytes)`;
}

function delimiterOf(format: 'csv' | 'tsv'): ',' | '\t' {
  return format === 'tsv' ? '\t' : ',';
}

/** A CSV row's physical line, when a quoted line break makes it differ from the row count. */
function lineNote(row: number, line: number): string {
  return line === row + 1 ? '' : ` (row ${row} starts on line ${line})`;
}

function* chunksOf(data: Buffer): Generator<Buffer> {
  for (let start = 0; start < data.length; start += READ_CHUNK_BYTES) yield data.subarray(start, start + READ_CHUNK_BYTES);
}

function htmlInputHash(bytes: Uint8Array): string {
  return createHash('sha256').update('html\n').update(bytes).digest('hex');
}

/** `forEachLine` over bytes already in memory (a decompressed archive). */
function forEachLineOfBuffer(data: Buffer, maxLineBytes: number, onLine: (line: Buffer | null, lineNumber: number, byteStart: number, byteEnd: number) => void): void {
  let lineNumber = 0;
  let start = 0;
  while (start < data.length) {
    const newline = data.indexOf(0x0a, start);
    const end = newline === -1 ? data.length : newline;
    lineNumber++;
    onLine(end - start > maxLineBytes ? null : data.subarray(start, end), lineNumber, start, end);
    start = end + 1;
  }
}

/**
 * Calls `onLine` for every line of a file with its bytes (without the line feed) and byte range, reading
 * the file a chunk at a time, so a jsonl corpus of any size is scanned in flat memory. A line longer
 * than `maxLineBytes` is passed as null: it is never held whole. The bytes are only valid during the call.
 */
function forEachLine(file: string, maxLineBytes: number, onLine: (line: Buffer | null, lineNumber: number, byteStart: number, byteEnd: number) => void): void {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(READ_CHUNK_BYTES);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let oversized = false;
    let lineStart = 0;
    let lineNumber = 0;
    let position = 0;
    const finishLine = (end: number): void => {
      lineNumber++;
      const line = oversized ? null : pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      onLine(line, lineNumber, lineStart, end);
      pending = [];
      pendingBytes = 0;
      oversized = false;
      lineStart = end + 1;
    };
    const keep = (piece: Buffer): void => {
      if (oversized) return;
      if (pendingBytes + piece.length > maxLineBytes) {
        oversized = true;
        pending = [];
        return;
      }
      pending.push(piece);
      pendingBytes += piece.length;
    };
    for (let read = readSync(fd, chunk, 0, chunk.length, position); read > 0; read = readSync(fd, chunk, 0, chunk.length, position)) {
      let from = 0;
      for (let newline = chunk.indexOf(0x0a, from); newline !== -1 && newline < read; newline = chunk.indexOf(0x0a, from)) {
        keep(chunk.subarray(from, newline));
        finishLine(position + newline);
        from = newline + 1;
      }
      // The rest of the chunk starts a line that goes on in the next one: copied, the chunk is reused.
      if (from < read) keep(Buffer.from(chunk.subarray(from, read)));
      position += read;
    }
    if (position > lineStart) finishLine(position);
  } finally {
    closeSync(fd);
  }
}

/** Second pass: reads one article again and runs every check, including language. */
export function loadArticle(corpusDir: string, ref: ArticleRef, options: IngestOptions): ArticleResult {
  const full = path.join(corpusDir, ref.relPath);
  const format = fileFormat(ref.relPath);
  const fail = (reason: string): ArticleResult => ({ ok: false, error: { articleId: ref.id, file: ref.relPath, line: ref.line, reason } });
  if (format === null) return fail(`unsupported file type "${describeExtension(ref.relPath)}"`);
  let data: Buffer | null = null;
  if (format.gzip) {
    const decompressed = gunzipFile(full, archiveLimit(format, options));
    if (!decompressed.ok) return fail(archiveReason(decompressed.reason, decompressed.oversized, format));
    data = decompressed.data;
  }
  if (format.format === 'csv' || format.format === 'tsv') {
    const delimiter = delimiterOf(format.format);
    let stat = tableFileStat(full);
    let bytes: Buffer | null = null;
    let kept: KeptRow | null = null;
    let layout: LayoutResult;
    for (;;) {
      layout = tableLayout(full, stat, data, delimiter, options.table ?? DEFAULT_TABLE_OPTIONS);
      if (!layout.ok) return fail(layout.reason);
      kept = takeRow(full, stat.size, stat.mtimeMs, ref.byteStart);
      if (kept || data) break;
      bytes = readRowBytes(full, stat, ref.byteStart, ref.byteEnd);
      if (bytes) break;
      // The file on disk is no longer the one the trusted stat saw: read the row as a fresh stat has it.
      stat = tableFileStat(full, true);
    }
    const record = kept && 'record' in kept ? kept.record : readRow(kept ? kept.bytes : data ? data.subarray(ref.byteStart, ref.byteEnd) : bytes!, delimiter);
    if (!Array.isArray(record)) return fail((record as { error: string }).error);
    return tableRowArticle(record, layout.layout, ref, options, false, null, kept?.hash);
  }
  const bytes = data ? data.subarray(ref.byteStart, ref.byteEnd) : readRange(full, ref.byteStart, ref.byteEnd)!;
  if (format.format === 'html') return htmlArticle(bytes, ref, options, false);
  return parseFormatBytes(bytes, ref, format.format, options, false);
}

/**
 * The size and modification time the rows of a table file are read against: the row cache, the layout
 * and the block below are valid only for the file as it was then. A stat for every row cost ~4 µs of
 * the ~58 µs a row took (more under load). A stat is therefore trusted for the rows of the same file
 * read right after it: at most `STAT_TRUST_ROWS` rows within `STAT_TRUST_MS`. A run that analyzes
 * between two reads stats again for nearly every row; a pass that only reads (the scan's second read,
 * the bench) stats once per 64 rows. A file edited during the run is therefore noticed within that
 * window, and from then on read as before: its kept rows are dropped and its rows read as the file now
 * is. A row the trusted stat would read from the disk checks the file it opened (`readRowBytes`), so
 * bytes read from the disk are never parsed under the stat and layout of another version of the file.
 * Rows handed out inside the window come from the row cache (the file as the scan read it, with the
 * scan's content hash) or from the last block read (the file as it was at that read).
 */
const STAT_TRUST_ROWS = 64;
const STAT_TRUST_MS = 20;
let trustedStat: { file: string; size: number; mtimeMs: number; rowsLeft: number; until: number } | null = null;

function tableFileStat(file: string, fresh = false): { size: number; mtimeMs: number } {
  const trusted = trustedStat;
  if (!fresh && trusted !== null && trusted.file === file && trusted.rowsLeft > 0 && performance.now() < trusted.until) {
    trusted.rowsLeft--;
    return trusted;
  }
  const stat = statSync(file);
  trustedStat = { file, size: stat.size, mtimeMs: stat.mtimeMs, rowsLeft: STAT_TRUST_ROWS - 1, until: performance.now() + STAT_TRUST_MS };
  return trustedStat;
}

/** A scan of `file` (it may have been written since its last read) ends any trust in an earlier stat of it. */
function forgetTrustedStat(file: string): void {
  if (trustedStat?.file === file) trustedStat = null;
}

/**
 * The last block of a CSV/TSV file read for a row the row cache did not keep. Articles are loaded in id
 * order, which for "file:row" ids and most id columns is close to file order: the next rows are then
 * usually in this block, and one read serves dozens of rows instead of three system calls per row.
 */
let rowBlock: { readonly file: string; readonly bytes: number; readonly mtimeMs: number; readonly start: number; readonly data: Buffer } | null = null;
const ROW_BLOCK_BYTES = 1 << 16;

/** The row's bytes, or null when the file opened is not the one `stat` describes (it changed). */
function readRowBytes(file: string, stat: { size: number; mtimeMs: number }, start: number, end: number): Buffer | null {
  const block = rowBlock;
  if (block && block.file === file && block.bytes === stat.size && block.mtimeMs === stat.mtimeMs && start >= block.start && end <= block.start + block.data.length) {
    return block.data.subarray(start - block.start, end - block.start);
  }
  const data = readRange(file, start, Math.max(end, Math.min(start + ROW_BLOCK_BYTES, stat.size)), stat);
  if (data === null) return null;
  rowBlock = { file, bytes: stat.size, mtimeMs: stat.mtimeMs, start, data };
  return data.subarray(0, end - start);
}

/** Bytes [start, end) of a file; with `expected`, null when the opened file's size or time differ from it. */
function readRange(file: string, start: number, end: number, expected?: { size: number; mtimeMs: number }): Buffer | null {
  const bytes = Buffer.alloc(end - start);
  const fd = openSync(file, 'r');
  try {
    if (expected) {
      const opened = fstatSync(fd);
      if (opened.size !== expected.size || opened.mtimeMs !== expected.mtimeMs) return null;
    }
    readSync(fd, bytes, 0, bytes.length, start);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * The layout of a CSV/TSV file for reading its rows again, kept per file (every row needs it), for the
 * file as it is now (size and modification time) and these options.
 */
function tableLayout(file: string, stat: { size: number; mtimeMs: number }, data: Buffer | null, delimiter: ',' | '\t', table: TableIngestOptions): LayoutResult {
  const cached = layouts.get(file);
  if (cached && cached.bytes === stat.size && cached.mtimeMs === stat.mtimeMs && cached.table === table) return cached.layout;
  const header = data ? readHeader(data, delimiter) : fileHeader(file, delimiter);
  const layout: LayoutResult = header === null ? { ok: false, reason: 'no header row' } : resolveLayout(header, table);
  if (layouts.size >= 64) layouts.clear();
  layouts.set(file, { bytes: stat.size, mtimeMs: stat.mtimeMs, table, layout });
  return layout;
}

const layouts = new Map<string, { bytes: number; mtimeMs: number; table: TableIngestOptions; layout: LayoutResult }>();

/** The header of a CSV/TSV file, from its first bytes (read further only for a header over 64 KB). */
function fileHeader(file: string, delimiter: ',' | '\t'): string[] | null {
  const fd = openSync(file, 'r');
  try {
    for (let length = 1 << 16; ; length *= 4) {
      const start = Buffer.alloc(length);
      const read = readSync(fd, start, 0, length, 0);
      const slice = start.subarray(0, read);
      // A header is complete once a record delimiter follows it, or when the file ends.
      const header = readHeaderSafe(read < length ? slice : slice.subarray(0, lastRecordBreak(slice)), delimiter);
      if (header !== undefined || read < length) return header ?? null;
    }
  } finally {
    closeSync(fd);
  }
}

function lastRecordBreak(bytes: Buffer): number {
  const lf = bytes.lastIndexOf(0x0a);
  const cr = bytes.lastIndexOf(0x0d);
  return Math.max(lf, cr) + 1;
}

/** undefined: the bytes end inside the header (read more). */
function readHeaderSafe(bytes: Buffer, delimiter: ',' | '\t'): string[] | null | undefined {
  if (bytes.length === 0) return undefined;
  try {
    return readHeader(bytes, delimiter);
  } catch {
    return undefined;
  }
}

/**
 * Parses one article from its bytes (a whole file, or one jsonl line), in the format its path names
 * (`annotate` reads `.txt`, `.md`, `.json`, `.html` and their `.gz`). The bytes of a `.gz` path are
 * the archive's.
 */
/**
 * A copy of `text` that does not keep the string it was cut from alive. V8 makes a substring of 13 or
 * more characters a view into its parent, so an id cut from a file's front matter (or a CSV row) kept
 * that whole text in memory for the rest of the run through the scan's refs and file records: ~6 KB an
 * article, 1.6 GB at 100,000 (found in a heap snapshot of a 20k run).
 */
function ownString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

export function parseArticleBytes(bytes: Uint8Array, ref: Omit<ArticleRef, 'id'> & { id: string }, options: IngestOptions, scanOnly: boolean): ArticleResult {
  const fail = (reason: string): ArticleResult => ({ ok: false, error: { articleId: defaultId(ref), file: ref.relPath, line: ref.line, reason } });
  const format = fileFormat(ref.relPath) ?? { format: 'txt' as const, gzip: false, extension: '' };
  if (format.format === 'csv' || format.format === 'tsv') return fail(`a ${format.extension} file holds many articles: put it in a corpus folder and use "run"`);
  if (format.gzip) {
    const decompressed = gunzipBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options.maxBytes);
    if (!decompressed.ok) return fail(archiveReason(decompressed.reason, decompressed.oversized, format));
    bytes = decompressed.data;
  }
  if (format.format === 'html') return htmlArticle(bytes, ref, options, scanOnly);
  return parseFormatBytes(bytes, ref, format.format, options, scanOnly);
}

/** Text, Markdown and JSON articles: a whole file, or one jsonl line. */
function parseFormatBytes(bytes: Uint8Array, ref: Omit<ArticleRef, 'id'> & { id: string }, format: ArticleFormat, options: IngestOptions, scanOnly: boolean): ArticleResult {
  const fail = (reason: string, articleId: string | null = null): ArticleResult => ({ ok: false, error: { articleId, file: ref.relPath, line: ref.line, reason } });
  if (bytes.length > options.maxBytes) return fail(`article of ${bytes.length} bytes is over the size limit of ${options.maxBytes} bytes (ingest.maxBytes)`, defaultId(ref));
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return fail(decoded.reason, defaultId(ref));

  let rawMetadata: unknown = {};
  let body: string;
  if (format === 'json' || format === 'jsonl') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoded.text);
    } catch (error) {
      return fail(`malformed JSON: ${(error as Error).message}`, defaultId(ref));
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail('malformed JSON: expected one article object', defaultId(ref));
    const { text, ...rest } = parsed as Record<string, unknown>;
    if (text === undefined || text === null) return fail('missing text: the article object has no "text" field', idOf(rest, ref));
    if (typeof text !== 'string') return fail('"text" must be a string', idOf(rest, ref));
    // JSON strings are decoded already; normalize them like file text.
    body = normalizeText(text);
    rawMetadata = rest;
  } else {
    const split = splitFrontMatter(decoded.text);
    if (!split.ok) return fail(split.reason, defaultId(ref));
    rawMetadata = split.metadata;
    body = split.body;
  }
  return finishArticle(rawMetadata, body, ref, options, scanOnly, null);
}

/** A saved news page: its article text and metadata (`./html.ts`). */
function htmlArticle(bytes: Uint8Array, ref: Omit<ArticleRef, 'id'> & { id: string }, options: IngestOptions, scanOnly: boolean): ArticleResult {
  const fail = (reason: string): ArticleResult => ({ ok: false, error: { articleId: defaultId(ref), file: ref.relPath, line: ref.line, reason } });
  if (bytes.length > options.maxBytes) return fail(`page of ${bytes.length} bytes is over the size limit of ${options.maxBytes} bytes (ingest.maxBytes)`);
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return fail(decoded.reason);
  const extracted = extractHtmlArticle(decoded.text, options.html ?? DEFAULT_HTML_OPTIONS);
  if (!extracted.ok) return fail(extracted.reason);
  // A page's id is its path: an id inside a page (a CMS number) is not unique across sites.
  return finishArticle({ ...extracted.metadata }, extracted.text, { ...ref, id: '' }, options, scanOnly, htmlInputHash(bytes), true);
}

/**
 * One CSV/TSV row (`./table.ts`): `line` is its physical line when known (the scan), for messages;
 * `hash` its `rowHash` when the scan computed it already.
 */
function tableRowArticle(record: readonly string[], layout: TableLayout, ref: Omit<ArticleRef, 'id'> & { id: string }, options: IngestOptions, scanOnly: boolean, line: number | null, hash?: string): ArticleResult {
  const checked = checkRow(record, layout);
  const row = ref.line ?? 0;
  if (!checked.ok) return { ok: false, error: { articleId: checked.id ?? defaultId(ref), file: ref.relPath, line: ref.line, reason: `${checked.reason}${line === null ? '' : lineNote(row, line)}` } };
  // The scan keeps only the id and the hash, so it does not build the stored text: `checkRow` has
  // rejected a whitespace-only text, and NFC never turns a character that is not whitespace into one
  // (checked over every code point), so `finishArticle`'s empty-text check gives what it would give.
  const text = scanOnly ? checked.text : normalizeText(checked.text);
  return finishArticle(checked.metadata, text, ref, options, scanOnly, hash ?? rowHash(record, layout), false, checked.dct);
}

/**
 * The checks every format shares, on its metadata and stored text: metadata types, id, empty text,
 * publication date, language. `inputHash` replaces the hash of text and metadata for formats whose
 * scan does not build the text (HTML, CSV rows): the hash of the input bytes or fields then stands
 * for what the analysis reads. `knownDct`: the date already parsed from `rawMetadata.date` (a CSV row's).
 */
function finishArticle(rawMetadata: unknown, body: string, ref: Omit<ArticleRef, 'id'> & { id: string }, options: IngestOptions, scanOnly: boolean, inputHash: string | null, pathId = false, knownDct: string | null = null): ArticleResult {
  const fail = (reason: string, articleId: string | null = null): ArticleResult => ({ ok: false, error: { articleId, file: ref.relPath, line: ref.line, reason } });
  const checked = checkMetadata(rawMetadata);
  if (!checked.ok) return fail(checked.reason, pathId ? defaultId(ref) : idOf(rawMetadata, ref));
  const metadata = checked.metadata;
  const id = !pathId && typeof metadata.id === 'string' ? metadata.id : defaultId(ref);
  if (body.trim() === '') return fail(body === '' ? 'empty article: no text' : 'empty article: only whitespace', id);

  let dct: string | null = null;
  let dctSource: DctSource = 'none';
  if (metadata.date !== undefined && metadata.date !== null) {
    dct = knownDct ?? parsePublicationDate(metadata.date);
    if (dct === null) return fail(`invalid date ${JSON.stringify(metadata.date)}: expected ${PUBLICATION_DATE_FORMS}`, id);
    dctSource = 'metadata';
  } else if (options.defaultPublicationDate) {
    dct = options.defaultPublicationDate;
    dctSource = 'config';
  }

  const warnings: string[] = [];
  if (!scanOnly) {
    const verdict = checkLanguage(body, options.language);
    if (!verdict.english) {
      const reason = `not English: detected "${verdict.detected}" with confidence ${verdict.confidence.toFixed(2)} (language.policy)`;
      if (options.language.policy === 'reject') return fail(reason, id);
      warnings.push(reason);
    }
  }
  const sourcePath = ref.line === null ? ref.relPath : `${ref.relPath}:${ref.line}`;
  const contentHash = inputHash ?? createHash('sha256').update(stableStringify({ body, metadata, dct, dctSource })).digest('hex');
  return { ok: true, article: { id, sourcePath, metadata, text: body, dct, dctSource, contentHash, warnings } };
}

/** Id when the metadata names none: the path without its format extension (jsonl: ":line", CSV: ":row"). */
function defaultId(ref: { relPath: string; line: number | null }): string {
  const extension = fileFormat(ref.relPath)?.extension ?? path.extname(ref.relPath);
  const withoutExtension = ref.relPath.slice(0, ref.relPath.length - extension.length);
  return ref.line === null ? withoutExtension : `${withoutExtension}:${ref.line}`;
}

function idOf(raw: unknown, ref: { relPath: string; line: number | null }): string {
  const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : defaultId(ref);
}

type FrontMatter = { ok: true; metadata: unknown; body: string } | { ok: false; reason: string };

/** YAML front matter between "---" lines at the very start; the body after it is the stored text. */
export function splitFrontMatter(text: string): FrontMatter {
  if (!text.startsWith('---\n')) return { ok: true, metadata: {}, body: text };
  const close = /^---[ \t]*$/mu;
  const rest = text.slice(4);
  const match = close.exec(rest);
  if (!match) return { ok: false, reason: 'malformed front matter: no closing "---" line' };
  const yamlText = rest.slice(0, match.index);
  let metadata: unknown;
  try {
    metadata = parseFrontMatterYaml(yamlText) ?? {};
  } catch (error) {
    return { ok: false, reason: `malformed front matter: ${(error as Error).message.split('\n')[0]}` };
  }
  if (typeof metadata !== 'object' || Array.isArray(metadata)) return { ok: false, reason: 'malformed front matter: expected key: value pairs' };
  let body = rest.slice(match.index + match[0].length);
  if (body.startsWith('\n')) body = body.slice(1);
  return { ok: true, metadata, body };
}
