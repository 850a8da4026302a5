import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { articleJsonSchema } from '../../src/output/article-json-type.js';
import { readArticleJson } from '../../src/output/read-article-json.js';
import { validateArticleJson } from '../helpers/check-output.js';

type Schema = { [key: string]: unknown };
const handWritten = JSON.parse(readFileSync(new URL('../../schema/article.schema.json', import.meta.url), 'utf8')) as Schema;
const generated = z.toJSONSchema(articleJsonSchema) as Schema;

/** zod writes these bounds for every `.int()`; the hand-written schema leaves an unbounded integer unbounded. */
const SAFE_INTEGER_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/**
 * One schema reduced to what the contract says field by field: per value its JSON types, whether it may
 * be null, its enum/const, bounds, pattern; per object its property names, which are required and each
 * property's own shape; per array its item shape. `$ref`, `allOf`, `oneOf`/`anyOf` with null and the
 * `{}` placeholders of the hand-written schema are resolved, so two spellings of one contract compare equal.
 */
function shape(root: Schema, node: unknown, seen: readonly string[] = []): unknown {
  let s = (node ?? {}) as Schema;
  if (typeof s.$ref === 'string') {
    const ref = s.$ref;
    // Metadata values: any JSON (zod's recursive JsonValue; the hand-written schema leaves them open).
    if (ref.endsWith('/JsonValue') || seen.includes(ref)) return 'any JSON';
    const [, group, name] = ref.split('/');
    return shape(root, (root[group!] as Schema)[name!], [...seen, ref]);
  }
  const union = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (union) {
    const others = union.filter((branch) => branch.type !== 'null');
    if (others.length === union.length - 1 && others.length === 1) return { ...(shape(root, others[0], seen) as object), nullable: true };
    return { union: union.map((branch) => shape(root, branch, seen)) };
  }
  if (Array.isArray(s.allOf)) {
    let merged: Schema = { ...s, allOf: undefined };
    for (const part of s.allOf as Schema[]) {
      const resolved = (typeof part.$ref === 'string' ? (handWrittenDefinition(root, part.$ref) ?? part) : part) as Schema;
      const own = (merged.properties ?? {}) as Schema;
      const inherited = (resolved.properties ?? {}) as Schema;
      const properties: Schema = { ...inherited };
      for (const [key, value] of Object.entries(own)) properties[key] = Object.keys(value as object).length === 0 ? inherited[key] : value;
      merged = { ...merged, properties, required: [...new Set([...((resolved.required as string[]) ?? []), ...((merged.required as string[]) ?? [])])] };
    }
    s = merged;
  }
  const types = (Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type]) as string[];
  const out: Schema = { nullable: types.includes('null') };
  if (s.enum !== undefined) out.enum = [...(s.enum as unknown[])].sort();
  else if (s.const !== undefined) out.const = s.const;
  else out.types = types.filter((t) => t !== 'null').sort();
  for (const key of ['minimum', 'maximum', 'pattern', 'minLength'] as const) if (s[key] !== undefined && !SAFE_INTEGER_BOUNDS.has(s[key] as number)) out[key] = s[key];
  if (s.items !== undefined) out.items = shape(root, s.items, seen);
  if (s.properties !== undefined) {
    const properties: Schema = {};
    for (const key of Object.keys(s.properties as Schema).sort()) properties[key] = shape(root, (s.properties as Schema)[key], seen);
    out.properties = properties;
    out.required = [...((s.required as string[]) ?? [])].sort();
  } else if (types.includes('object')) {
    out.values = s.additionalProperties === undefined || s.additionalProperties === true ? 'any JSON' : shape(root, s.additionalProperties, seen);
  }
  return out;
}

function handWrittenDefinition(root: Schema, ref: string): Schema | undefined {
  const [, group, name] = ref.split('/');
  return (root[group!] as Schema | undefined)?.[name!] as Schema | undefined;
}

const goldenDir = new URL('../golden/', import.meta.url).pathname;
const goldenArticles = [
  path.join(goldenDir, 'corpus', 'us-colombia-relations.json'),
  ...readdirSync(path.join(goldenDir, 'fixtures', 'expected')).filter((f) => f.endsWith('.json')).map((f) => path.join(goldenDir, 'fixtures', 'expected', f)),
];

describe('[output/contract] ArticleJson, readArticleJson and schema/article.schema.json', () => {
  it('the JSON Schema and the zod schema of ArticleJson agree field by field', () => {
    expect(shape(generated, generated)).toEqual(shape(handWritten, handWritten));
    // And the comparison sees a one-field difference.
    const narrower = structuredClone(handWritten) as { definitions: { cue: { properties: { weight: { maximum: number } } } } };
    narrower.definitions.cue.properties.weight.maximum = 9;
    expect(shape(narrower as Schema, narrower)).not.toEqual(shape(generated, generated));
  });

  it('reads every golden article, which the JSON Schema accepts too', () => {
    expect(goldenArticles.length).toBeGreaterThanOrEqual(5);
    for (const file of goldenArticles) {
      const text = readFileSync(file, 'utf8');
      const read = readArticleJson(text);
      expect(read.ok ? '' : read.reason, file).toBe('');
      expect(validateArticleJson(JSON.parse(text)), file).toBe(true);
      // The value as published, keys in their order: serializing it again gives the file's bytes.
      if (read.ok) expect(`${JSON.stringify(read.article, null, 2)}\n`).toBe(text);
    }
  });

  it('refuses what the JSON Schema refuses, naming the key path', () => {
    const article = JSON.parse(readFileSync(goldenArticles[0]!, 'utf8')) as Record<string, any>;
    const broken: Array<[string, (a: Record<string, any>) => void, RegExp]> = [
      ['no text', (a) => delete a.text, /text: /u],
      ['a cue weight past 10', (a) => (a.sentences.find((s: any) => s.tension?.cues.length > 0).tension.cues[0].weight = 11), /sentences\.\d+\.tension\.cues\.0\.weight: /u],
      ['an unknown entity type', (a) => (a.entities[0].type = 'PLANET'), /entities\.0\.type: /u],
      ['a publication date that is no ISO date', (a) => (a.dct = '14/01/2026'), /dct: /u],
      ['a negative offset', (a) => (a.timexes[0].start = -1), /timexes\.0\.start: /u],
      ['another schema version', (a) => (a.schemaVersion = 2), /schemaVersion: /u],
    ];
    for (const [what, breakIt, path] of broken) {
      const copy = structuredClone(article);
      breakIt(copy);
      const read = readArticleJson(JSON.stringify(copy));
      expect(read.ok, what).toBe(false);
      if (!read.ok) expect(read.reason, what).toMatch(path);
      expect(validateArticleJson(copy), what).toBe(false);
    }
    expect(readArticleJson('{"id": ')).toEqual({ ok: false, reason: expect.stringMatching(/^not valid JSON/u) });
    expect(readArticleJson('[]')).toEqual({ ok: false, reason: 'not a JSON object' });
  });
});
