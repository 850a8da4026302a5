import crypto, { createHash } from 'node:crypto';
import { parse as parseStream, type Options as CsvOptions } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { finished } from 'node:stream/promises';
import { TABLE_FIELDS, type TableField, type TableIngestOptions } from './options.js';
import { parsePublicationDate, PUBLICATION_DATE_FORMS } from './publication-date.js';
import { bomLength, readRegularRecord, readRegularRecords } from './regular-csv.js';

/**
 * CSV and TSV exports: one article per row, a header row naming the columns. Which column holds the
 * text, id, date, title, source and url comes from `ingest.table.columns`, else from the common names
 * below; every other column is passed through as metadata under its header name.
 */
export { DEFAULT_TABLE_OPTIONS, TABLE_FIELDS, type TableField, type TableIngestOptions } from './options.js';

/** Header names news archives and monitoring exports use, in order of preference (compared case-insensitively). */
export const COMMON_COLUMN_NAMES: Readonly<Record<TableField, readonly string[]>> = {
  text: ['text', 'body', 'content', 'article', 'article_text', 'full_text', 'fulltext', 'story'],
  id: ['id', 'article_id', 'doc_id', 'document_id', 'guid', 'uid'],
  date: ['date', 'published', 'publish_date', 'pubdate', 'pub_date', 'published_at', 'publication_date', 'date_published', 'datetime'],
  title: ['title', 'headline', 'heading'],
  source: ['source', 'publication', 'publisher', 'outlet', 'media', 'site'],
  url: ['url', 'link', 'permalink', 'article_url'],
};

/** Where each field sits in a file's header. */
export interface TableLayout {
  readonly header: readonly string[];
  readonly fields: Readonly<Record<TableField, number | null>>;
  /** sha256 of the header: part of every row's content hash. */
  readonly headerHash: string;
}

export type LayoutResult = { ok: true; layout: TableLayout } | { ok: false; reason: string };

export function resolveLayout(header: readonly string[], options: TableIngestOptions): LayoutResult {
  const names = header.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) return { ok: false, reason: `header names the column "${name}" twice` };
    seen.add(name.toLowerCase());
  }
  const find = (wanted: string): number | null => {
    const index = names.findIndex((name) => name.toLowerCase() === wanted.toLowerCase());
    return index === -1 ? null : index;
  };
  const fields = {} as Record<TableField, number | null>;
  for (const field of TABLE_FIELDS) {
    const configured = options.columns[field];
    if (configured !== null) {
      const index = find(configured);
      if (index === null) return { ok: false, reason: `no column "${configured}" (ingest.table.columns.${field}) in the header: ${names.map((n) => JSON.stringify(n)).join(', ')}` };
      fields[field] = index;
    } else {
      fields[field] = COMMON_COLUMN_NAMES[field].map(find).find((index) => index !== null) ?? null;
    }
  }
  if (fields.text === null) return { ok: false, reason: `no text column: the header has ${names.map((n) => JSON.stringify(n)).join(', ')}; name one in ingest.table.columns.text` };
  return { ok: true, layout: { header: names, fields, headerHash: createHash('sha256').update(JSON.stringify(names)).digest('hex') } };
}

/**
 * csv-parse settings shared by the scan and the row reader. Line breaks inside quoted fields are kept
 * (any of CRLF, LF, CR ends a record outside quotes); a TSV's quotes may also sit inside a field
 * (`relax_quotes`), as spreadsheet TSV exports write them.
 */
export function csvOptions(delimiter: ',' | '\t'): CsvOptions {
  return { delimiter, bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: delimiter === '\t', skip_empty_lines: true };
}

export interface TableRow {
  /** 1-based data row (the header is not counted). */
  readonly row: number;
  /** Physical line where the row starts. */
  readonly line: number;
  readonly byteStart: number;
  readonly byteEnd: number;
  readonly record: readonly string[];
  /** The record's own bytes (empty lines before it not included) when the fast reader read it; may be kept. */
  readonly bytes?: Buffer;
}

export interface TableScanHandlers {
  readonly onHeader: (header: readonly string[]) => LayoutResult;
  readonly onRow: (row: TableRow, layout: TableLayout) => void;
  /** A record csv-parse could not read (a stray quote): this row is lost, the file goes on. */
  readonly onBadRecord: (row: number, line: number, reason: string) => void;
}

/** Where a scan stands after some records: what the csv-parse pass needs to go on from there. */
interface ScanProgress {
  layout: TableLayout | null;
  fileError: string | null;
  /** Records reported (the header included). */
  records: number;
  /** Data rows reported. */
  row: number;
}

type ChunkSource = AsyncIterable<Buffer> | Iterable<Buffer>;

/**
 * Streams a CSV/TSV file (chunks of bytes) and reports each record with its byte range, so the run can
 * read one row again later without parsing the file. Records and unreadable records come in file order.
 * Returns a reason when the whole file is unusable (bad header), else null.
 *
 * Regular files are read by `./regular-csv.ts` (several times faster than csv-parse); at the first
 * record it does not read as csv-parse would, the file is read again from its start by csv-parse, which
 * reports the records from there on (`openChunks` is called a second time). The records before it are
 * the same either way, so nothing is reported twice or differently.
 */
export async function scanTable(openChunks: () => ChunkSource, delimiter: ',' | '\t', handlers: TableScanHandlers): Promise<string | null> {
  const progress: ScanProgress = { layout: null, fileError: null, records: 0, row: 0 };
  const complete = await scanRegularTable(openChunks(), delimiter, handlers, progress);
  if (!complete) await scanTableWithCsvParse(openChunks(), delimiter, handlers, progress);
  if (progress.fileError === null && progress.layout === null) return 'no header row: the file has no records';
  return progress.fileError;
}

/** A record over this size stops the fast reader (it would re-read it with every chunk): csv-parse takes the file. */
const REGULAR_PENDING_LIMIT = 8 << 20;

/**
 * The fast pass: true when it read the whole file (or stopped at a bad header), false at the first
 * irregular record (`progress` then holds what was reported before it).
 */
async function scanRegularTable(chunks: ChunkSource, delimiter: ',' | '\t', handlers: TableScanHandlers, progress: ScanProgress): Promise<boolean> {
  const delimiterByte = delimiter.charCodeAt(0);
  const relaxQuotes = delimiter === '\t';
  let previousEnd = 0;
  let previousLines = 0;
  /** CR and LF bytes csv-parse has counted as lines so far (its `info.lines` is one more). */
  let breaks = 0;
  const IRREGULAR = -1;
  const STOP = -2;
  /**
   * Reads the records of `buf` (whose first byte is at file offset `base`) from `pos` on, until one
   * needs bytes after `buf` or, with `until`, until a record starts at or after `until`. Returns where
   * it stopped, IRREGULAR, or STOP (bad header).
   */
  const read = (buf: Buffer, base: number, pos: number, last: boolean, until: number): number => {
    while (pos < until) {
      const step = readRegularRecord(buf, pos, last, delimiterByte, relaxQuotes);
      if (step.kind === 'more' || step.kind === 'done') break;
      if (step.kind === 'irregular') return IRREGULAR;
      const recordStart = pos;
      pos = step.end;
      if (step.kind === 'empty-line') {
        breaks++;
        continue;
      }
      const byteStart = previousEnd;
      const line = previousLines + 1;
      previousEnd = base + step.end;
      previousLines = 1 + breaks + step.innerBreaks;
      breaks += step.innerBreaks + (step.terminated ? 1 : 0);
      progress.records++;
      if (progress.layout === null) {
        const resolved = handlers.onHeader(step.fields);
        if (resolved.ok) progress.layout = resolved.layout;
        else {
          progress.fileError = resolved.reason;
          return STOP;
        }
        continue;
      }
      handlers.onRow({ row: ++progress.row, line, byteStart, byteEnd: previousEnd, record: step.fields, bytes: buf.subarray(recordStart, step.end) }, progress.layout);
    }
    return pos;
  };
  /** The bytes after the last whole record, and the file offset of their first byte. */
  let pending: Buffer = Buffer.alloc(0);
  let pendingBase = 0;
  let started = false;
  for await (const chunk of chunks) {
    let buf: Buffer = chunk;
    let base = pendingBase + pending.length;
    let pos = 0;
    if (!started) {
      // The first bytes: csv-parse drops a UTF-8 BOM once it has 3 bytes; another BOM is for csv-parse.
      buf = Buffer.concat([pending, chunk]);
      base = pendingBase;
      if (buf.length < 3) {
        pending = buf;
        continue;
      }
      pos = bomLength(buf);
      if (pos < 0) return false;
      started = true;
    } else if (pending.length > 0) {
      // A record runs on from the previous chunk: it is read on the pending bytes joined with as much of
      // this chunk as it needs (the chunk is not copied whole for one record), then the chunk goes on.
      let inChunk = -1;
      for (let take = Math.min(chunk.length, 1 << 16); ; take = Math.min(chunk.length, take * 4)) {
        const joined = Buffer.concat([pending, chunk.subarray(0, take)]);
        const reached = read(joined, pendingBase, 0, false, pending.length);
        if (reached === IRREGULAR) return false;
        if (reached === STOP) return true;
        if (reached >= pending.length) {
          inChunk = reached - pending.length;
          break;
        }
        pending = joined.subarray(reached, pending.length);
        pendingBase += reached;
        if (take === chunk.length) break;
      }
      if (inChunk < 0) {
        // The whole chunk is inside one record.
        pending = Buffer.concat([pending, chunk]);
        if (pending.length > REGULAR_PENDING_LIMIT) return false;
        continue;
      }
      pos = inChunk;
    }
    const reached = read(buf, base, pos, false, Infinity);
    if (reached === IRREGULAR) return false;
    if (reached === STOP) return true;
    pending = buf.subarray(reached);
    pendingBase = base + reached;
  }
  const from = started ? 0 : bomLength(pending);
  if (from < 0) return false;
  return read(pending, pendingBase, from, true, Infinity) !== IRREGULAR;
}

/** The scan by csv-parse alone: the reference the fast pass must agree with (tests compare the two). */
export async function scanTableByCsvParse(chunks: ChunkSource, delimiter: ',' | '\t', handlers: TableScanHandlers): Promise<string | null> {
  const progress: ScanProgress = { layout: null, fileError: null, records: 0, row: 0 };
  await scanTableWithCsvParse(chunks, delimiter, handlers, progress);
  if (progress.fileError === null && progress.layout === null) return 'no header row: the file has no records';
  return progress.fileError;
}

/**
 * csv-parse over the whole file, reporting the records after the first `progress.records` (which the
 * fast pass reported). One bad record (a stray quote) is one lost row; the file goes on.
 */
async function scanTableWithCsvParse(chunks: ChunkSource, delimiter: ',' | '\t', handlers: TableScanHandlers, progress: ScanProgress): Promise<void> {
  const alreadyReported = progress.records;
  let records = 0;
  let previousEnd = 0;
  let previousLines = 0;
  let lastSkipStart = -1;
  const parser = parseStream({
    ...csvOptions(delimiter),
    skip_records_with_error: true,
    // One bad record can raise several errors (each stray quote); it is one lost row. Its range runs into
    // the next good record's, which `readRow` reads back as its last record.
    on_skip: (error) => {
      const start = (error as unknown as { bytes?: number }).bytes ?? previousEnd;
      if (start === lastSkipStart) return;
      lastSkipStart = start;
      progress.row++;
      handlers.onBadRecord(progress.row, previousLines + 1, `unreadable CSV record: ${error?.message ?? 'malformed'}`);
    },
    on_record: (record: string[], info: { bytes: number; lines: number }) => {
      const byteStart = previousEnd;
      const line = previousLines + 1;
      previousEnd = info.bytes;
      previousLines = info.lines;
      if (++records <= alreadyReported) return null;
      if (progress.layout === null) {
        if (progress.fileError === null) {
          const resolved = handlers.onHeader(record);
          if (resolved.ok) progress.layout = resolved.layout;
          else progress.fileError = resolved.reason;
        }
        return null;
      }
      handlers.onRow({ row: ++progress.row, line, byteStart, byteEnd: info.bytes, record }, progress.layout);
      return null;
    },
  });
  const done = finished(parser.resume());
  try {
    for await (const chunk of chunks) {
      parser.write(chunk);
      if (progress.fileError !== null) break;
    }
    parser.end();
  } catch (error) {
    parser.destroy(error as Error);
  }
  await done;
}

/** Reads the header record from the start of a file's bytes. */
export function readHeader(start: Buffer, delimiter: ',' | '\t'): string[] | null {
  const records = parseSync(start, { ...csvOptions(delimiter), to: 1 }) as string[][];
  return records[0] ?? null;
}

/** Reads one row again from its bytes. */
export function readRow(bytes: Buffer, delimiter: ',' | '\t'): string[] | { error: string } {
  const regular = readRegularRecords(bytes, delimiter.charCodeAt(0), delimiter === '\t');
  if (regular !== null && regular.length > 0) return regular.at(-1)!;
  try {
    // After an unreadable record the range starts with it (see `scanTable`): the row is the last record.
    const records = parseSync(bytes, { ...csvOptions(delimiter), skip_records_with_error: true }) as string[][];
    return records.at(-1) ?? { error: 'no CSV record' };
  } catch (error) {
    return { error: `unreadable CSV record: ${(error as Error).message}` };
  }
}

/** `dct`: the publication day of the date column (`parsePublicationDate`), null without one. */
export type RowCheck = { ok: true; metadata: Record<string, string>; text: string; id: string | null; dct: string | null } | { ok: false; reason: string; id: string | null };

/**
 * A row's metadata and text, or why the row is unusable: a field count unlike the header's, no text,
 * a date none of the accepted forms. Passed-through columns keep their header name and their value as
 * written; empty title, source, url and date cells count as absent.
 */
export function checkRow(record: readonly string[], layout: TableLayout): RowCheck {
  const cell = (field: TableField): string | undefined => {
    const index = layout.fields[field];
    const value = index === null ? undefined : record[index]?.trim();
    return value === '' ? undefined : value;
  };
  const id = cell('id') ?? null;
  if (record.length !== layout.header.length) return { ok: false, reason: `${record.length} fields where the header has ${layout.header.length}`, id };
  const text = record[layout.fields.text!] ?? '';
  if (text.trim() === '') return { ok: false, reason: `missing text: the "${layout.header[layout.fields.text!]}" column is empty`, id };
  const date = cell('date');
  const dct = date === undefined ? null : parsePublicationDate(date);
  if (date !== undefined && dct === null) return { ok: false, reason: `invalid date ${JSON.stringify(date)}: expected ${PUBLICATION_DATE_FORMS}`, id };
  const { fields } = layout;
  const metadata: Record<string, string> = {};
  const header = layout.header;
  for (let index = 0; index < header.length; index++) {
    const mapped = index === fields.text || index === fields.id || index === fields.date || index === fields.title || index === fields.source || index === fields.url;
    if (!mapped) metadata[header[index]!] = record[index] ?? '';
  }
  for (const field of ['id', 'title', 'date', 'source', 'url'] as const) {
    const value = cell(field);
    if (value !== undefined) metadata[field] = value;
  }
  return { ok: true, metadata, text, id, dct };
}

/** The content hash of a row: its header and fields as parsed. The scan and the second read agree on it. */
export function rowHash(record: readonly string[], layout: TableLayout): string {
  return sha256Hex(`table\n${layout.headerHash}\n${JSON.stringify(record)}`);
}

/** `crypto.hash` (Node 20.12+) digests a string without a Hash object: a third of a row's hashing time. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex: (text: string) => string = oneShotHash ? (text) => oneShotHash('sha256', text, 'hex') : (text) => createHash('sha256').update(text).digest('hex');
