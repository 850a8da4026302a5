import { parse as parseYaml } from 'yaml';

/**
 * Parses an article's YAML front matter. Almost every front matter is a few `key: value` lines, which
 * a full YAML parse handles at ~0.3 ms each, twice per article (scan, then load): 3% of a whole run.
 * Lines that are all simple scalars are read here directly; anything else (comments, lists, numbers,
 * booleans, escapes, duplicate keys, errors) goes to the yaml package, so the result is always what
 * yaml gives (`test/core/front-matter.test.ts` compares both on many shapes).
 */
export function parseFrontMatterYaml(yamlText: string): unknown {
  return readSimpleMapping(yamlText) ?? parseYaml(yamlText);
}

const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):[ ]+(.*?)[ ]*$/u;
/** A plain scalar that YAML 1.2's core schema keeps as a string (checked further by NOT_A_STRING). */
const PLAIN = /^[\p{L}\p{N}][^#:{}[\],&*!|>'"%@`\\\x00-\x1f\x7f]*$/u;
const NOT_A_STRING = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|~|null|true|false)$/iu;
const DOUBLE_QUOTED = /^"([^"\\\x00-\x1f]*)"$/u;
const SINGLE_QUOTED = /^'([^'\x00-\x1f]*)'$/u;

function readSimpleMapping(yamlText: string): Record<string, string> | null {
  const result: Record<string, string> = {};
  const lines = yamlText.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return null;
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) return null;
    const key = match[1]!;
    const raw = match[2]!;
    if (Object.hasOwn(result, key) || key === '__proto__') return null;
    const quoted = DOUBLE_QUOTED.exec(raw) ?? SINGLE_QUOTED.exec(raw);
    if (quoted) result[key] = quoted[1]!;
    else if (PLAIN.test(raw) && !NOT_A_STRING.test(raw)) result[key] = raw;
    else return null;
  }
  return result;
}
