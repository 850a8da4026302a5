import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { articleSummary, diffArticle, type Change, type ChangeKind } from './diff-article.js';
import { FAIL_ON_ALL, failsOn, type FailOn } from './fail-on.js';
import type { ArticleJson } from '../output/article-json-type.js';
import { readArticleJson } from '../output/read-article-json.js';
import { LAYERS, type LayerName } from './layers.js';

/** A folder that cannot be compared (missing, unreadable, a broken JSON file): exit code 2. */
export class DiffInputError extends Error {}

export interface DiffOptions {
  /** Largest score difference that is not a change; default 0 (scores are already rounded to 4 digits). */
  readonly tolerance?: number;
  /** Which changes count as failures (exit 1); default: all. */
  readonly failOn?: FailOn;
}

export interface ReportedChange extends Change {
  /** Whether this change is one that `--fail-on` selects. */
  readonly fails: boolean;
}

export interface ArticleReport {
  /** The article id (from the JSON, else the file name). */
  readonly id: string;
  /** File name inside the compared folders. */
  readonly file: string;
  /** `only_old` / `only_new`: the article is missing on the other side. */
  readonly status: 'changed' | 'only_old' | 'only_new';
  readonly changes: readonly ReportedChange[];
  readonly withinTolerance: number;
}

export type LayerTotals = Record<ChangeKind, number>;

export interface DiffTotals {
  readonly articlesCompared: number;
  readonly articlesChanged: number;
  readonly onlyOld: number;
  readonly onlyNew: number;
  readonly layers: Readonly<Record<LayerName, LayerTotals>>;
  readonly changes: number;
  /** Changes selected by `--fail-on`; the exit code is 1 when this is above 0. */
  readonly failing: number;
  readonly withinTolerance: number;
}

export interface DiffReport {
  readonly old: string;
  readonly new: string;
  readonly tolerance: number;
  readonly failOn: readonly string[];
  /** Articles with at least one change or present on one side only, in file-name order. */
  readonly articles: readonly ArticleReport[];
  readonly totals: DiffTotals;
}

/**
 * Compares two output folders article by article. A folder is either an output folder (its
 * `json/` subfolder is read) or a folder of article JSON files itself (a golden folder). Articles
 * are read one pair at a time, so memory holds two articles and the changes found, never the corpus.
 */
export function diffOutputs(oldDir: string, newDir: string, options: DiffOptions = {}): DiffReport {
  const tolerance = options.tolerance ?? 0;
  const failOn = options.failOn ?? FAIL_ON_ALL;
  const oldFiles = listArticleFiles(oldDir);
  const newFiles = listArticleFiles(newDir);
  const names = [...new Set([...oldFiles.names, ...newFiles.names])].sort();
  const layers = Object.fromEntries(LAYERS.map((l) => [l, { added: 0, removed: 0, changed: 0 }])) as Record<LayerName, LayerTotals>;
  const articles: ArticleReport[] = [];
  let compared = 0;
  let withinTolerance = 0;

  for (const name of names) {
    const inOld = oldFiles.names.has(name);
    const inNew = newFiles.names.has(name);
    const oldArticle = inOld ? readArticle(oldFiles.dir, name) : null;
    const newArticle = inNew ? readArticle(newFiles.dir, name) : null;
    if (oldArticle === null || newArticle === null) {
      const article = (oldArticle ?? newArticle)!;
      const kind: ChangeKind = oldArticle === null ? 'added' : 'removed';
      const change: Change = { layer: 'articles', kind, label: `article ${JSON.stringify(article.id)} (${articleSummary(article)})`, span: null, fields: [], context: null, old: null, new: null };
      articles.push({ id: article.id, file: name, status: kind === 'added' ? 'only_new' : 'only_old', changes: [{ ...change, fails: failsOn(failOn, change) }], withinTolerance: 0 });
      layers.articles[kind]++;
      continue;
    }
    compared++;
    const diff = diffArticle(oldArticle, newArticle, { tolerance });
    withinTolerance += diff.withinTolerance;
    if (diff.changes.length === 0) continue;
    for (const change of diff.changes) layers[change.layer][change.kind]++;
    articles.push({
      id: newArticle.id,
      file: name,
      status: 'changed',
      changes: diff.changes.map((change) => ({ ...change, fails: failsOn(failOn, change) })),
      withinTolerance: diff.withinTolerance,
    });
  }

  const all = articles.flatMap((a) => a.changes);
  return {
    old: oldFiles.dir,
    new: newFiles.dir,
    tolerance,
    failOn: failOn.entries,
    articles,
    totals: {
      articlesCompared: compared,
      articlesChanged: articles.filter((a) => a.status === 'changed').length,
      onlyOld: articles.filter((a) => a.status === 'only_old').length,
      onlyNew: articles.filter((a) => a.status === 'only_new').length,
      layers,
      changes: all.length,
      failing: all.filter((c) => c.fails).length,
      withinTolerance,
    },
  };
}

/** The folder holding the article JSON files: `<dir>/json` for an output folder, else `<dir>` itself. */
export function articleJsonDir(dir: string): string {
  const nested = path.join(dir, 'json');
  if (isDirectory(nested)) return nested;
  if (isDirectory(dir)) {
    const manifest = path.join(dir, 'manifest.json');
    // An output folder of a run with outputs.json off has nothing to compare: say so rather than report zero articles.
    if (isManifest(manifest) && !readdirSync(dir).some((name) => name.endsWith('.json') && name !== 'manifest.json')) throw new DiffInputError(`${dir} is an output folder without json/: run the pipeline with outputs.json set to true`);
    return dir;
  }
  throw new DiffInputError(`${dir} is not a folder: expected an output folder (with json/) or a folder of article JSON files`);
}

/** The article JSON file names of a folder (hidden files, temporary files and a run manifest skipped). */
export function listArticleFiles(dir: string): { dir: string; names: ReadonlySet<string> } {
  const jsonDir = articleJsonDir(dir);
  let entries: string[];
  try {
    entries = readdirSync(jsonDir);
  } catch (error) {
    throw new DiffInputError(`cannot read the folder ${jsonDir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const names = entries.filter((name) => name.endsWith('.json') && !name.startsWith('.') && !(name === 'manifest.json' && isManifest(path.join(jsonDir, name))));
  return { dir: jsonDir, names: new Set(names) };
}

function readArticle(dir: string, name: string): ArticleJson {
  const file = path.join(dir, name);
  let jsonText: string;
  try {
    jsonText = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DiffInputError(`cannot read ${file} as article JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const read = readArticleJson(jsonText);
  if (!read.ok) throw new DiffInputError(`${file}: ${read.reason}`);
  return read.article;
}

/** A run manifest left in a flat folder is not an article: it has `articles` and no `text`. */
function isManifest(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return Array.isArray(parsed.articles) && parsed.text === undefined;
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
