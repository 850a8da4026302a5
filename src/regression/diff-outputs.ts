import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { articleSummary, diffArticle, type Change, type ChangeKind } from './diff-article.js';
import { FAIL_ON_ALL, failsOn, type FailOn } from './fail-on.js';
import type { ArticleJson } from '../output/article-json-type.js';
import { readArticleJson } from '../output/read-article-json.js';
import { openArticleJson, openJsonFolder, type ArticleJsonReader, type StoredArticle } from '../output/json-store.js';
import { previousJsonLayout, type Manifest } from '../pipeline/manifest.js';
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
  /** File name inside the compared folders (`<safe id>.json`, whatever the layout of `outputs.json`). */
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
 * Compares two output folders article by article. A folder is either an output folder (its article
 * JSON is read in the layout its run wrote: files, sharded or jsonl) or a folder of article JSON files
 * itself (a golden folder); articles are matched by file name, so folders of different layouts compare.
 * Articles are read one pair at a time, so memory holds two articles and the changes found, never the corpus.
 */
export function diffOutputs(oldDir: string, newDir: string, options: DiffOptions = {}): DiffReport {
  const tolerance = options.tolerance ?? 0;
  const failOn = options.failOn ?? FAIL_ON_ALL;
  const oldFiles = openArticleSource(oldDir);
  const newFiles = openArticleSource(newDir);
  try {
    return compareSources(oldFiles, newFiles, tolerance, failOn);
  } finally {
    oldFiles.reader.close();
    newFiles.reader.close();
  }
}

function compareSources(oldFiles: ArticleSource, newFiles: ArticleSource, tolerance: number, failOn: FailOn): DiffReport {
  const names = [...new Set([...oldFiles.names.keys(), ...newFiles.names.keys()])].sort();
  const layers = Object.fromEntries(LAYERS.map((l) => [l, { added: 0, removed: 0, changed: 0 }])) as Record<LayerName, LayerTotals>;
  const articles: ArticleReport[] = [];
  let compared = 0;
  let withinTolerance = 0;

  for (const name of names) {
    const inOld = oldFiles.names.has(name);
    const inNew = newFiles.names.has(name);
    const oldArticle = inOld ? readArticle(oldFiles, name) : null;
    const newArticle = inNew ? readArticle(newFiles, name) : null;
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

/** The article JSON of one side of a diff: its articles by file name, and the reader that reads them. */
export interface ArticleSource {
  /** The folder holding the article JSON (`<dir>/json` for an output folder). */
  readonly dir: string;
  /** Where each article's JSON is, by file name (`<safe id>.json`). */
  readonly names: ReadonlyMap<string, StoredArticle>;
  /** The output folder the locations are relative to (the folder itself for a flat folder). */
  readonly root: string;
  readonly reader: ArticleJsonReader;
}

/**
 * The article JSON of a folder: an output folder (with `json/`, or a manifest) in the layout its run
 * recorded, else a flat folder of `<safe id>.json` (hidden files, temporary files and a run manifest
 * skipped). The caller closes `reader`.
 */
export function openArticleSource(dir: string): ArticleSource {
  if (!isDirectory(dir)) throw new DiffInputError(`${dir} is not a folder: expected an output folder (with json/) or a folder of article JSON files`);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = isManifest(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : null;
  const nested = path.join(dir, 'json');
  if (isDirectory(nested) || manifest) {
    const layout = previousJsonLayout(manifest);
    // An output folder of a run without JSON has nothing to compare: say so rather than report zero articles.
    if (!isDirectory(nested) || layout === 'none') {
      if (!readdirSync(dir).some((name) => name.endsWith('.json') && name !== 'manifest.json')) throw new DiffInputError(`${dir} is an output folder without json/ (its run had outputs.json "none"): run the pipeline with outputs.json "files", "sharded" or "jsonl" to compare articles`);
    } else {
      const reader = openArticleJson(dir, layout);
      return { dir: nested, root: dir, names: byName(reader.list()), reader };
    }
  }
  let reader: ArticleJsonReader;
  let listed: StoredArticle[];
  try {
    reader = openJsonFolder(dir);
    readdirSync(dir);
    listed = reader.list().filter((a) => !(a.name === 'manifest.json' && isManifest(path.join(dir, a.name))));
  } catch (error) {
    throw new DiffInputError(`cannot read the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return { dir, root: dir, names: byName(listed), reader };
}

function byName(articles: readonly StoredArticle[]): Map<string, StoredArticle> {
  return new Map(articles.map((a) => [a.name, a]));
}

function readArticle(source: ArticleSource, name: string): ArticleJson {
  const stored = source.names.get(name)!;
  const file = path.join(source.root, stored.location);
  let jsonText: string;
  try {
    jsonText = source.reader.readListed(stored);
  } catch (error) {
    throw new DiffInputError(`cannot read ${file} as article JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const read = readArticleJson(jsonText);
  if (!read.ok) throw new DiffInputError(`${file}${source.reader.layout === 'jsonl' ? ` (${name})` : ''}: ${read.reason}`);
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
