import type { FieldChange } from './diff-article.js';
import type { DiffReport, ReportedChange } from './diff-outputs.js';
import { LAYERS, type Json } from './layers.js';

export interface FormatOptions {
  /** Changes listed per article before the rest is summarized (the --json report always has all). */
  readonly limitPerArticle?: number;
}

const SIGN = { added: '+', removed: '-', changed: '~' } as const;

/**
 * The human-readable report: per article, one line per change (+ added, - removed, ~ changed) with
 * the sentence around it, then totals per layer and the verdict.
 *
 *   us-colombia-relations: 2 changes
 *     ~ dates [203,213) DATE "February 3" = 2026-02-03
 *         value: "2025-02-03" -> "2026-02-03"
 *         | …at the White House on «February 3», the Colombian government announced Wednesday…
 */
export function formatDiffReport(report: DiffReport, options: FormatOptions = {}): string {
  const limit = options.limitPerArticle ?? 100;
  const filtered = !(report.failOn.length === 1 && report.failOn[0] === 'all');
  const lines: string[] = [`diff ${report.old} -> ${report.new}${report.tolerance > 0 ? ` (score tolerance ${report.tolerance})` : ''}`, ''];
  for (const article of report.articles) {
    if (article.status !== 'changed') continue;
    lines.push(`${article.id}${article.file === `${article.id}.json` ? '' : ` (${article.file})`}: ${plural(article.changes.length, 'change')}`);
    for (const change of article.changes.slice(0, limit)) lines.push(...formatChange(change, filtered));
    if (article.changes.length > limit) lines.push(`  ... ${article.changes.length - limit} more changes in this article (all of them are in --json)`);
    lines.push('');
  }
  for (const article of report.articles) {
    if (article.status === 'changed') continue;
    const change = article.changes[0]!;
    lines.push(`${article.status === 'only_old' ? 'only in old' : 'only in new'}: ${change.label.replace(/^article /u, '')}${article.file === `${article.id}.json` ? '' : ` [${article.file}]`}${mark(change, filtered)}`);
  }
  if (report.articles.some((a) => a.status !== 'changed')) lines.push('');

  const t = report.totals;
  lines.push(`totals: ${plural(t.articlesCompared, 'article')} compared, ${t.articlesChanged} changed, ${t.onlyOld} only in old, ${t.onlyNew} only in new`);
  for (const layer of LAYERS) {
    const c = t.layers[layer];
    if (c.added + c.removed + c.changed > 0) lines.push(`  ${layer.padEnd(15)} ${c.added} added, ${c.removed} removed, ${c.changed} changed`);
  }
  if (t.withinTolerance > 0) lines.push(`  ${plural(t.withinTolerance, 'score difference')} within the tolerance ${report.tolerance} (not counted)`);
  if (t.changes === 0) lines.push('result: no changes');
  else lines.push(`result: ${plural(t.changes, 'change')}, ${t.failing} failing${filtered ? ` (--fail-on ${report.failOn.join(',')})` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** The machine-readable report: the `DiffReport` object itself, pretty-printed. */
export function formatDiffJson(report: DiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function formatChange(change: ReportedChange, filtered: boolean): string[] {
  const span = change.span ? `[${change.span.start},${change.span.end}) ` : '';
  const lines = [`  ${SIGN[change.kind]} ${change.layer} ${span}${change.label}${mark(change, filtered)}`];
  for (const field of change.fields) lines.push(`      ${formatField(field)}`);
  if (change.context !== null) lines.push(`      | ${change.context}`);
  return lines;
}

function formatField(field: FieldChange): string {
  if (field.field === 'span') return `span: ${spanText(field.old)} -> ${spanText(field.new)}`;
  if (field.field === 'text') return `text: ${String(field.old)}\n         -> ${String(field.new)}`;
  if (isObject(field.old) && isObject(field.new)) {
    // Objects (tension counts, metadata): only the keys that differ.
    const a = field.old;
    const b = field.new;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    return keys.map((k) => `${field.field}.${k}: ${value(a[k] ?? null)} -> ${value(b[k] ?? null)}`).join('\n      ');
  }
  return `${field.field}: ${value(field.old)} -> ${value(field.new)}`;
}

const isObject = (v: Json): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

function spanText(span: Json): string {
  if (span === null || typeof span !== 'object' || Array.isArray(span)) return value(span);
  const text = typeof span.text === 'string' ? span.text : '';
  return `[${String(span.start)},${String(span.end)}) ${JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)}`;
}

function value(v: Json): string {
  const text = JSON.stringify(v);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

const mark = (change: ReportedChange, filtered: boolean): string => (filtered && !change.fails ? '  (not in --fail-on)' : '');
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
