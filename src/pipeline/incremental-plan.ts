import type { PipelineConfig } from '../config/schema.js';
import { loadArticle, type IngestError, type IngestOptions, type RawArticle } from '../ingest/corpus.js';
import type { TableName } from '../output/csv-tables.js';
import type { ArticleJsonReader } from '../output/json-store.js';
import { rowsFromJsonText, type ArticleCounts } from './article-rows.js';
import type { ArticleOutcome } from './corpus-task.js';
import type { Manifest, ManifestArticle } from './manifest.js';
import type { ScannedRef } from './scan-cache.js';

/** What one article of the corpus needs, decided before any analysis. */
export type PlannedStep =
  | { readonly kind: 'rejected'; readonly error: IngestError }
  /** Not among `--only` and not written before: left out of this run's outputs. */
  | { readonly kind: 'skipped'; readonly id: string }
  /** Unchanged, and its rows can be copied byte for byte from the previous CSV files. */
  | { readonly kind: 'reused'; readonly id: string; readonly entry: ManifestArticle }
  /** Unchanged; its rows are rebuilt from its previous JSON (whatever layout the previous run wrote it in). */
  | { readonly kind: 'unchanged'; readonly id: string; readonly entry: ManifestArticle; readonly csv: Partial<Record<TableName, string>>; readonly counts: ArticleCounts }
  | { readonly kind: 'analyze'; readonly raw: RawArticle };

/** An article ready to be recorded, in id order: settled by the plan, or analyzed by the runner. */
export type Step = Exclude<PlannedStep, { kind: 'analyze' }> | Exclude<ArticleOutcome, { kind: 'failed' }>;

export interface PlanInputs {
  readonly corpusDir: string;
  /** The article JSON the previous run left, in the layout it wrote. */
  readonly previousJson: ArticleJsonReader;
  readonly config: PipelineConfig;
  readonly ingest: IngestOptions;
  /** The previous run's manifest, or null. */
  readonly previous: Manifest | null;
  /** The previous run had this run's config hash: its outputs are this config's outputs. */
  readonly sameConfig: boolean;
  /** Recompute every article. */
  readonly force: boolean;
  /** Analyze only these ids (null: all); the others keep their previous outputs. */
  readonly only: ReadonlySet<string> | null;
  /** The previous CSV files are open and unchanged since the previous run, so rows can be copied from them. */
  readonly canCopyRows: boolean;
  readonly tables: readonly TableName[];
}

/**
 * The incremental rerun: an article whose source path and content (and the config) are unchanged since
 * the previous run, and whose JSON is still there (unless this run writes none), is not analyzed again.
 * With `only`, an article not listed keeps its previous outputs whatever its content, as long as the
 * previous run wrote it. With `outputs.json` "none" its rows are copied from the previous CSV files;
 * when those changed and no previous JSON is left either, the article is analyzed again.
 */
export class IncrementalPlan {
  private readonly previousById: ReadonlyMap<string, ManifestArticle>;
  private readonly anyPrevious: ReadonlyMap<string, ManifestArticle>;

  constructor(private readonly inputs: PlanInputs) {
    // Rejected entries can share an id with a good article (a duplicate id), so only written ones count.
    const written = (inputs.previous?.articles ?? []).filter((a) => a.status !== 'rejected');
    this.previousById = new Map((inputs.sameConfig ? written : []).map((a) => [a.id, a]));
    this.anyPrevious = new Map(written.map((a) => [a.id, a]));
  }

  /** Among the articles this run analyzes (all of them without `only`). */
  listed(ref: ScannedRef): boolean {
    return this.inputs.only === null || this.inputs.only.has(ref.id);
  }

  /** The previous run's entry when this article's outputs can be kept as they are, else null. */
  kept(ref: ScannedRef): ManifestArticle | null {
    const listed = this.listed(ref);
    const before = this.inputs.force ? undefined : listed ? this.previousById.get(ref.id) : this.anyPrevious.get(ref.id);
    if (!before) return null;
    const sourcePath = ref.line === null ? ref.relPath : `${ref.relPath}:${ref.line}`;
    const same = sourcePath === before.source_path && (!listed || ref.contentHash === before.content_hash);
    return same && (this.inputs.config.outputs.json === 'none' || this.inputs.previousJson.has(ref.id)) ? before : null;
  }

  /** Decides what an article needs: an unchanged one is settled here, the others are loaded for analysis. */
  decide(ref: ScannedRef): PlannedStep {
    const listed = this.listed(ref);
    const before = this.kept(ref);
    if (before) {
      if (this.inputs.canCopyRows && this.inputs.sameConfig && before.csv && before.counts) return { kind: 'reused', id: ref.id, entry: before };
      const previousText = this.inputs.previousJson.read(ref.id);
      const rebuilt = previousText === null ? null : rowsFromJsonText(previousText, this.inputs.tables);
      if (rebuilt) return { kind: 'unchanged', id: ref.id, entry: before, ...rebuilt };
    }
    // Not kept (or its previous JSON no longer reads): read and, if listed, analyzed.
    const loaded = loadArticle(this.inputs.corpusDir, ref, this.inputs.ingest);
    if (!loaded.ok) return { kind: 'rejected', error: loaded.error };
    if (!listed) return { kind: 'skipped', id: ref.id };
    return { kind: 'analyze', raw: loaded.article };
  }
}
