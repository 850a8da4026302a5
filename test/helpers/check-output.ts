import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { sliceCodePoints } from '../../src/document/offsets.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/article.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
export const validateArticleJson = ajv.compile(schema);

/** Every object carrying start/end/text anywhere in the article JSON must slice back to its text. */
export function offsetMismatches(json: { text: string }): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${where}[${i}]`));
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string' && where !== '$') {
        const sliced = sliceCodePoints(json.text, o.start, o.end);
        if (sliced !== o.text) problems.push(`${where}: [${o.start},${o.end}) is ${JSON.stringify(sliced)}, annotation says ${JSON.stringify(o.text)}`);
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'text') visit(v, `${where}.${k}`);
    }
  };
  visit(json, '$');
  return problems;
}

export function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
}

/** All output files except the manifest (the only file allowed to hold times), as path -> bytes. */
export function outputBytes(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, name.name);
      if (name.isDirectory()) walk(full);
      else if (name.name !== 'manifest.json') files.set(path.relative(dir, full), readFileSync(full, 'latin1'));
    }
  };
  walk(dir);
  return files;
}
