import v8 from 'node:v8';
import vm from 'node:vm';
import type { PipelineConfig } from '../config/schema.js';
import type { RawArticle } from '../ingest/corpus.js';
import { beginWinkDocument, winkIsolationActive } from '../nlp/wink-isolation.js';
import { serializeArticleJson, toArticleJson, type ArticleJson } from '../output/article-json.js';
import type { TableName } from '../output/csv-tables.js';
import { storeAnalyzedJson } from '../output/json-store.js';
import { analyzeArticle } from './analyze-article.js';
import { articleRows, type ArticleRows } from './article-rows.js';

/**
 * The work for one loaded article, the same whether it runs in the main thread or in a worker thread:
 * analyze it, write its JSON, and return its CSV rows as text. Everything a task needs travels in plain
 * data (structured clone), so a worker gives byte for byte what the main thread gives. Reading and
 * checking the article (ingest) stays in the main thread: workers then never load the language
 * detector (~50 MB per thread).
 */
export interface TaskContext {
  readonly jsonDir: string;
  readonly config: PipelineConfig;
  /** CSV tables this run writes, besides `errors`. */
  readonly tables: readonly TableName[];
  /**
   * What a task gives back. 'rows' (a local run, the default): the JSON is written to `jsonDir` and the
   * outcome carries the CSV rows. 'json' (a distributed worker, src/distributed): the outcome carries
   * the JSON text, which the worker writes through its result store; no rows are built (they cost ~5%
   * of the analysis, and the coordinator builds them from the JSON anyway).
   */
  readonly deliver?: 'rows' | 'json';
}

export interface ArticleTask {
  readonly raw: RawArticle;
}

/** Stopped by the worker pool (over the time budget, or its worker crashed repeatedly): a row in errors.csv. */
export interface FailedOutcome {
  readonly kind: 'failed';
  readonly id: string;
  readonly sourcePath: string;
  readonly reason: string;
}

export type ArticleOutcome =
  | ({
      readonly kind: 'written';
      readonly id: string;
      readonly sourcePath: string;
      readonly contentHash: string;
      /** `outputs.json` "jsonl": the article's gzipped line, appended in id order by the main thread. */
      readonly jsonGz?: Uint8Array;
      /** Analyzed by another process, in a layout without per-article files: its JSON text, for the main thread to store. */
      readonly jsonText?: string;
    } & ArticleRows)
  | FailedOutcome;

/** What a task gives back under `deliver: 'json'`. */
export type JsonOutcome = { readonly kind: 'json'; readonly id: string; readonly json: string } | FailedOutcome;

/**
 * A full garbage collection every `COLLECT_EVERY` articles in each thread. What is live stays flat
 * (~65 MB), but V8 lets garbage pile up and raises its heap limit on a long run: without this one
 * thread's RSS grew from 250 MB at 1,000 articles to 470 MB at 3,000; with it, it stays flat. It costs
 * one collection (tens of ms) per 200 articles (several seconds of work); every 200 kept a 1,000-article
 * run flat at 230-250 MB.
 */
const COLLECT_EVERY = 200;
let sinceCollect = 0;
const collect = ((): (() => void) | null => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
})();

/**
 * Analyzes one article to its published JSON, as every thread of a corpus run does (the periodic
 * collection, wink's per-document isolation); a distributed worker (src/distributed) calls it too, so
 * its JSON is byte for byte a local run's. Throws only on programmer errors.
 */
export function analyzeCorpusArticle(raw: RawArticle, config: PipelineConfig): ArticleJson {
  if (++sinceCollect >= COLLECT_EVERY) {
    sinceCollect = 0;
    collect?.();
  }
  beginWinkDocument();
  return toArticleJson(analyzeArticle(raw, config));
}

/** Analyzes one article to its serialized JSON, written by the caller (`deliver: 'json'`). Throws only on programmer errors. */
export function runJsonTask(context: TaskContext, task: ArticleTask): JsonOutcome {
  return { kind: 'json', id: task.raw.id, json: serializeArticleJson(analyzeCorpusArticle(task.raw, context.config)) };
}

/** Analyzes and writes one article. Throws only on programmer errors. */
export function runArticleTask(context: TaskContext, task: ArticleTask): ArticleOutcome {
  const raw = task.raw;
  const json = analyzeCorpusArticle(raw, context.config);
  const jsonGz = storeAnalyzedJson(context.jsonDir, context.config.outputs.json, raw.id, json);
  return { kind: 'written', id: raw.id, sourcePath: raw.sourcePath, contentHash: raw.contentHash, ...(jsonGz ? { jsonGz } : {}), ...articleRows(json, context.tables) };
}

// "Zarqovian" is a word no lexicon has: wink learns it, which shows whether the isolation hook is active.
const WARM_UP_TEXT = 'Talks Resume in Geneva\n\nGENEVA, Jan. 14 (Reuters) - Foreign ministers of Colombia and the United States met on Tuesday with the Zarqovian envoy and agreed to resume talks next week, easing months of tension.';

/**
 * Loads every lazily built model and lexicon (wink's instance, stage lexicons) by analyzing a short
 * article, so a thread is ready before its first real article. The main thread (one worker) and every
 * worker thread run it once, the same way, so no thread's history differs from another's.
 */
export function warmUp(config: PipelineConfig): void {
  beginWinkDocument();
  toArticleJson(analyzeArticle({ id: 'warm-up', text: WARM_UP_TEXT, dct: '2026-01-14', dctSource: 'config' }, config));
  if (!winkIsolationActive() && !warned) {
    warned = true;
    process.emitWarning('wink-nlp\'s tokenizer could not be isolated per document (src/nlp/wink-isolation.ts: the model has no feature extractor to wrap): an article\'s tokens may depend on the articles analyzed before it in the same thread', { code: 'ARTICLE_PIPELINE_WINK_ISOLATION' });
  }
}

let warned = false;

