import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { replaceFile } from '../output/atomic-write.js';
import { safeFileName } from '../output/file-names.js';
import { JSON_LAYOUTS, openArticleJson, type ArticleJsonReader, type JsonLayout } from '../output/json-store.js';
import { buildArticlePage } from './article-page.js';
import { readArticleJson } from '../output/read-article-json.js';
import { articleView } from './article-view.js';
import { buildCorpusPage } from './corpus-page.js';
import { CorpusAccumulator } from './corpus-summary.js';
import { readBusiestDyads, readCopies } from './stories-and-series.js';

export { buildArticlePage, type ArticlePageLinks } from './article-page.js';
export { articleView, readArticleView, type ArticleView } from './article-view.js';
export { buildCorpusPage } from './corpus-page.js';
export { CorpusAccumulator, type CorpusSummary } from './corpus-summary.js';

/** The report folder inside the output folder, and the article pages' folder inside it. */
export const REPORT_DIR = 'report';
const ARTICLES_DIR = 'articles';

interface ManifestEntry {
  readonly id: string;
  readonly source_path: string;
  readonly status: string;
  readonly json: string | null;
  /** Found by listing the JSON folder (no manifest): `json` is where, the id is not known. */
  readonly fromListing?: { readonly name: string; readonly key: string };
}

function readListedSafe(reader: ArticleJsonReader, entry: ManifestEntry): string | null {
  try {
    return reader.readListed({ name: entry.fromListing!.name, key: entry.fromListing!.key, location: entry.json ?? '' });
  } catch {
    return null;
  }
}

/**
 * Writes `<outputDir>/report/index.html` and one page per article under `report/articles/`, from
 * `manifest.json` and the article JSON, in whichever layout the run wrote it (`outputs.json`; with
 * "none" there is no JSON, so the corpus page lists the articles without pages and says why). Articles
 * stream through one at a time (read, page, forget); only the corpus page's aggregates stay in memory. Pages are self-contained (one inline
 * stylesheet, inline SVG, no script, no request) and their bytes depend only on the outputs: no
 * time, no absolute path. Pages of articles no longer in the outputs are removed.
 */
export async function writeReport(outputDir: string): Promise<{ pages: number }> {
  const reportDir = path.join(outputDir, REPORT_DIR);
  const articlesDir = path.join(reportDir, ARTICLES_DIR);
  const { entries, layout } = await readEntries(outputDir);
  const reader = openArticleJson(outputDir, layout);
  try {
    return await writePages(outputDir, reportDir, articlesDir, entries, reader);
  } finally {
    reader.close();
  }
}

async function writePages(outputDir: string, reportDir: string, articlesDir: string, entries: readonly ManifestEntry[], reader: ArticleJsonReader): Promise<{ pages: number }> {
  const corpus = new CorpusAccumulator();
  const written = new Set<string>();
  const copies = await readCopies(outputDir);

  for (const entry of entries) {
    if (entry.status === 'rejected') {
      corpus.addRejected({ id: entry.id, where: entry.source_path, reason: '' });
      continue;
    }
    if (entry.json === null) {
      corpus.addUnreadable({ id: entry.id, where: entry.source_path, reason: 'no JSON was written (outputs.json is "none"), and an article page is built from its JSON, so the article has no page; its rows are in the CSV tables' });
      continue;
    }
    // By id in the run's layout; a listing without a manifest names the file instead.
    const jsonText = entry.fromListing ? readListedSafe(reader, entry) : reader.read(entry.id);
    if (jsonText === null) {
      corpus.addUnreadable({ id: entry.id, where: entry.json, reason: `its JSON cannot be read from ${entry.json}` });
      continue;
    }
    const read = readArticleJson(jsonText);
    if (!read.ok) {
      corpus.addUnreadable({ id: entry.id, where: entry.json, reason: read.reason });
      continue;
    }
    const view = articleView(read.article);
    const pageName = `${safeFileName(view.id)}.html`;
    if (written.has(pageName)) continue; // the same article listed twice gets one page
    const copyOf = copies.get(view.id) ?? null;
    const html = buildArticlePage(view, { corpus: '../index.html', json: `../../${urlPath(entry.json)}`, copyOf: copyOf === null ? null : { id: copyOf, href: urlPath(`${safeFileName(copyOf)}.html`) } });
    writePage(path.join(articlesDir, pageName), html);
    written.add(pageName);
    corpus.add(view, `${ARTICLES_DIR}/${urlPath(pageName)}`, copyOf);
  }

  removeStalePages(articlesDir, written);
  writePage(path.join(reportDir, 'index.html'), buildCorpusPage(corpus.summary(), await readBusiestDyads(outputDir)));
  return { pages: written.size + 1 };
}

/**
 * The articles to report and the layout of their JSON, from the manifest; without one (outputs copied
 * by hand), every article the JSON folder holds, in name order.
 */
async function readEntries(outputDir: string): Promise<{ entries: ManifestEntry[]; layout: JsonLayout | null }> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path.join(outputDir, 'manifest.json'), 'utf8'));
  } catch {
    manifest = null;
  }
  const articles = manifest && typeof manifest === 'object' && Array.isArray((manifest as { articles?: unknown }).articles) ? ((manifest as { articles: unknown[] }).articles) : null;
  if (articles) {
    const recorded = (manifest as { json_layout?: unknown }).json_layout;
    const layout = typeof recorded === 'string' && (JSON_LAYOUTS as readonly string[]).includes(recorded) ? (recorded as JsonLayout) : null;
    const entries = articles
      .filter((a): a is Record<string, unknown> => a !== null && typeof a === 'object')
      .map((a) => ({
        id: typeof a.id === 'string' ? a.id : '',
        source_path: typeof a.source_path === 'string' ? a.source_path : '',
        status: typeof a.status === 'string' ? a.status : 'ok',
        // Only a relative path inside the output folder is followed.
        json: typeof a.json === 'string' && isInside(a.json) ? a.json : null,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.source_path < b.source_path ? -1 : a.source_path > b.source_path ? 1 : 0));
    // A manifest from before layouts: its JSON files are `files`, unless it wrote none.
    return { entries, layout: layout ?? (entries.some((e) => e.json !== null) ? null : 'none') };
  }
  const listed = openArticleJson(outputDir).list();
  return { entries: listed.map((a) => ({ id: a.name.slice(0, -'.json'.length), source_path: '', status: 'ok', json: a.location, fromListing: { name: a.name, key: a.key } })), layout: null };
}

function isInside(relative: string): boolean {
  if (path.isAbsolute(relative) || relative.includes('\\')) return false;
  return !relative.split('/').some((part) => part === '..' || part === '');
}

/** A relative file path as a URL path: each segment percent-encoded ("%2F" in a file name stays a name). */
function urlPath(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** A page never half-written; not fsynced: pages are derived from the outputs and rebuilt by the next run. */
function writePage(file: string, html: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  replaceFile(file, html);
}

function removeStalePages(dir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith('.html') && !keep.has(name)) rmSync(path.join(dir, name), { force: true });
}
