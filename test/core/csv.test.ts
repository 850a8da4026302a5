import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CsvRow, CsvValue } from '../../src/output/csv-tables.js';
import { csvText } from '../../src/output/csv-writer.js';

/**
 * The CSV bytes researchers load with pandas and R (RFC 4180, CRLF record ends, quotes only where
 * needed), written by csv-stringify. These are the bytes the hand-written writer it replaced gave, so
 * tables from older runs and newer ones compare equal; csv-parse reads every field back.
 */

/** Each field alone and as written. */
const ENCODED: ReadonlyArray<readonly [CsvValue, string]> = [
  ['plain', 'plain'],
  ['', ''],
  [null, ''],
  [0, '0'],
  [-0, '0'],
  [-0.25, '-0.25'],
  [1e21, '1e+21'],
  [3.14159, '3.14159'],
  [42, '42'],
  ['comma, inside', '"comma, inside"'],
  ['quote " inside', '"quote "" inside"'],
  ['"quoted"', '"""quoted"""'],
  ['crlf\r\nend', '"crlf\r\nend"'],
  [' leading space', ' leading space'],
  ['trailing space ', 'trailing space '],
  ['Bogotá “curly” — dash', 'Bogotá “curly” — dash'],
  ['🇨🇴 flag', '🇨🇴 flag'],
  // No formula escaping: the cell holds the article's text as written.
  ['=SUM(A1)', '=SUM(A1)'],
  ['-minus', '-minus'],
  ['\ttab', '\ttab'],
  ["apostrophe's", "apostrophe's"],
  [';semicolon', ';semicolon'],
];

describe('CSV text', () => {
  it('writes each kind of field as RFC 4180 does, quoting only where needed', () => {
    for (const [value, encoded] of ENCODED) expect(csvText([[value, 'x']]), JSON.stringify(value)).toBe(`${encoded},x\r\n`);
    expect(csvText([[null], [''], ['only']])).toBe('\r\n\r\nonly\r\n');
  });

  it('quotes every field with a line break, a lone LF or CR included', () => {
    expect(csvText([['a', 'Inc.\nThe unit', 'cr\ronly', 'x"\ny', 'ends in cr\r', '\nstarts with lf', 7]])).toBe(
      'a,"Inc.\nThe unit","cr\ronly","x""\ny","ends in cr\r","\nstarts with lf",7\r\n',
    );
  });

  it('reads back field for field with csv-parse', () => {
    const rows: CsvRow[] = [
      ['Inc.\nThe unit', 'a,b', 'say "no"\r\nthen', '', 'Bogotá'],
      ['x', 'y', 'z', 'cr\r', '🇨🇴'],
      ['\n', '\r', '\r\n', '""', ','],
    ];
    expect(parse(csvText(rows), { record_delimiter: '\r\n' })).toEqual(rows);
    const tricky = ENCODED.map(([value]) => value);
    const expected = tricky.map((value) => (value === null ? '' : String(value)));
    expect(parse(csvText([tricky]), { record_delimiter: '\r\n' })).toEqual([expected]);
  });

  it('writes nothing for no rows', () => {
    expect(csvText([])).toBe('');
  });
});
