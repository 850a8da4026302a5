import path from 'node:path';
import { stringify, type Options as StringifyOptions } from 'csv-stringify/sync';
import { AtomicFileWriter } from './atomic-write.js';
import { CSV_COLUMNS, type CsvRow, type TableName } from './csv-tables.js';

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

/** Streams the rows of several tables to disk, each published atomically when the run ends. */
export class CsvTablesWriter {
  private readonly writers = new Map<TableName, AtomicFileWriter>();

  constructor(outputDir: string, tables: readonly TableName[]) {
    for (const table of tables) {
      const writer = new AtomicFileWriter(path.join(outputDir, `${table}.csv`));
      writer.write(csvText([CSV_COLUMNS[table]]));
      this.writers.set(table, writer);
    }
  }

  append(table: TableName, rows: readonly CsvRow[] | undefined): void {
    const writer = this.writers.get(table);
    if (writer && rows && rows.length > 0) writer.write(csvText(rows));
  }

  commit(): void {
    for (const writer of this.writers.values()) writer.commit();
  }

  abort(): void {
    for (const writer of this.writers.values()) writer.abort();
  }
}
