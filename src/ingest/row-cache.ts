/**
 * CSV/TSV rows the scan read, kept for the second read of their rows in the same run: parsing a row
 * again from the file costs about as much as the scan's pass over it. Bounded (`ROW_CACHE_SIZE`), so
 * memory stays flat on an export of any size: rows beyond the bound are read again from the file. A
 * row is handed out once and then forgotten, and only for the file as it was scanned (size and time).
 *
 * A row read by the fast reader is kept as its bytes (a view of the chunk it came in, outside the JS
 * heap, and more compact than UTF-16 strings): its fields are decoded again in a few µs, and the young
 * GC has no live field strings to copy. Rows csv-parse read are kept as records.
 */
/** Bytes (kept bytes) or characters (kept records). */
const ROW_CACHE_SIZE = 32 << 20;

interface FileRows {
  readonly bytes: number;
  readonly mtimeMs: number;
  readonly rows: Map<number, KeptRow>;
}

/** A row and its content hash (`rowHash`), so the second read does not hash it again. */
export type KeptRow = { readonly hash: string } & ({ readonly bytes: Buffer } | { readonly record: readonly string[] });

const files = new Map<string, FileRows>();
let kept = 0;

function size(row: KeptRow): number {
  if ('bytes' in row) return row.bytes.length;
  let total = 0;
  for (const field of row.record) total += field.length;
  return total;
}

/** Starts (again) the records of a file being scanned. */
export function beginFileRows(file: string, bytes: number, mtimeMs: number): void {
  forget(file);
  files.set(file, { bytes, mtimeMs, rows: new Map() });
}

export function keepRow(file: string, byteStart: number, row: KeptRow): void {
  const entry = files.get(file);
  const length = size(row);
  if (!entry || kept + length > ROW_CACHE_SIZE) return;
  entry.rows.set(byteStart, row);
  kept += length;
}

/** The row the scan read at `byteStart`, if kept and the file is unchanged. */
export function takeRow(file: string, bytes: number, mtimeMs: number, byteStart: number): KeptRow | null {
  const entry = files.get(file);
  if (!entry) return null;
  if (entry.bytes !== bytes || entry.mtimeMs !== mtimeMs) {
    forget(file);
    return null;
  }
  const row = entry.rows.get(byteStart);
  if (!row) return null;
  entry.rows.delete(byteStart);
  kept -= size(row);
  return row;
}

function forget(file: string): void {
  const entry = files.get(file);
  if (!entry) return;
  for (const row of entry.rows.values()) kept -= size(row);
  files.delete(file);
}
