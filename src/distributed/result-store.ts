import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { replaceFile } from '../output/atomic-write.js';
import { JSON_DIR, remoteResultFile, type JsonLayout } from '../output/json-store.js';

/**
 * Where a worker puts an article's result. This release has one kind, a folder every machine sees at
 * the same path; an object store would implement the same method (and the coordinator's reading of
 * the file `remoteResultFile` names would follow it).
 */
export interface ResultStore {
  /**
   * Publishes an article's JSON atomically: readers see the old file or the new one, never part of
   * one; writing the same bytes again (a job that ran twice) changes nothing.
   */
  writeArticleJson(articleId: string, json: string): void;
}

/**
 * The run's output folder on a shared filesystem: the article's own file in the `files` and `sharded`
 * layouts, else a hand-over file under `json/.incoming/` that the coordinator stores in the layout
 * (`jsonl`) or only reads (`none`).
 */
export class SharedFolderResultStore implements ResultStore {
  private readonly jsonDir: string;

  constructor(outputDir: string, private readonly layout: JsonLayout) {
    this.jsonDir = path.join(outputDir, JSON_DIR);
    mkdirSync(this.jsonDir, { recursive: true });
  }

  writeArticleJson(articleId: string, json: string): void {
    const file = remoteResultFile(this.jsonDir, this.layout, articleId);
    mkdirSync(path.dirname(file), { recursive: true });
    replaceFile(file, json);
  }
}
