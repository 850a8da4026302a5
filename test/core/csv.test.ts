import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { CsvRow } from '../../src/output/csv-tables.js';
import { csvText } from '../../src/output/csv-writer.js';

/**
 * Our CSV writer against csv-stringify, the reference it replaced for speed, on fields without line
 * breaks. With CRLF record ends csv-stringify left a lone LF or CR unquoted (a sentence with a hard
 * line break split its row in two for pandas and R); ours quotes every field with a line break.
 */
const reference = (rows: CsvRow[]): string => (rows.length === 0 ? '' : stringify(rows, { record_delimiter: 'windows', cast: { number: (n) => String(n) } }));

describe('CSV text', () => {
  it('gives the same bytes as csv-stringify on tricky fields', () => {
    const fields: Array<string | number | null> = [
      'plain', '', null, 0, -0.25, 1e21, 3.14159, 42, 'comma, inside', 'quote " inside', '"quoted"', 'crlf\r\nend',
      ' leading space', 'trailing space ', 'Bogotá “curly” — dash', '🇨🇴 flag', '=SUM(A1)', '-minus', '\ttab', "apostrophe's", ';semicolon', '',
    ];
    const rows: CsvRow[] = [];
    for (let i = 0; i < fields.length; i++) rows.push([fields[i]!, fields[(i + 5) % fields.length]!, fields[(i * 7) % fields.length]!, i]);
    rows.push([null], [''], ['only']);
    expect(csvText(rows)).toBe(reference(rows));
    for (const row of rows) expect(csvText([row])).toBe(reference([row]));
  });

  it('quotes every field with a line break (RFC 4180)', () => {
    expect(csvText([['a', 'Inc.\nThe unit', 'cr\ronly', 'x"\ny', 7]])).toBe('a,"Inc.\nThe unit","cr\ronly","x""\ny",7\r\n');
  });

  it('reads back field for field with csv-parse', () => {
    const rows: CsvRow[] = [['Inc.\nThe unit', 'a,b', 'say "no"\r\nthen', '', 'Bogotá'], ['x', 'y', 'z', 'cr\r', '🇨🇴']];
    expect(parse(csvText(rows), { record_delimiter: '\r\n' })).toEqual(rows);
  });

  it('writes nothing for no rows', () => {
    expect(csvText([])).toBe('');
  });
});
