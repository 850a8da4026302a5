import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseFrontMatterYaml } from '../../src/ingest/front-matter.js';

/** The fast path must never disagree with the yaml package: same value, or the same failure. */
const outcome = (read: () => unknown): unknown => {
  try {
    return { value: read() };
  } catch (error) {
    return { error: (error as Error).name };
  }
};

const VALUES = [
  'US and Colombia agree to talks', '2026-01-14', '2026-01-14T09:30:00Z', '2026-1-4', '14 January 2026', 'Jan. 14, 2026',
  '"Talks, at last: a deal"', '"He said \\"no\\""', "'It''s over'", "'single'", '"double"', '""', "''",
  '123', '-7', '+3', '1.5', '.5', '1e3', '1_000', '0x1F', '0o17', '3 killed in blast', '2026 budget', '12th round',
  'true', 'True', 'FALSE', 'yes', 'No', 'on', 'null', 'Null', '~', '.inf', '-.Inf', '.NaN', 'nan',
  'a # comment', 'a#b', 'key: value', 'http://example.com/a', '[a, b]', '{a: 1}', '&anchor x', '*alias',
  '| block', '> folded', '%directive', '@handle', '`tick`', 'Bogotá sees “thaw”', 'Ünïcödé — dash', 'émigré', '- item',
  'value   ', 'two  spaces', 'tab\there', 'trailing\\', 'C:\\path', 'a, b', 'semi; colon', 'percent 5%', 'Q&A',
  '', ' ', '"unterminated', "'unterminated", 'x"y', "x'y",
];

describe('front matter fast path', () => {
  it('reads every simple front matter exactly as the yaml package does', () => {
    let checked = 0;
    for (const value of VALUES) {
      for (const text of [`id: a1\ntitle: ${value}\n`, `title: ${value}\ndate: 2026-01-14`, `title:${value}\n`, `title: ${value}\ntitle: again\n`]) {
        expect(outcome(() => parseFrontMatterYaml(text)), JSON.stringify(text)).toEqual(outcome(() => parseYaml(text)));
        checked++;
      }
    }
    expect(checked).toBe(VALUES.length * 4);
  });

  it('leaves structures, comments and odd layouts to the yaml package', () => {
    for (const text of ['# comment\nid: a\n', 'tags:\n  - a\n  - b\n', 'id: a\n\ndate: 2026-01-14\n', '  id: a\n', 'id: a # note\n', '__proto__: x\n', 'id: a\r\n', '']) {
      expect(outcome(() => parseFrontMatterYaml(text)), JSON.stringify(text)).toEqual(outcome(() => parseYaml(text)));
    }
  });
});
