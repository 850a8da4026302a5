/**
 * `npm run bench:ingest`: the speed of reading HTML pages and CSV rows (issue 19), on one thread.
 *
 * Builds under .bench/ingest/ (git-ignored, rebuilt each run, seeded so every machine gets the same):
 *   - N news pages of about 50 KB each: an article of 8-14 paragraphs of real news text (the MEANTIME and
 *     TimeBank articles of ../shared/eval/timex-*.jsonl), wrapped in what a saved page carries around it
 *     (head with meta, styles and scripts, JSON-LD, cookie banner, navigation, share bar, inline ads, a
 *     related box, newsletter box, comments, footer);
 *   - a CSV export of M rows (id, date, title, source, url, text with quoted paragraph breaks, section).
 * Then times, in this process, what a run does with them before any analysis: the corpus scan
 * (`scanCorpusCached`) and the second read of every article (`loadArticle`: decoding, extraction, every
 * check; the language check included). Reports pages/s and rows/s of wall and CPU time, and the load
 * average, with csv-parse alone on the same file as the floor, and writes .bench/ingest/results.json. Options: --pages N (default 400), --rows M (default 50000).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { loadArticle, type IngestOptions } from '../src/ingest/corpus.js';
import { scanCorpusCached } from '../src/pipeline/scan-cache.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = path.join(root, '.bench', 'ingest');
const evalDir = process.env.BENCH_EVAL_DIR ?? path.join(root, '..', 'shared', 'eval');
const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const pageCount = option('--pages', 400);
const rowCount = option('--rows', 50_000);

const options: IngestOptions = { maxBytes: 2_000_000, defaultPublicationDate: null, language: { policy: 'reject', minConfidence: 0.6, minWords: 12 } };

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function newsParagraphs(): string[] {
  const paragraphs: string[] = [];
  for (const file of ['timex-meantime.jsonl', 'timex-dev.jsonl']) {
    for (const line of readFileSync(path.join(evalDir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = (JSON.parse(line) as { text?: string }).text ?? '';
      for (const paragraph of text.split(/\n+/u)) if (paragraph.length > 120) paragraphs.push(paragraph.trim());
    }
  }
  if (paragraphs.length < 100) throw new Error(`too few paragraphs in ${evalDir}`);
  return paragraphs;
}

const escapeHtml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

function page(index: number, paragraphs: readonly string[], next: () => number): string {
  const pick = (): string => paragraphs[Math.floor(next() * paragraphs.length)]!;
  const headline = pick().split(/[.,;]/u)[0]!.slice(0, 90);
  const body: string[] = [];
  const count = 8 + Math.floor(next() * 7);
  for (let i = 0; i < count; i++) {
    body.push(`<p>${escapeHtml(pick())}</p>`);
    if (i === 2) body.push('<div class="ad-slot ad-slot--inline" data-ad-slot="inline-1"><span>Advertisement</span><script>googletag.cmd.push(function(){googletag.display("div-gpt-ad-1");});</script></div>');
    if (i === 4) body.push(`<aside class="related-stories"><h3>Related</h3><ul>${Array.from({ length: 4 }, () => `<li><a href="/s/${Math.floor(next() * 1e6)}">${escapeHtml(pick().slice(0, 70))}</a></li>`).join('')}</ul></aside>`);
    if (i === 6) body.push('<div class="newsletter-signup"><h4>Get the Morning Briefing</h4><p>Our top stories every weekday morning. Sign up now.</p><form><input type="email"><button>Sign up</button></form></div>');
  }
  const nav = `<nav class="main-nav"><ul>${Array.from({ length: 40 }, (_, i) => `<li class="nav-item"><a href="/section-${i}" class="nav-link">Section ${i}</a><ul class="sub">${Array.from({ length: 5 }, (_, j) => `<li><a href="/section-${i}/${j}">Topic ${i}.${j}</a></li>`).join('')}</ul></li>`).join('')}</ul></nav>`;
  const comments = `<section id="comments">${Array.from({ length: 30 }, () => `<div class="comment"><span class="author">reader${Math.floor(next() * 1e4)}</span><p>${escapeHtml(pick().slice(0, 160))}</p></div>`).join('')}</section>`;
  const script = `<script>${'window.__CONFIG__ = ' + JSON.stringify({ ads: Array.from({ length: 30 }, (_, i) => ({ slot: `slot-${i}`, sizes: [[300, 250], [728, 90]], targeting: { section: 'news', pos: i } })) })};</script>`;
  const style = `<style>${Array.from({ length: 160 }, (_, i) => `.c${i}{margin:${i}px;padding:${i % 7}px;color:#${(i * 1234567).toString(16).slice(0, 6)}}`).join('')}</style>`;
  const jsonLd = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline, datePublished: '2026-01-14T09:30:00-05:00', author: [{ '@type': 'Person', name: 'Staff Reporter' }], publisher: { '@type': 'Organization', name: 'Bench Daily' } })}</script>`;
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(headline)} | Bench Daily</title><meta property="og:title" content="${escapeHtml(headline)}"><link rel="canonical" href="https://bench.example/a/${index}">${style}${script}${jsonLd}</head><body><div class="cookie-banner" id="cookie-consent"><p>We use cookies for advertising and analytics.</p><button>Accept</button></div><header class="site-header"><a class="logo" href="/">Bench Daily</a>${nav}</header><main><article class="story"><h1>${escapeHtml(headline)}</h1><div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a></div><div class="story-body">${body.join('\n')}</div></article></main>${comments}<footer class="site-footer">${nav.replace('main-nav', 'footer-nav')}<p>© 2026 Bench Daily</p></footer></body></html>`;
  return html;
}

function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function measure(corpus: string): Promise<{ articles: number; rejected: number; wallMs: number; cpuMs: number }> {
  const wall = performance.now();
  const cpu = cpuMs();
  const scan = await scanCorpusCached(corpus, options, null);
  let rejected = scan.errors.length;
  for (const ref of scan.refs) if (!loadArticle(corpus, ref, options).ok) rejected++;
  return { articles: scan.refs.length, rejected, wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu };
}

async function main(): Promise<void> {
  rmSync(benchDir, { recursive: true, force: true });
  const htmlDir = path.join(benchDir, 'html');
  const csvDir = path.join(benchDir, 'csv');
  mkdirSync(htmlDir, { recursive: true });
  mkdirSync(csvDir, { recursive: true });
  const paragraphs = newsParagraphs();
  const next = random(19);
  let htmlBytes = 0;
  for (let i = 0; i < pageCount; i++) {
    const html = page(i, paragraphs, next);
    htmlBytes += Buffer.byteLength(html);
    writeFileSync(path.join(htmlDir, `page-${String(i).padStart(5, '0')}.html`), html);
  }
  const lines = ['id,published,headline,outlet,link,body,section'];
  let textBytes = 0;
  for (let i = 0; i < rowCount; i++) {
    const text = Array.from({ length: 3 + Math.floor(next() * 4) }, () => paragraphs[Math.floor(next() * paragraphs.length)]!).join('\n\n');
    textBytes += Buffer.byteLength(text);
    lines.push([`row-${i}`, 'Wed, 14 Jan 2026 10:00:00 GMT', `Headline ${i}, "quoted"`, 'Bench Wire', `https://bench.example/r/${i}`, text, 'World'].map(csvField).join(','));
  }
  const csv = `${lines.join('\r\n')}\r\n`;
  writeFileSync(path.join(csvDir, 'export.csv'), csv);

  // A first pass loads the modules (linkedom, Readability, csv-parse, the language detector) and warms V8.
  const warmDir = path.join(benchDir, 'warm');
  mkdirSync(warmDir, { recursive: true });
  writeFileSync(path.join(warmDir, 'a.html'), page(0, paragraphs, random(1)));
  writeFileSync(path.join(warmDir, 'b.csv'), lines.slice(0, 200).join('\r\n'));
  await measure(warmDir);

  const html = await measure(htmlDir);
  const table = await measure(csvDir);
  // The floor under the same machine load: csv-parse alone, one pass over the file in memory.
  const parseCpu = cpuMs();
  parseCsv(Buffer.from(csv), { bom: true, relax_column_count: true });
  const csvParseOnlyCpuMs = cpuMs() - parseCpu;
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    html: { pages: html.articles, rejected: html.rejected, meanPageKb: Number((htmlBytes / pageCount / 1024).toFixed(1)), wallMs: Math.round(html.wallMs), cpuMs: Math.round(html.cpuMs), pagesPerSecond: Math.round((pageCount / html.wallMs) * 1000), pagesPerCpuSecond: Math.round((pageCount / html.cpuMs) * 1000) },
    csv: { rows: table.articles, rejected: table.rejected, fileMb: Number((Buffer.byteLength(csv) / 1e6).toFixed(1)), meanTextBytes: Math.round(textBytes / rowCount), wallMs: Math.round(table.wallMs), cpuMs: Math.round(table.cpuMs), rowsPerSecond: Math.round((rowCount / table.wallMs) * 1000), rowsPerCpuSecond: Math.round((rowCount / table.cpuMs) * 1000), csvParseAloneRowsPerCpuSecond: Math.round((rowCount / csvParseOnlyCpuMs) * 1000) },
  };
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

await main();
