import { describe, expect, it } from 'vitest';
import { barChart, isoDay, MAX_LINKED_MARKS, tensionChart, timelineChart } from '../../src/report/svg-charts.js';
import { CHART, ENTITY_STYLES, categoryColor } from '../../src/report/style.js';

const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('[report/charts] tension chart', () => {
  const points = [
    { date: '2026-01-14', index: -0.04, label: 'neutral', name: 'Seed', href: 'articles/seed.html' },
    { date: '2026-02-20', index: -2.65, label: 'escalation', name: 'A <b>', href: 'articles/a.html' },
    { date: '2026-03-01', index: 4, label: 'de-escalation', name: 'B', href: 'articles/b.html' },
    { date: 'unknown', index: 1, label: 'neutral', name: 'C', href: 'articles/c.html' },
  ];
  const svg = tensionChart(points, 't');

  it('draws one linked mark per dated article, its label told by shape', () => {
    expect(count(svg, /<a href="articles\//gu)).toBe(3);
    expect(count(svg, /class="mark-escalation"/gu)).toBe(2); // one in the legend
    expect(count(svg, /class="mark-de-escalation"/gu)).toBe(2);
    expect(svg).toContain('<title>A &lt;b&gt;: \u22122.65 (escalation), published 2026-02-20</title>');
    expect(svg).toContain('1 without a publication date left out');
  });

  it('runs the date axis over whole months and the score axis symmetric around zero', () => {
    expect(svg).toMatch(/>Jan 2026<\/text>/u);
    expect(svg).toMatch(/>Feb<\/text>/u);
    expect(svg).toMatch(/>\+4<\/text>/u);
    expect(svg).toMatch(/>\u22124<\/text>/u);
  });

  it('stops making marks links past MAX_LINKED_MARKS articles, to keep the keyboard path short', () => {
    const many = Array.from({ length: MAX_LINKED_MARKS + 1 }, (_, i) => ({ date: '2026-01-14', index: 0, label: 'neutral', name: `n${i}`, href: `articles/n${i}.html` }));
    const big = tensionChart(many, 't');
    expect(count(big, /<a /gu)).toBe(0);
    expect(count(big, /<g><title>n\d+:/gu)).toBe(MAX_LINKED_MARKS + 1);
    expect(count(tensionChart(many.slice(1), 't'), /<a /gu)).toBe(MAX_LINKED_MARKS);
  });

  it('says so when nothing can be plotted', () => {
    expect(tensionChart([], 't')).toContain('No article has both a publication date and a tension index');
  });
});

describe('[report/charts] timeline chart', () => {
  it('draws months, with empty months kept so distances stay true', () => {
    const svg = timelineChart([{ month: '2025-12', mentioned: 2, published: 0 }, { month: '2026-03', mentioned: 1, published: 4 }], 'tl');
    expect(svg).toContain('4 months from 2025-12 to 2026-03.');
    expect(count(svg, /class="bar-mentioned"/gu)).toBe(2);
    expect(count(svg, /class="bar-published"/gu)).toBe(1);
    expect(svg).toContain('<title>Mar 2026: 4 articles published</title>');
  });

  it('groups by year when the span is longer than four years', () => {
    const svg = timelineChart([{ month: '1990-06', mentioned: 1, published: 0 }, { month: '2026-01', mentioned: 3, published: 2 }, { month: '2026-02', mentioned: 2, published: 0 }], 'tl');
    expect(svg).toContain('37 years from 1990 to 2026.');
    expect(svg).toContain('<title>2026: 5 dates mentioned</title>');
  });
});

describe('[report/charts] bars and dates', () => {
  it('writes the number beside each bar and escapes labels', () => {
    const svg = barChart([{ label: 'AT&T <x>', tag: 'ORG', fill: '#eee', value: 3, note: 'mentions' }], 'b', 'Top');
    expect(svg).toContain('AT&amp;T &lt;x&gt;');
    expect(svg).toMatch(/>3<\/text>/u);
  });

  it.each([
    ['1970-01-02', 1],
    ['2026-01-14', 20467],
    ['2026-1-14', null],
    ['XXXX-01-14', null],
  ])('isoDay(%s) = %s', (date, day) => {
    expect(isoDay(date)).toBe(day);
  });
});

describe('[report/style] contrast', () => {
  it('keeps dark text readable on every entity fill (at least 7:1)', () => {
    for (const style of Object.values(ENTITY_STYLES)) expect(contrast('#1a1a1a', style.fill)).toBeGreaterThanOrEqual(7);
  });

  it('draws cue underlines and chart marks at least 3:1 against white', () => {
    for (const category of Array.from({ length: 300 }, (_, i) => `category-${i}`)) expect(contrast(categoryColor(category), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    for (const color of [CHART.conflict, CHART.cooperation, CHART.neutral, CHART.mentioned, CHART.published]) expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
