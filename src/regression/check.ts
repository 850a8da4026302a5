import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { analyzeCorpus, type RunSummary } from '../pipeline/analyze-corpus.js';
import type { ArticleJson } from '../output/article-json-type.js';
import { serializeArticleJson } from '../output/serialize-article-json.js';
import { DiffInputError, diffOutputs, openArticleSource, type DiffOptions, type DiffReport } from './diff-outputs.js';

export interface CheckOptions extends DiffOptions {
  /** Rewrite the golden folder with the fresh outputs (after the diff was reviewed). */
  readonly update?: boolean;
}

export interface CheckResult {
  /** Golden (old) against fresh (new). */
  readonly report: DiffReport;
  readonly run: RunSummary;
  /** With `update`: how many golden files were written and removed. */
  readonly updated: { readonly written: number; readonly removed: number } | null;
}

/**
 * Runs the pipeline on the config's corpus into a temporary folder and diffs the article JSON files
 * against a golden folder (a flat folder of `<safe id>.json`, as `--update` writes it). Only JSON is
 * produced: the golden files are the published JSON, which every CSV table is derived from. The fresh
 * JSON is written in the config's layout (`outputs.json`; `files` when it is "none", since a check
 * compares JSON), and the golden folder always holds it as `files` writes it.
 */
export async function checkGolden(loaded: LoadedConfig, goldenDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const golden = path.resolve(goldenDir);
  if (options.update) mkdirSync(golden, { recursive: true });
  else openArticleSource(golden).reader.close(); // a missing golden folder is a usage error, before any analysis
  const scratch = mkdtempSync(path.join(tmpdir(), 'article-pipeline-check-'));
  try {
    const outputs = { ...loaded.config.outputs, json: loaded.config.outputs.json === 'none' ? ('files' as const) : loaded.config.outputs.json, csv: false, report: false };
    const run = await analyzeCorpus({ ...loaded, config: { ...loaded.config, outputs }, outputDir: scratch }, { force: true, now: () => new Date(0) });
    const report = diffOutputs(golden, scratch, options);
    const updated = options.update ? replaceGolden(golden, scratch) : null;
    // The scratch folder is gone when the caller reads the report: name what it held instead.
    return { report: { ...report, new: `fresh run of ${loaded.corpusDir}` }, run, updated };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Makes the golden folder equal to the fresh run's JSON: changed files rewritten, stale ones removed. */
function replaceGolden(golden: string, freshOutputDir: string): { written: number; removed: number } {
  const freshSource = openArticleSource(freshOutputDir);
  const oldSource = openArticleSource(golden);
  oldSource.reader.close();
  const fresh = freshSource.names;
  const old = oldSource.names;
  let written = 0;
  let removed = 0;
  for (const [name, stored] of [...fresh].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // As `files` writes it, whatever the layout read (a jsonl line is the same JSON on one line).
    const content = serializeArticleJson(JSON.parse(freshSource.reader.readListed(stored)) as ArticleJson);
    const target = path.join(golden, name);
    if (old.has(name) && readFileSync(target, 'utf8') === content) continue;
    writeFileAtomic(target, content);
    written++;
  }
  freshSource.reader.close();
  for (const name of old.keys()) {
    if (fresh.has(name)) continue;
    rmSync(path.join(golden, name), { force: true });
    removed++;
  }
  return { written, removed };
}

export { DiffInputError };
