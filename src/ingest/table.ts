import { createHash } from 'node:crypto';
import { parse as parseStream, type Options as CsvOptions } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { finished } from 'node:stream/promises';
import { TABLE_FIELDS, type TableField, type TableIngestOptions } from './options.js';
import { parsePublicationDate, PUBLICATION_DATE_FORMS } from './publication-date.js';

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
}

export interface TableScanHandlers {
  readonly onHeader: (header: readonly string[]) => LayoutResult;
  readonly onRow: (row: TableRow, layout: TableLayout) => void;
  /** A record csv-parse could not read (a stray quote): this row is lost, the file goes on. */
  readonly onBadRecord: (row: number, line: number, reason: string) => void;
}

/**
 * Streams a CSV/TSV file (chunks of bytes) through csv-parse and reports each record with its byte
 * range, so the run can read one row again later without parsing the file. Records and unreadable
 * records come through csv-parse's callbacks, in file order. Returns a reason when the whole file is
 * unusable (bad header), else null.
 */
export async function scanTable(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, delimiter: ',' | '\t', handlers: TableScanHandlers): Promise<string | null> {
  let layout: TableLayout | null = null;
  let fileError: string | null = null;
  let row = 0;
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
      row++;
      handlers.onBadRecord(row, previousLines + 1, `unreadable CSV record: ${error?.message ?? 'malformed'}`);
    },
    on_record: (record: string[], info: { bytes: number; lines: number }) => {
      const byteStart = previousEnd;
      const line = previousLines + 1;
      previousEnd = info.bytes;
      previousLines = info.lines;
      if (layout === null) {
        if (fileError === null) {
          const resolved = handlers.onHeader(record);
          if (resolved.ok) layout = resolved.layout;
          else fileError = resolved.reason;
        }
        return null;
      }
      handlers.onRow({ row: ++row, line, byteStart, byteEnd: info.bytes, record }, layout);
      return null;
    },
  });
  const done = finished(parser.resume());
  try {
    for await (const chunk of chunks) {
      parser.write(chunk);
      if (fileError !== null) break;
    }
    parser.end();
  } catch (error) {
    parser.destroy(error as Error);
  }
  await done;
  if (fileError === null && layout === null) return 'no header row: the file has no records';
  return fileError;
}

/** Reads the header record from the start of a file's bytes. */
export function readHeader(start: Buffer, delimiter: ',' | '\t'): string[] | null {
  const records = parseSync(start, { ...csvOptions(delimiter), to: 1 }) as string[][];
  return records[0] ?? null;
}

/** Reads one row again from its bytes. */
export function readRow(bytes: Buffer, delimiter: ',' | '\t'): string[] | { error: string } {
  try {
    // After an unreadable record the range starts with it (see `scanTable`): the row is the last record.
    const records = parseSync(bytes, { ...csvOptions(delimiter), skip_records_with_error: true }) as string[][];
    return records.at(-1) ?? { error: 'no CSV record' };
  } catch (error) {
    return { error: `unreadable CSV record: ${(error as Error).message}` };
  }
}

export type RowCheck = { ok: true; metadata: Record<string, string>; text: string; id: string | null } | { ok: false; reason: string; id: string | null };

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
  if (date !== undefined && parsePublicationDate(date) === null) return { ok: false, reason: `invalid date ${JSON.stringify(date)}: expected ${PUBLICATION_DATE_FORMS}`, id };
  const mapped = new Set(TABLE_FIELDS.map((field) => layout.fields[field]));
  const metadata: Record<string, string> = {};
  layout.header.forEach((name, index) => {
    if (!mapped.has(index)) metadata[name] = record[index] ?? '';
  });
  for (const field of ['id', 'title', 'date', 'source', 'url'] as const) {
    const value = cell(field);
    if (value !== undefined) metadata[field] = value;
  }
  return { ok: true, metadata, text, id };
}

/** The content hash of a row: its header and fields as parsed. The scan and the second read agree on it. */
export function rowHash(record: readonly string[], layout: TableLayout): string {
  return createHash('sha256').update(`table\n${layout.headerHash}\n${JSON.stringify(record)}`).digest('hex');
}
