/**
 * CSV/TSV records the scan parsed, kept for the second read of their rows in the same run: parsing a
 * row again costs about as much as the scan's pass over it. Bounded (`ROW_CACHE_CHARS`), so memory
 * stays flat on an export of any size: rows beyond the bound are parsed again from their bytes. A
 * row is handed out once and then forgotten, and only for the file as it was scanned (size and time).
 */
const ROW_CACHE_CHARS = 32 << 20;

interface FileRows {
  readonly bytes: number;
  readonly mtimeMs: number;
  readonly rows: Map<number, KeptRow>;
}

/** A record and its content hash (`rowHash`), so the second read does not hash the row again. */
export interface KeptRow {
  readonly record: readonly string[];
  readonly hash: string;
}

const files = new Map<string, FileRows>();
let chars = 0;

function size(record: readonly string[]): number {
  let total = 0;
  for (const field of record) total += field.length;
  return total;
}

/** Starts (again) the records of a file being scanned. */
export function beginFileRows(file: string, bytes: number, mtimeMs: number): void {
  forget(file);
  files.set(file, { bytes, mtimeMs, rows: new Map() });
}

export function keepRow(file: string, byteStart: number, record: readonly string[], hash: string): void {
  const entry = files.get(file);
  const length = size(record);
  if (!entry || chars + length > ROW_CACHE_CHARS) return;
  entry.rows.set(byteStart, { record, hash });
  chars += length;
}

/** The record the scan parsed at `byteStart`, if kept and the file is unchanged. */
export function takeRow(file: string, bytes: number, mtimeMs: number, byteStart: number): KeptRow | null {
  const entry = files.get(file);
  if (!entry) return null;
  if (entry.bytes !== bytes || entry.mtimeMs !== mtimeMs) {
    forget(file);
    return null;
  }
  const kept = entry.rows.get(byteStart);
  if (!kept) return null;
  entry.rows.delete(byteStart);
  chars -= size(kept.record);
  return kept;
}

function forget(file: string): void {
  const entry = files.get(file);
  if (!entry) return;
  for (const kept of entry.rows.values()) chars -= size(kept.record);
  files.delete(file);
}
