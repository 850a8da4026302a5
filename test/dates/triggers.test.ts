import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATE_RULES } from '../../src/dates/rules/index.js';

/**
 * A rule's trigger lets the stage skip the rule on articles without it, so it must be found inside
 * every match of the rule's pattern. Checked on every text at hand: the corpus and, when present, the
 * shared eval files (news, editorials, speeches).
 */
const texts = (): string[] => {
  const found: string[] = [];
  const corpus = fileURLToPath(new URL('../../corpus/', import.meta.url));
  for (const name of readdirSync(corpus)) if (/\.(md|txt)$/u.test(name)) found.push(readFileSync(corpus + name, 'utf8'));
  const evalDir = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
  if (existsSync(evalDir)) {
    for (const name of readdirSync(evalDir).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(evalDir + name, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const record = JSON.parse(line) as { text?: unknown };
        if (typeof record.text === 'string') found.push(record.text);
      }
    }
  }
  return found;
};

describe('[dates] rule triggers', () => {
  const all = texts();
  it('are plain tests (no global or sticky state)', () => {
    for (const rule of DATE_RULES) expect(rule.trigger.flags, rule.id).not.toMatch(/[gy]/u);
  });

  it('occur inside every match of their rule', () => {
    let matches = 0;
    for (const rule of DATE_RULES) {
      const re = new RegExp(rule.pattern.source, rule.pattern.flags);
      for (const text of all) {
        for (const m of text.matchAll(re)) {
          matches++;
          expect(rule.trigger.test(m[0]), `${rule.id}: "${m[0]}"`).toBe(true);
        }
      }
    }
    // Thousands with the eval files; the seed article alone still gives some.
    expect(matches).toBeGreaterThan(all.length > 100 ? 1000 : 0);
  });
});
