import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/**
 * The data records of one of the run's own CSV tables (CRLF records, header skipped), streamed one at
 * a time, so a corpus-sized table never sits in memory.
 */
export async function* tableRecords(file: string): AsyncGenerator<string[]> {
  const records = createReadStream(file).pipe(parse({ from_line: 2, record_delimiter: '\r\n', bom: true }));
  for await (const record of records) yield record as string[];
}
