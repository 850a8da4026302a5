import nlp from 'compromise';
import { createDocument } from '../segment/create-document.js';
import { entitiesConfigSchema, type EntitiesConfig } from '../entities/config.js';
import { findMentions, mentionsFromCandidates, typeCandidates } from '../entities/index.js';
import { defaultModel, type EntityModel } from '../entities/model/index.js';
import { examplesOf, trainFromExamples } from '../entities/model/fit.js';
import { readEntityGold, type GoldDocument, type GoldEntity } from './gold.js';

export type { GoldDocument, GoldEntity } from './gold.js';

/**
 * Named entities against public gold (MEANTIME news and WikiGold, see shared/eval/README-ner-sentiment.md).
 * Exact: same start, end and type. Overlap: same type and at least one shared character, each gold and
 * each predicted span matched at most once, largest overlap first. Micro averages cover PERSON, ORG and
 * LOC (our GPE + LOC + FAC); NORP is reported on its own where the gold has it (MEANTIME only).
 */

export type EntitiesBaseline = 'compromise';
export type ScoredType = 'PERSON' | 'ORG' | 'LOC' | 'NORP';
const MICRO_TYPES: readonly ScoredType[] = ['PERSON', 'ORG', 'LOC'];

export interface EntitiesEvalOptions {
  /** Score a package as it comes instead of our stage. */
  readonly baseline?: EntitiesBaseline | null;
  readonly config?: Partial<EntitiesConfig>;
  /** Only the first N documents (quick runs). */
  readonly limit?: number;
  /**
   * Cross-validation folds for the trained classifier. By default (null) an evaluation on documents the
   * committed weights were trained on retrains per fold (5 folds), so no score is measured on training data.
   */
  readonly folds?: number | null;
  /**
   * Learning curve: each fold trains on this share (0-1] of its training documents, spread evenly over
   * each source in id order; the test documents stay the same.
   */
  readonly trainFraction?: number;
}

export interface PrfScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly matched: number;
}

export interface MatchScores {
  readonly micro: PrfScores;
  readonly types: Readonly<Record<ScoredType, PrfScores>>;
}

export interface SourceScores {
  readonly documents: number;
  readonly exact: MatchScores;
  readonly overlap: MatchScores;
}

export interface EntitiesReport {
  readonly gold: string;
  readonly system: string;
  readonly documents: number;
  readonly all: SourceScores;
  readonly sources: Readonly<Record<string, SourceScores>>;
}

export interface ScoredSpan {
  readonly start: number;
  readonly end: number;
  readonly type: ScoredType;
}

export async function evaluateEntities(goldPath: string, options: EntitiesEvalOptions = {}): Promise<EntitiesReport> {
  let docs = await readEntityGold(goldPath);
  if (options.limit !== undefined) docs = docs.slice(0, options.limit);
  const folds = crossValidationFolds(docs, options);
  let pairs: Pair[];
  let system = options.baseline ?? 'article-pipeline';
  if (folds > 1) {
    const fraction = options.trainFraction ?? 1;
    system = `article-pipeline (classifier retrained in ${folds}-fold cross-validation by document${fraction < 1 ? `, on ${fraction} of each fold's training documents` : ''})`;
    const foldOf = assignFolds(docs, folds);
    const config = entitiesConfigSchema.parse(options.config ?? {});
    // Candidates and their features do not depend on the classifier: compute them once for all folds.
    const prepared = docs.map((gold) => {
      const doc = createDocument({ id: gold.id, text: gold.text });
      const typed = typeCandidates(doc, config);
      return { gold, doc, typed, examples: examplesOf(doc, typed, gold) };
    });
    const predicted = new Map<GoldDocument, ScoredSpan[]>();
    for (let k = 0; k < folds; k++) {
      const train = evenShare(prepared.filter((p) => foldOf.get(p.gold) !== k), (p) => p.gold, fraction);
      const model = trainFromExamples(train.flatMap((p) => p.examples), train.map((p) => p.gold.id), `fold ${k + 1} of ${folds}`);
      for (const p of prepared) {
        if (foldOf.get(p.gold) !== k) continue;
        predicted.set(p.gold, toScoredSpans(mentionsFromCandidates(p.doc, config, p.typed, model)));
      }
    }
    pairs = docs.map((d) => ({ doc: d, predicted: predicted.get(d)! }));
  } else {
    const predict = makePredictor(options);
    pairs = docs.map((d) => ({ doc: d, predicted: predict(d) }));
  }
  const bySource = new Map<string, typeof pairs>();
  for (const p of pairs) {
    const source = p.doc.source ?? 'all';
    bySource.set(source, [...(bySource.get(source) ?? []), p]);
  }
  const sources: Record<string, SourceScores> = {};
  for (const [source, group] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) sources[source] = scoreDocuments(group);
  return { gold: goldPath, system, documents: docs.length, all: scoreDocuments(pairs), sources };
}

function crossValidationFolds(docs: readonly GoldDocument[], options: EntitiesEvalOptions): number {
  if (options.baseline) return 0;
  const config = entitiesConfigSchema.parse(options.config ?? {});
  if (!config.model) return 0;
  if (options.folds !== undefined && options.folds !== null) return options.folds;
  const trained = new Set(defaultModel()?.documents ?? []);
  return docs.some((d) => trained.has(d.id)) ? 5 : 0;
}

/** Every item whose rank within its source crosses a multiple of 1 / fraction: an even spread of each source, rounded down. */
export function evenShare<T>(items: readonly T[], goldOf: (item: T) => GoldDocument, fraction: number): T[] {
  if (fraction >= 1) return [...items];
  const rank = new Map<string, number>();
  return [...items]
    .sort((a, b) => goldOf(a).id.localeCompare(goldOf(b).id))
    .filter((item) => {
      const source = goldOf(item).source ?? '';
      const n = rank.get(source) ?? 0;
      rank.set(source, n + 1);
      return Math.floor((n + 1) * fraction) > Math.floor(n * fraction);
    });
}

/** Folds by document, dealt round-robin within each source so every fold has both kinds of text. */
function assignFolds(docs: readonly GoldDocument[], folds: number): Map<GoldDocument, number> {
  const foldOf = new Map<GoldDocument, number>();
  const perSource = new Map<string, number>();
  for (const d of [...docs].sort((a, b) => a.id.localeCompare(b.id))) {
    const source = d.source ?? '';
    const n = perSource.get(source) ?? 0;
    foldOf.set(d, n % folds);
    perSource.set(source, n + 1);
  }
  return foldOf;
}

/** Predicted spans for one gold document, in the gold's type set. */
export function makePredictor(options: EntitiesEvalOptions, model?: EntityModel): (doc: GoldDocument) => ScoredSpan[] {
  if (options.baseline === 'compromise') return predictCompromise;
  const config = entitiesConfigSchema.parse(options.config ?? {});
  const classifier = config.model ? (model ?? defaultModel()) : null;
  return (gold) => {
    const doc = createDocument({ id: gold.id, text: gold.text });
    return toScoredSpans(findMentions(doc, config, classifier));
  };
}

function toScoredSpans(mentions: ReadonlyArray<{ start: number; end: number; type: string }>): ScoredSpan[] {
  const spans: ScoredSpan[] = [];
  for (const m of mentions) {
    const type = toScoredType(m.type);
    if (type) spans.push({ start: m.start, end: m.end, type });
  }
  return spans;
}

function toScoredType(type: string): ScoredType | null {
  if (type === 'PERSON' || type === 'ORG' || type === 'NORP') return type;
  if (type === 'GPE' || type === 'LOC' || type === 'FAC') return 'LOC';
  return null;
}

/** compromise alone: people(), places() and organizations() with its own offsets. */
function predictCompromise(gold: GoldDocument): ScoredSpan[] {
  const doc = nlp(gold.text);
  const spans: ScoredSpan[] = [];
  const add = (view: { json: (o: object) => unknown }, type: ScoredType): void => {
    for (const m of view.json({ offset: true }) as Array<{ offset: { start: number; length: number } }>) {
      // compromise's offsets include the punctuation and possessive attached to the last word
      // ("Latin America.", "Petro's"); trimming them measures its names rather than its tokenizer.
      let start = m.offset.start;
      let end = m.offset.start + m.offset.length;
      const raw = gold.text.slice(start, end);
      start += raw.length - raw.replace(/^[\s"“‘'(]+/u, '').length;
      const trimmed = gold.text.slice(start, end).replace(/(?:['’]s)?[\s.,;:!?"”’')]*$/u, '');
      end = start + trimmed.length;
      if (end > start) spans.push({ start, end, type });
    }
  };
  add(doc.people(), 'PERSON');
  add(doc.places(), 'LOC');
  add(doc.organizations(), 'ORG');
  return spans;
}

interface Pair {
  readonly doc: GoldDocument;
  readonly predicted: readonly ScoredSpan[];
}

function scoreDocuments(allPairs: readonly Pair[]): SourceScores {
  // NORP is scored only on sources whose gold marks it (MEANTIME): WikiGold folds nationalities into MISC.
  const norpSources = new Set(allPairs.filter((p) => p.doc.entities.some((e) => e.type === 'NORP')).map((p) => p.doc.source));
  const hasNorp = norpSources.size > 0;
  const types: ScoredType[] = hasNorp ? [...MICRO_TYPES, 'NORP'] : [...MICRO_TYPES];
  const exact = new Map<ScoredType, Counts>(types.map((t) => [t, { gold: 0, predicted: 0, matched: 0 }]));
  const overlap = new Map<ScoredType, Counts>(types.map((t) => [t, { gold: 0, predicted: 0, matched: 0 }]));
  for (const { doc, predicted } of allPairs) {
    for (const type of types) {
      if (type === 'NORP' && !norpSources.has(doc.source)) continue;
      const gold = doc.entities.filter((e) => e.type === type);
      const pred = predicted.filter((p) => p.type === type);
      const e = exact.get(type)!;
      const o = overlap.get(type)!;
      e.gold += gold.length;
      e.predicted += pred.length;
      o.gold += gold.length;
      o.predicted += pred.length;
      const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}`));
      const seen = new Set<string>();
      for (const p of pred) {
        const k = `${p.start}:${p.end}`;
        if (goldKeys.has(k) && !seen.has(k)) {
          e.matched++;
          seen.add(k);
        }
      }
      o.matched += overlapMatches(gold, pred);
    }
  }
  return { documents: allPairs.length, exact: toScores(exact), overlap: toScores(overlap) };
}

interface Counts {
  gold: number;
  predicted: number;
  matched: number;
}

/** Greedy one-to-one matching, largest shared length first. */
function overlapMatches(gold: readonly GoldEntity[], pred: readonly ScoredSpan[]): number {
  const candidates: Array<[number, number, number]> = [];
  gold.forEach((g, i) =>
    pred.forEach((p, j) => {
      const shared = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (shared > 0) candidates.push([shared, i, j]);
    }),
  );
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  let matched = 0;
  for (const [, i, j] of candidates) {
    if (usedGold.has(i) || usedPred.has(j)) continue;
    usedGold.add(i);
    usedPred.add(j);
    matched++;
  }
  return matched;
}

function toScores(counts: ReadonlyMap<ScoredType, Counts>): MatchScores {
  const types = {} as Record<ScoredType, PrfScores>;
  const micro: Counts = { gold: 0, predicted: 0, matched: 0 };
  for (const [type, c] of counts) {
    types[type] = prf(c);
    if (MICRO_TYPES.includes(type)) {
      micro.gold += c.gold;
      micro.predicted += c.predicted;
      micro.matched += c.matched;
    }
  }
  return { micro: prf(micro), types };
}

function prf(c: Counts): PrfScores {
  const precision = c.predicted === 0 ? 0 : c.matched / c.predicted;
  const recall = c.gold === 0 ? 0 : c.matched / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1), gold: c.gold, predicted: c.predicted, matched: c.matched };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A readable table: one block per source, exact and overlap scores per type. */
export function formatEntitiesReport(report: EntitiesReport): string {
  const lines: string[] = [`Entities: ${report.system} on ${report.gold} (${report.documents} documents)`];
  const block = (name: string, s: SourceScores): void => {
    lines.push('', `${name} (${s.documents} documents)`, 'type     |  exact P    R    F1  | overlap P   R    F1  | gold  pred');
    const row = (label: string, e: PrfScores, o: PrfScores): string =>
      `${label.padEnd(8)} | ${f(e.precision)} ${f(e.recall)} ${f(e.f1)} | ${f(o.precision)} ${f(o.recall)} ${f(o.f1)} | ${String(e.gold).padStart(5)} ${String(e.predicted).padStart(5)}`;
    for (const type of Object.keys(s.exact.types) as ScoredType[]) lines.push(row(type, s.exact.types[type], s.overlap.types[type]));
    lines.push(row('micro', s.exact.micro, s.overlap.micro) + '  (PERSON, ORG, LOC)');
  };
  for (const [source, s] of Object.entries(report.sources)) block(source, s);
  if (Object.keys(report.sources).length > 1) block('all', report.all);
  return lines.join('\n');
}

function f(x: number): string {
  return x.toFixed(3).padStart(5);
}
