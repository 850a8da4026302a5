import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { AtomicFileWriter } from './atomic-write.js';
import { CSV_COLUMNS, type CsvRow, type TableName } from './csv-tables.js';

/** RFC 4180: CRLF record ends, quotes only where needed, UTF-8, header row first. */
export function csvText(rows: readonly CsvRow[]): string {
  if (rows.length === 0) return '';
  return stringify(rows as CsvRow[], { record_delimiter: 'windows', cast: { number: (n) => String(n) } });
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
