import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { AtomicFileWriter } from '../output/atomic-write.js';
import { CSV_COLUMNS, type TableName } from '../output/csv-tables.js';
import { csvText } from '../output/csv-writer.js';
import type { CsvFileStamp, Manifest, RowRanges } from './manifest.js';

/**
 * Where a run's CSV rows go. Rows arrive in article id order, already CSV text (each article's rows are
 * made where it was analyzed); nothing is published until `commit`, and `abort` leaves the previous
 * tables as they were. `append` says where the rows went, so the manifest can record it.
 */
export interface RowSink {
  /** Appends rows (CSV text or bytes, no header) to a table; returns where they went. */
  append(table: TableName, data: string | Uint8Array | undefined): RowRanges;
  commit(): void;
  abort(): void;
  /** Size and modification time of every published table, for the manifest. */
  files(): Partial<Record<TableName, CsvFileStamp>>;
}

/** The CSV files of an output folder: each written to a temporary name and renamed into place on commit. */
export class CsvFileSink implements RowSink {
  private readonly writers = new Map<TableName, { writer: AtomicFileWriter; bytes: number }>();

  constructor(private readonly outputDir: string, tables: readonly TableName[]) {
    for (const table of tables) {
      const writer = new AtomicFileWriter(path.join(outputDir, `${table}.csv`));
      const header = Buffer.from(csvText([CSV_COLUMNS[table]]), 'utf8');
      writer.write(header);
      this.writers.set(table, { writer, bytes: header.length });
    }
  }

  append(table: TableName, data: string | Uint8Array | undefined): RowRanges {
    const target = this.writers.get(table);
    if (!target || data === undefined || data.length === 0) return {};
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    target.writer.write(bytes);
    const range = [target.bytes, bytes.length] as const;
    target.bytes += bytes.length;
    return { [table]: range };
  }

  commit(): void {
    for (const { writer } of this.writers.values()) writer.commit();
  }

  abort(): void {
    for (const { writer } of this.writers.values()) writer.abort();
  }

  files(): Partial<Record<TableName, CsvFileStamp>> {
    const files: Partial<Record<TableName, CsvFileStamp>> = {};
    for (const table of this.writers.keys()) {
      const stat = statSync(path.join(this.outputDir, `${table}.csv`));
      files[table] = { bytes: stat.size, mtime_ms: stat.mtimeMs };
    }
    return files;
  }
}

/** The previous run's CSV files, open for copying rows of unchanged articles. */
export class PreviousCsv {
  private constructor(private readonly fds: Map<TableName, number>) {}

  /** Opens them only if every one is exactly as the previous run left it; else null (rows are rebuilt). */
  static open(outputDir: string, tables: readonly TableName[], manifest: Manifest | null): PreviousCsv | null {
    const recorded = manifest?.csv_files;
    if (!recorded) return null;
    const fds = new Map<TableName, number>();
    try {
      for (const table of tables) {
        const expected = recorded[table];
        if (!expected) throw new Error('not recorded');
        const fd = openSync(path.join(outputDir, `${table}.csv`), 'r');
        fds.set(table, fd);
        const stat = fstatSync(fd);
        if (stat.size !== expected.bytes || stat.mtimeMs !== expected.mtime_ms) throw new Error('changed');
      }
    } catch {
      for (const fd of fds.values()) closeSync(fd);
      return null;
    }
    return new PreviousCsv(fds);
  }

  /** Copies an article's rows, as the previous run recorded them, to the sink; returns where they went. */
  copyTo(sink: RowSink, ranges: RowRanges): RowRanges {
    const copied: RowRanges = {};
    for (const [table, fd] of this.fds) {
      const range = ranges[table];
      if (!range) continue;
      const bytes = Buffer.alloc(range[1]);
      readSync(fd, bytes, 0, range[1], range[0]);
      Object.assign(copied, sink.append(table, bytes));
    }
    return copied;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
