import fc from 'fast-check';
import { parse as parseSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readRegularRecords } from '../../src/ingest/regular-csv.js';
import { csvOptions, readRow, scanTable, scanTableByCsvParse, type LayoutResult, type TableScanHandlers } from '../../src/ingest/table.js';

/**
 * The fast CSV reader must give what csv-parse gives, or step aside. These tests build CSV and TSV from
 * the pieces that make exports hard (quotes, doubled quotes, CRLF/LF/CR, empty lines, a BOM, stray
 * quotes, multi-byte and invalid UTF-8) and compare every record, byte range, line number and error
 * with csv-parse's own scan, for any split of the file into chunks.
 */
const PIECES = ['a', 'Bogotá', 'x y', '', ',', '\t', '"', '""', '"q"', '"a,b"', '"line\r\nbreak"', '"l\nb"', '\r\n', '\n', '\r', ' ', '\u00e9', '\u{1F600}', '\0'];
const csvText = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 })).map(([bom, pieces]) => Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(`id,text\r\n${pieces.join('')}`)]));
/** Raw bytes too: invalid UTF-8 and a UTF-16 BOM. */
const rawBytes = fc.array(fc.constantFrom(0x22, 0x2c, 0x09, 0x0a, 0x0d, 0x61, 0xc3, 0xa9, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x80), { maxLength: 40 }).map((bytes) => Buffer.from(bytes));

function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) chunks.push(bytes.subarray(from, point));
    from = Math.max(from, point);
  }
  return chunks;
}

async function events(scan: typeof scanTable | typeof scanTableByCsvParse, chunks: Buffer[], delimiter: ',' | '\t', header: (h: readonly string[]) => LayoutResult): Promise<unknown[]> {
  const seen: unknown[] = [];
  const handlers: TableScanHandlers = {
    onHeader: (h) => {
      seen.push(['header', [...h]]);
      return header(h);
    },
    onRow: (row) => seen.push(['row', row.row, row.line, row.byteStart, row.byteEnd, [...row.record]]),
    onBadRecord: (row, line, reason) => seen.push(['bad', row, line, reason]),
  };
  const result = scan === scanTable ? await scanTable(() => chunks, delimiter, handlers) : await scanTableByCsvParse(chunks, delimiter, handlers);
  seen.push(['result', result]);
  return seen;
}

const anyHeader = (): LayoutResult => ({ ok: true, layout: { header: [], fields: { text: 0, id: null, date: null, title: null, source: null, url: null }, headerHash: '' } });

describe('the fast CSV reader against csv-parse', () => {
  it('reads a regular export as csv-parse does: quoted commas, doubled quotes, CRLF inside fields, a BOM', () => {
    const bytes = Buffer.from('\ufeffid,text\r\n1,"Petro, Trump to meet"\r\n2,"Ministers called the talks ""constructive"".\r\n\r\nMore."\r\n\r\n3,plain\n4,"café 😀"');
    const records = readRegularRecords(bytes, 0x2c, false);
    expect(records).toEqual([['id', 'text'], ['1', 'Petro, Trump to meet'], ['2', 'Ministers called the talks "constructive".\r\n\r\nMore.'], ['3', 'plain'], ['4', 'café 😀']]);
    expect(records).toEqual(parseSync(bytes, csvOptions(',')));
  });

  it('steps aside (null) where csv-parse would report an error or read another encoding', () => {
    for (const text of ['id,text\n1,a"b\n', 'id,text\n1,"a"b\n', 'id,text\n1,"never closed\n']) expect(readRegularRecords(Buffer.from(text), 0x2c, false)).toBeNull();
    expect(readRegularRecords(Buffer.from([0xff, 0xfe, 0x61, 0x00]), 0x2c, false)).toBeNull();
    // In a TSV a quote inside a field is a plain character (relax_quotes), as csv-parse reads it.
    expect(readRegularRecords(Buffer.from('id\ttext\n1\t5" screen\n'), 0x09, true)).toEqual([['id', 'text'], ['1', '5" screen']]);
  });

  it('gives the records csv-parse gives whenever it reads the bytes (random CSV and TSV)', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(csvText, rawBytes), fc.constantFrom(',', '\t') as fc.Arbitrary<',' | '\t'>, (bytes, delimiter) => {
        const fast = readRegularRecords(bytes, delimiter.charCodeAt(0), delimiter === '\t');
        if (fast === null) return;
        read++;
        expect(fast).toEqual(parseSync(bytes, { ...csvOptions(delimiter), skip_records_with_error: true }));
      }),
      { numRuns: 3000 },
    );
    // Most generated inputs are regular: the comparison is not vacuous.
    expect(read).toBeGreaterThan(1000);
  });

  it('makes the same scan as csv-parse alone, for any chunking: records, ranges, lines and errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvText, rawBytes), fc.constantFrom(',', '\t') as fc.Arbitrary<',' | '\t'>, fc.array(fc.nat(), { maxLength: 4 }), async (bytes, delimiter, cuts) => {
        const chunks = chunked(bytes, cuts);
        expect(await events(scanTable, chunks, delimiter, anyHeader)).toEqual(await events(scanTableByCsvParse, chunks, delimiter, anyHeader));
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees on records longer than the window joined across a chunk boundary (64 KB)', async () => {
    const long = 'Paragraph "one", and more.\r\n'.repeat(9000); // ~250 KB once quoted
    const quoted = `"${long.replace(/"/gu, '""')}"`;
    const bytes = Buffer.from(`id,text\r\n1,${quoted}\r\n2,short\r\n3,${quoted}\n\n4,"a ""b"""\r\n5,x${'y'.repeat(150_000)}\r\n`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { minLength: 1, maxLength: 6 }), async (cuts) => {
        const chunks = chunked(bytes, cuts);
        expect(await events(scanTable, chunks, ',', anyHeader)).toEqual(await events(scanTableByCsvParse, chunks, ',', anyHeader));
      }),
      { numRuns: 25 },
    );
  });

  it('stops at a bad header as csv-parse does', async () => {
    const bytes = Buffer.from('a,a\n1,2\n');
    const refuse = (): LayoutResult => ({ ok: false, reason: 'header names the column "a" twice' });
    expect(await events(scanTable, [bytes], ',', refuse)).toEqual(await events(scanTableByCsvParse, [bytes], ',', refuse));
  });

  it('reads one row again from its bytes as csv-parse does', () => {
    expect(readRow(Buffer.from('7,"two\n\nparagraphs, one ""quote"""\r\n'), ',')).toEqual(['7', 'two\n\nparagraphs, one "quote"']);
    // A range that starts with an unreadable record: the row is its last record (csv-parse decides).
    expect(readRow(Buffer.from('1,a"b\n2,ok\n'), ',')).toEqual(['2', 'ok']);
  });
});
