/**
 * A fast reader for the CSV/TSV that exports almost always are: every field either unquoted without a
 * quote, or quoted with its quotes doubled and followed by a delimiter, a line break or the end. csv-parse
 * looks at every byte through several option checks (~40 µs for a 1.3 KB row, most of a row's ingest
 * time); here a quoted field is crossed with `Buffer.indexOf`, and a row costs a few µs.
 *
 * It gives exactly what csv-parse gives with `csvOptions()` (`./table.ts`): the same fields, the same
 * byte ranges and csv-parse's line count (`info.lines`). Anything it does not read the same way is
 * "irregular": a quote inside an unquoted CSV field, text after a closing quote, a quote never closed,
 * a BOM other than UTF-8's. The caller then hands the file to csv-parse, which stays the reference for
 * every record, error and message (`test/ingest/regular-csv.test.ts` compares the two on random input).
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** One step of the reader: a record, a skipped empty line, or why it stopped. */
export type RegularStep =
  /**
   * `end`: offset after the record and its record delimiter. `innerBreaks`: CR and LF bytes inside its
   * quoted fields; `terminated`: a record delimiter ended it (not the end of the bytes).
   */
  | { readonly kind: 'record'; readonly fields: string[]; readonly end: number; readonly innerBreaks: number; readonly terminated: boolean }
  | { readonly kind: 'empty-line'; readonly end: number }
  /** The bytes end inside a record: more bytes decide it. */
  | { readonly kind: 'more' }
  /** No record left (only at the end of the bytes). */
  | { readonly kind: 'done' }
  | { readonly kind: 'irregular' };

const MORE: RegularStep = { kind: 'more' };
const DONE: RegularStep = { kind: 'done' };
const IRREGULAR: RegularStep = { kind: 'irregular' };

/**
 * CR and LF bytes in [from, to): csv-parse counts each as a line inside a quoted field. `indexOf` has no
 * end bound, so it runs on a view of the field: unbounded, a search for a CR in an LF-only file would
 * cross the rest of the chunk for every quoted field.
 */
function lineBreaksIn(buf: Buffer, from: number, to: number): number {
  let count = 0;
  if (to - from < 64) {
    for (let at = from; at < to; at++) if (buf[at] === LF || buf[at] === CR) count++;
    return count;
  }
  const field = buf.subarray(from, to);
  for (let at = field.indexOf(LF); at !== -1; at = field.indexOf(LF, at + 1)) count++;
  for (let at = field.indexOf(CR); at !== -1; at = field.indexOf(CR, at + 1)) count++;
  return count;
}

/**
 * Reads the record starting at `pos` (a record boundary). `last`: no bytes follow `buf`. `relaxQuotes`
 * (TSV): a quote inside an unquoted field is a plain character, as csv-parse's `relax_quotes` has it.
 */
export function readRegularRecord(buf: Buffer, pos: number, last: boolean, delimiter: number, relaxQuotes: boolean): RegularStep {
  const length = buf.length;
  if (pos >= length) return last ? DONE : MORE;
  const fields: string[] = [];
  let innerBreaks = 0;
  let p = pos;
  for (;;) {
    // p is at the start of a field.
    let value: string;
    if (p < length && buf[p] === QUOTE) {
      let segment = p + 1;
      let search = segment;
      let parts: string[] | null = null;
      for (;;) {
        const close = buf.indexOf(QUOTE, search);
        if (close === -1) return last ? IRREGULAR : MORE;
        if (close + 1 >= length && !last) return MORE;
        if (buf[close + 1] === QUOTE) {
          // A doubled quote: one quote of the value.
          (parts ??= []).push(buf.toString('utf8', segment, close + 1));
          search = segment = close + 2;
          continue;
        }
        innerBreaks += lineBreaksIn(buf, p + 1, close);
        const tail = buf.toString('utf8', segment, close);
        value = parts === null ? tail : parts.join('') + tail;
        p = close + 1;
        break;
      }
      if (p < length) {
        const next = buf[p];
        if (next !== delimiter && next !== CR && next !== LF) return IRREGULAR;
      }
    } else {
      const start = p;
      for (; p < length; p++) {
        const byte = buf[p];
        if (byte === delimiter || byte === CR || byte === LF) break;
        if (byte === QUOTE && !relaxQuotes) return IRREGULAR;
      }
      if (p >= length && !last) return MORE;
      if (p === start && fields.length === 0 && p < length && buf[p] !== delimiter) {
        // A record delimiter right at the start of a record: an empty line, skipped (skip_empty_lines).
        if (buf[p] === CR && p + 1 >= length && !last) return MORE;
        return { kind: 'empty-line', end: p + (buf[p] === CR && buf[p + 1] === LF ? 2 : 1) };
      }
      value = buf.toString('utf8', start, p);
    }
    fields.push(value);
    if (p >= length) return { kind: 'record', fields, end: length, innerBreaks, terminated: false };
    const byte = buf[p];
    if (byte === delimiter) {
      p++;
      continue;
    }
    // A record delimiter: CRLF, LF or CR.
    if (byte === CR) {
      if (p + 1 >= length && !last) return MORE;
      return { kind: 'record', fields, end: p + (buf[p + 1] === LF ? 2 : 1), innerBreaks, terminated: true };
    }
    return { kind: 'record', fields, end: p + 1, innerBreaks, terminated: true };
  }
}

/** Bytes of a byte order mark csv-parse's `bom: true` would drop at `buf`'s start, or -1 for a BOM it reads as another encoding (irregular). */
export function bomLength(buf: Buffer): number {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 3;
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return -1;
  return 0;
}

/**
 * Every record of `bytes` (a whole input: a BOM at its start is dropped), or null when the bytes are
 * not regular and csv-parse must read them.
 */
export function readRegularRecords(bytes: Buffer, delimiter: number, relaxQuotes: boolean): string[][] | null {
  const bom = bomLength(bytes);
  if (bom < 0) return null;
  const records: string[][] = [];
  for (let pos = bom; ; ) {
    const step = readRegularRecord(bytes, pos, true, delimiter, relaxQuotes);
    if (step.kind === 'done') return records;
    if (step.kind === 'record') records.push(step.fields);
    else if (step.kind !== 'empty-line') return null;
    pos = step.end;
  }
}
