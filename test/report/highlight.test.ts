import { describe, expect, it } from 'vitest';
import { renderHighlighted, type Highlight } from '../../src/report/highlight.js';
import { escapeHtml, formatSigned } from '../../src/report/html.js';

const h = (start: number, end: number, name: string, layer = 0, tail?: string): Highlight => ({
  start,
  end,
  layer,
  open: (cont) => `<${name}${cont ? ' c' : ''}>`,
  close: `</${name}>`,
  tail,
});

describe('[report/highlight] nesting highlights into HTML', () => {
  const text = 'Petro met Trump in Washington on February 3.';

  it('escapes text and wraps each highlight', () => {
    expect(renderHighlighted('a <b> & "c"', 0, 11, [h(2, 5, 'i')])).toBe('a <i>&lt;b&gt;</i> &amp; &quot;c&quot;');
  });

  it('nests a highlight inside another and keeps the outer layer outside when both cover the same text', () => {
    expect(renderHighlighted(text, 0, 15, [h(10, 15, 'e', 1), h(10, 15, 't', 0), h(0, 15, 'c', 2)])).toBe('<c>Petro met <t><e>Trump</e></t></c>');
  });

  it('cuts a highlight that crosses the end of an enclosing one and continues it after; only the first piece has the tail', () => {
    // "in Washington" (cue) overlaps "Washington on February 3" (timex) without nesting.
    const cue = h(16, 29, 'c', 2, '[tip-c]');
    const timex = h(19, 43, 't', 0, '[tip-t]');
    const html = renderHighlighted(text, 0, text.length, [cue, timex]);
    expect(html).toBe('Petro met Trump <c>in <t>Washington[tip-t]</t>[tip-c]</c><t c> on February 3</t>.');
  });

  it('clips highlights to the rendered range', () => {
    expect(renderHighlighted(text, 10, 15, [h(0, 12, 'x'), h(14, 30, 'y')])).toBe('<x>Tr</x>um<y>p</y>');
  });

  it('renders text without highlights unchanged except for escaping', () => {
    expect(renderHighlighted('<script>alert(1)</script>', 0, 25, [])).toBe(escapeHtml('<script>alert(1)</script>'));
  });
});

describe('[report/html] number display', () => {
  it.each([
    [1.5, '+1.50'],
    [-8, '\u22128.00'],
    [0, '0.00'],
    [-0.001, '0.00'],
  ])('%s -> %s', (value, expected) => {
    expect(formatSigned(value)).toBe(expected);
  });
});
