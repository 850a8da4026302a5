import { createHash } from 'node:crypto';
import type { PipelineConfig } from '../config/schema.js';

/**
 * What the coordinator and its workers share through Redis. One run at a time per Redis database:
 * the BullMQ queue `article-pipeline`, the key `article-pipeline:active` naming the run, and the run's
 * description under `article-pipeline:run:<run key>`. Job data are corpus-relative paths and byte
 * ranges, never article text, so a job costs Redis a few hundred bytes.
 */
export const QUEUE_NAME = 'article-pipeline';
export const ACTIVE_RUN_KEY = `${QUEUE_NAME}:active`;
export const runDescriptionKey = (runKey: string): string => `${QUEUE_NAME}:run:${runKey}`;

/** What a worker needs to serve a run, published by its coordinator. */
export interface RunDescription {
  readonly runKey: string;
  readonly toolVersion: string;
  readonly configHash: string;
  /** The coordinator's validated config; a worker validates it again with its own schema. */
  readonly config: PipelineConfig;
  /** Absolute paths, the same on every machine (a shared filesystem). */
  readonly corpusDir: string;
  readonly outputDir: string;
}

/** One article of a job: where it is in the corpus and what the coordinator's scan found there. */
export interface JobArticle {
  readonly id: string;
  /** Relative to the corpus root, `/`-separated; a worker refuses one that leaves the root. */
  readonly relPath: string;
  readonly line: number | null;
  readonly byteStart: number;
  readonly byteEnd: number;
  readonly contentHash: string;
}

export interface JobData {
  readonly run: string;
  readonly articles: readonly JobArticle[];
}

/** An article of a job the worker could not use: rejected input, or (last attempt) a failure. */
export interface JobRejection {
  readonly id: string;
  readonly articleId: string | null;
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;
}

export interface JobResult {
  readonly written: number;
  readonly rejected: readonly JobRejection[];
}

/** A run is one output folder analyzed with one config: the same command gives the same key. */
export function runKeyOf(outputDir: string, configHash: string): string {
  return createHash('sha256').update(`${outputDir}\n${configHash}`).digest('hex').slice(0, 24);
}

/**
 * A job's id from its articles' ids and content hashes and the run (output folder + config hash):
 * enqueueing the same articles again, after a coordinator restart, adds nothing. Hex, since BullMQ
 * refuses some characters (":") in custom ids.
 */
export function jobIdOf(runKey: string, articles: readonly JobArticle[]): string {
  const hash = createHash('sha256').update(runKey);
  for (const a of articles) hash.update(`\n${a.id}\n${a.contentHash}`);
  return `j${hash.digest('hex').slice(0, 40)}`;
}
