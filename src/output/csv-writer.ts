import { stringify, type Options as StringifyOptions } from 'csv-stringify/sync';
import type { CsvRow } from './csv-tables.js';

/**
 * RFC 4180 as csv-stringify writes it: CRLF record ends, quotes only where needed, header row first.
 * With a record delimiter set, csv-stringify quotes a field only if it holds that whole delimiter
 * (CRLF), not a lone LF or CR: a sentence with a hard line break would then split its row in two for
 * pandas and R. `quoted_match` quotes every field with a line break in it.
 */
const CSV_OPTIONS: StringifyOptions = { record_delimiter: 'windows', quoted_match: /[\r\n]/u };

/** The rows as CSV text, each record ended by CRLF; null is an empty field. */
export function csvText(rows: readonly CsvRow[]): string {
  return rows.length === 0 ? '' : stringify(rows as CsvRow[], CSV_OPTIONS);
}
