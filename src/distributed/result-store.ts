import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { replaceFile } from '../output/atomic-write.js';
import { safeFileName } from '../output/file-names.js';

/**
 * Where a worker puts an article's result. This release has one kind, a folder every machine sees at
 * the same path; an object store would implement the same method (and the coordinator's reading of
 * `json/<id>.json` would follow it).
 */
export interface ResultStore {
  /**
   * Publishes an article's JSON atomically: readers see the old file or the new one, never part of
   * one; writing the same bytes again (a job that ran twice) changes nothing.
   */
  writeArticleJson(articleId: string, json: string): void;
}

/** `json/<id>.json` under the run's output folder on a shared filesystem. */
export class SharedFolderResultStore implements ResultStore {
  private readonly jsonDir: string;

  constructor(outputDir: string) {
    this.jsonDir = path.join(outputDir, 'json');
    mkdirSync(this.jsonDir, { recursive: true });
  }

  writeArticleJson(articleId: string, json: string): void {
    replaceFile(path.join(this.jsonDir, `${safeFileName(articleId)}.json`), json);
  }
}
