import { attr, escapeHtml, formatNumber, formatSigned } from './html.js';
import { CHART } from './style.js';

/**
 * Charts as inline SVG, drawn by our own small functions: no library, no script, same bytes for the
 * same data. Every mark has a `<title>` (a tooltip and a name for screen readers), and every series
 * is told apart by shape or pattern as well as colour.
 */

const DAY_MS = 86_400_000;

const num = (value: number): string => (Math.round(value * 10) / 10).toString();

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD); null when it is not one. */
export function isoDay(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? null : Math.round(ms / DAY_MS);
}

/** Month starts (as days) between two days, thinned to at most `max` ticks. */
function monthTicks(from: number, to: number, max: number): number[] {
  const start = new Date(from * DAY_MS);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  const all: number[] = [];
  for (;;) {
    const day = Math.round(Date.UTC(year, month, 1) / DAY_MS);
    if (day > to) break;
    if (day >= from) all.push(day);
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  const steps = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600];
  const step = steps.find((s) => Math.ceil(all.length / s) <= max) ?? Math.ceil(all.length / max);
  // Keep January-aligned ticks when thinning by whole years, so labels read as years.
  return all.filter((d) => {
    const m = new Date(d * DAY_MS);
    const index = m.getUTCFullYear() * 12 + m.getUTCMonth();
    return index % step === 0;
  });
}

/** The first day of the month of `day`, moved by `months`. */
function monthStart(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / DAY_MS);
}

function monthLabel(day: number, withYear: boolean): string {
  const d = new Date(day * DAY_MS);
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const month = names[d.getUTCMonth()]!;
  return withYear || d.getUTCMonth() === 0 ? `${month} ${d.getUTCFullYear()}` : month;
}

/** Above this many articles, the tension chart's marks are not links (see `tensionChart`). */
export const MAX_LINKED_MARKS = 200;

export interface TensionPoint {
  /** Publication date, YYYY-MM-DD. */
  readonly date: string;
  readonly index: number;
  readonly label: string;
  readonly name: string;
  readonly href: string;
}

/** Marker shapes: the label is read from the shape, not only from the colour. */
function marker(label: string, x: number, y: number): string {
  if (label === 'escalation') return `<path class="mark-escalation" d="M${num(x)} ${num(y - 6)}L${num(x + 6)} ${num(y + 5)}L${num(x - 6)} ${num(y + 5)}Z" fill="${CHART.conflict}"/>`;
  if (label === 'de-escalation') return `<path class="mark-de-escalation" d="M${num(x - 6)} ${num(y - 5)}L${num(x + 6)} ${num(y - 5)}L${num(x)} ${num(y + 6)}Z" fill="${CHART.cooperation}"/>`;
  return `<circle class="mark-neutral" cx="${num(x)}" cy="${num(y)}" r="4.5" fill="#fff" stroke="${CHART.neutral}" stroke-width="2"/>`;
}

/** Tension index of each article (y, −10..+10) over its publication date (x); each point links to the article page. */
export function tensionChart(points: readonly TensionPoint[], id: string): string {
  const width = 760;
  const height = 320;
  const m = { left: 56, right: 20, top: 34, bottom: 46 };
  const dated = points.flatMap((p) => {
    const day = isoDay(p.date);
    return day === null ? [] : [{ ...p, day }];
  });
  if (dated.length === 0) return '<p class="absent">No article has both a publication date and a tension index.</p>';
  // The axis runs over whole months, so it always has month ticks to read the dates from.
  const lo = monthStart(Math.min(...dated.map((p) => p.day)), 0);
  const hi = monthStart(Math.max(...dated.map((p) => p.day)), 1);
  const extent = Math.max(1, Math.ceil(Math.max(...dated.map((p) => Math.abs(p.index)))));
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const x = (day: number): number => m.left + ((day - lo) / (hi - lo)) * plotW;
  const y = (value: number): number => m.top + ((extent - value) / (2 * extent)) * plotH;

  const parts: string[] = [];
  for (const value of [-extent, -extent / 2, 0, extent / 2, extent]) {
    const yy = y(value);
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${num(yy)}" y2="${num(yy)}" stroke="${value === 0 ? CHART.axis : CHART.grid}" stroke-width="${value === 0 ? 1.5 : 1}"${value === 0 ? '' : ' stroke-dasharray="3 3"'}/>`);
    parts.push(`<text x="${m.left - 6}" y="${num(yy + 4)}" text-anchor="end">${escapeHtml(formatSigned(value, Number.isInteger(value) ? 0 : 1))}</text>`);
  }
  const ticks = monthTicks(lo, hi, 8);
  ticks.forEach((day, i) => {
    const xx = x(day);
    parts.push(`<line x1="${num(xx)}" x2="${num(xx)}" y1="${height - m.bottom}" y2="${height - m.bottom + 5}" stroke="${CHART.axis}"/>`);
    parts.push(`<text x="${num(xx)}" y="${height - m.bottom + 18}" text-anchor="middle">${escapeHtml(monthLabel(day, i === 0))}</text>`);
  });
  parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${height - m.bottom}" y2="${height - m.bottom}" stroke="${CHART.axis}"/>`);
  parts.push(`<text x="${m.left + plotW / 2}" y="${height - 6}" text-anchor="middle">publication date</text>`);
  parts.push(`<text x="14" y="${m.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 14 ${m.top + plotH / 2})">tension index (− conflict, + cooperation)</text>`);
  // Marks are links while they are few; past that they would be hundreds of keyboard stops, and the
  // article table below the chart links every page anyway.
  const linked = dated.length <= MAX_LINKED_MARKS;
  for (const p of dated) {
    const title = `<title>${escapeHtml(`${p.name}: ${formatSigned(p.index, 2)} (${p.label}), published ${p.date}`)}</title>`;
    parts.push(linked ? `<a${attr('href', p.href)}>${title}${marker(p.label, x(p.day), y(p.index))}</a>` : `<g>${title}${marker(p.label, x(p.day), y(p.index))}</g>`);
  }
  // Legend: shape and word for each label.
  const legend = [['escalation', 'escalation'], ['de-escalation', 'de-escalation'], ['neutral', 'neutral']] as const;
  legend.forEach(([label, text], i) => {
    const lx = m.left + 10 + i * 130;
    parts.push(marker(label, lx, 16), `<text x="${lx + 11}" y="20">${text}</text>`);
  });
  const missing = points.length - dated.length;
  const desc = `${dated.length} articles plotted${missing > 0 ? `; ${missing} without a publication date left out` : ''}.`;
  return `<svg class="chart" role="group"${attr('id', id)} viewBox="0 0 ${width} ${height}"${attr('aria-label', `Tension index by publication date. ${desc}`)}><title>Tension index by publication date</title><desc>${escapeHtml(desc)}</desc>${parts.join('')}</svg>`;
}

export interface TimelineBin {
  /** "YYYY-MM". */
  readonly month: string;
  readonly mentioned: number;
  readonly published: number;
}

/** What the two bars of a timeline count. */
export interface TimelineLabels {
  readonly title: string;
  /** Legend of the solid bar, and its unit in a bar's tooltip. */
  readonly solid: string;
  readonly solidUnit: string;
  readonly hatched: string;
  readonly hatchedUnit: string;
}

const DATES_TIMELINE: TimelineLabels = {
  title: 'Timeline of normalized dates and publication dates',
  solid: 'dates the articles talk about',
  solidUnit: 'dates mentioned',
  hatched: 'articles published',
  hatchedUnit: 'articles published',
};

/**
 * Two bars per month: by default, how many normalized dates in the articles fall in that month
 * (solid), and how many articles were published in it (hatched). Long spans are grouped by year.
 */
export function timelineChart(bins: readonly TimelineBin[], id: string, labels: TimelineLabels = DATES_TIMELINE): string {
  if (bins.length === 0) return '<p class="absent">No dated article and no normalized date to place on a timeline.</p>';
  const sorted = [...bins].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const first = sorted[0]!.month;
  const last = sorted.at(-1)!.month;
  const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const span = monthIndex(last) - monthIndex(first) + 1;
  const byYear = span > 48;
  const keys: string[] = [];
  if (byYear) for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) keys.push(String(year));
  else for (let i = monthIndex(first); i <= monthIndex(last); i++) keys.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const totals = new Map(keys.map((k) => [k, { mentioned: 0, published: 0 }]));
  for (const b of sorted) {
    const t = totals.get(byYear ? b.month.slice(0, 4) : b.month)!;
    t.mentioned += b.mentioned;
    t.published += b.published;
  }

  const width = 760;
  const height = 300;
  const m = { left: 48, right: 16, top: 34, bottom: 52 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const max = Math.max(1, ...[...totals.values()].flatMap((t) => [t.mentioned, t.published]));
  const slot = plotW / keys.length;
  const bar = Math.max(1, Math.min(28, (slot - 4) / 2));
  const y = (value: number): number => m.top + plotH - (value / max) * plotH;
  const parts: string[] = [
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${CHART.published}" stroke-width="3"/></pattern></defs>`,
  ];
  for (const value of niceTicks(max)) {
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${num(y(value))}" y2="${num(y(value))}" stroke="${value === 0 ? CHART.axis : CHART.grid}"${value === 0 ? '' : ' stroke-dasharray="3 3"'}/>`);
    parts.push(`<text x="${m.left - 6}" y="${num(y(value) + 4)}" text-anchor="end">${value}</text>`);
  }
  const labelEvery = Math.max(1, Math.ceil(keys.length / 12));
  keys.forEach((key, i) => {
    const t = totals.get(key)!;
    const cx = m.left + slot * i + slot / 2;
    const name = byYear ? key : monthLabel(Math.round(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1) / DAY_MS), true);
    if (t.mentioned > 0) parts.push(`<rect class="bar-mentioned" x="${num(cx - bar)}" y="${num(y(t.mentioned))}" width="${num(bar)}" height="${num(y(0) - y(t.mentioned))}" fill="${CHART.mentioned}"><title>${escapeHtml(`${name}: ${t.mentioned} ${labels.solidUnit}`)}</title></rect>`);
    if (t.published > 0) parts.push(`<rect class="bar-published" x="${num(cx)}" y="${num(y(t.published))}" width="${num(bar)}" height="${num(y(0) - y(t.published))}" fill="url(#${id}-hatch)" stroke="${CHART.published}"><title>${escapeHtml(`${name}: ${t.published} ${labels.hatchedUnit}`)}</title></rect>`);
    if (i % labelEvery === 0) parts.push(`<text x="${num(cx)}" y="${height - m.bottom + 16}" text-anchor="middle">${escapeHtml(byYear ? key : monthLabel(Math.round(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1) / DAY_MS), i === 0))}</text>`);
  });
  parts.push(`<text x="${m.left + plotW / 2}" y="${height - 8}" text-anchor="middle">${byYear ? 'year' : 'month'}</text>`);
  parts.push(`<rect x="${m.left + 8}" y="8" width="14" height="14" fill="${CHART.mentioned}"/><text x="${m.left + 27}" y="20">${escapeHtml(labels.solid)}</text>`);
  parts.push(`<rect x="${m.left + 258}" y="8" width="14" height="14" fill="url(#${id}-hatch)" stroke="${CHART.published}"/><text x="${m.left + 277}" y="20">${escapeHtml(labels.hatched)}</text>`);
  const desc = `${keys.length} ${byYear ? 'years' : 'months'} from ${byYear ? keys[0] : first} to ${byYear ? keys.at(-1) : last}.`;
  return `<svg class="chart" role="group"${attr('id', id)} viewBox="0 0 ${width} ${height}"${attr('aria-label', `${labels.title}. ${desc}`)}><title>${escapeHtml(labels.title)}</title><desc>${escapeHtml(desc)}</desc>${parts.join('')}</svg>`;
}

/** 0 and up to four round steps up to `max`. */
function niceTicks(max: number): number[] {
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factors = power >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10]; // counts: whole-number steps only
  const step = Math.max(1, factors.map((f) => f * power).find((s) => s >= raw) ?? raw);
  const ticks: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) ticks.push(Math.round(v));
  return ticks;
}

export interface BarDatum {
  readonly label: string;
  readonly tag: string;
  readonly fill: string;
  readonly value: number;
  readonly note: string;
}

/** Horizontal bars, one row per datum, with the label, a text tag and the number written out. */
export function barChart(data: readonly BarDatum[], id: string, title: string): string {
  if (data.length === 0) return '<p class="absent">Nothing to chart.</p>';
  const row = 24;
  const width = 760;
  const labelW = 230;
  const numberW = 60;
  const height = data.length * row + 8;
  const max = Math.max(1, ...data.map((d) => d.value));
  const scale = (width - labelW - numberW - 10) / max;
  const parts = data.map((d, i) => {
    const top = 4 + i * row;
    const w = Math.max(1, d.value * scale);
    return `<g><title>${escapeHtml(`${d.label} (${d.tag}): ${d.value} ${d.note}`)}</title><text x="${labelW - 8}" y="${top + 16}" text-anchor="end">${escapeHtml(truncate(d.label, 30))} <tspan font-weight="700" font-size="10">${escapeHtml(d.tag)}</tspan></text><rect x="${labelW}" y="${top + 3}" width="${num(w)}" height="${row - 8}" fill="${d.fill}" stroke="#555"/><text x="${num(labelW + w + 6)}" y="${top + 16}">${formatNumber(d.value, 0)}</text></g>`;
  });
  return `<svg class="chart" role="group"${attr('id', id)} viewBox="0 0 ${width} ${height}"${attr('aria-label', title)}><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

