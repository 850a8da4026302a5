import { createRequire } from 'node:module';
import { join } from 'node:path';
import { withCorrectedPolarity, type TensionExample, type TensionGoldRecord, type TensionTrainOptions } from '../tension/model/train.js';
import type { Country } from 'world-countries';
import type { Actor } from '../document/types.js';
import { entitiesConfigSchema, extractEntities, resolveCountry } from '../entities/index.js';
import { winkWithSentiment } from '../nlp/wink.js';
import { createDocument } from '../segment/create-document.js';
import { scoreSentiment, sentimentConfigSchema } from '../sentiment/index.js';
import type { z } from 'zod';
import { tensionConfigSchema } from '../tension/config.js';
import { mainEventIndex } from '../tension/events.js';
import { scoreTension } from '../tension/index.js';
import { readJsonl } from './gold.js';
import { classScores, round, type ClassScores } from './metrics.js';
import { checkBaseline } from './sentiment.js';

/**
 * Sentence-level conflict versus cooperation against human-coded event sentences (PLOVER gold-standard
 * records; UNSCon Security Council sentences), plus how often the predicted source and target match the
 * gold actors. Each gold sentence is run through the real entity and sentiment stages and our tension stage.
 */

export type TensionBaseline = 'sentiment' | 'wink' | 'vader';
export const TENSION_BASELINES: readonly TensionBaseline[] = ['sentiment', 'wink', 'vader'];

export interface TensionEvalOptions {
  /** Sign of a general sentiment score instead of the tension stage: what a tone dictionary does. */
  readonly baseline?: TensionBaseline | null;
  /** Tension config as written in pipeline.config.json (defaults fill the rest). */
  readonly config?: z.input<typeof tensionConfigSchema>;
  /** The `sentiment` config section (the tension stage reads its sentence readings). */
  readonly sentiment?: z.input<typeof sentimentConfigSchema>;
  readonly limit?: number;
}

export interface ActorScores {
  /** Sentences where the gold has an actor (with a country code, or text) and the system named one. */
  readonly compared: number;
  readonly matched: number;
  readonly accuracy: number;
}

export interface TensionReport {
  readonly gold: string;
  readonly system: string;
  readonly dataset: 'plover' | 'unscon' | 'mixed';
  readonly sentences: number;
  /** Labels scored: PLOVER conflict/cooperation; UNSCon conflict/no_conflict. */
  readonly classes: Readonly<Record<string, ClassScores>>;
  readonly macroF1: number;
  /** Share of sentences the system left neutral (no conflict or cooperation reading). */
  readonly neutralShare: number;
  readonly source: ActorScores;
  readonly target: ActorScores;
  /**
   * The actor scores on each half of the documents (by a fixed hash of the document id: the record id,
   * or UNSCon's speech). The actor rules have no training step, so they were developed reading the
   * errors of half 0 only: half 1 shows whether a rule carries over.
   */
  readonly actorHalves: readonly [{ readonly source: ActorScores; readonly target: ActorScores }, { readonly source: ActorScores; readonly target: ActorScores }];
  /**
   * PLOVER only: how often the sentence's main event has the gold PLOVER type. In-sample when the stage's
   * type classifier is on: it was fitted on tension-plover.jsonl (`crossValidateTension` scores it on unseen folds).
   */
  readonly ploverType: { readonly compared: number; readonly matched: number; readonly accuracy: number; readonly inSample: boolean } | null;
  readonly mapping: string;
}

export interface GoldActor {
  readonly text: string;
  readonly code?: string | null;
  readonly type?: string;
}

export interface GoldTension {
  readonly id: string;
  readonly dataset: string;
  readonly text: string;
  readonly polarity: 'conflict' | 'cooperation' | 'no_conflict' | 'neutral';
  readonly source?: readonly GoldActor[];
  readonly target?: readonly GoldActor[];
  readonly label_native?: { readonly plover_event?: string; readonly quadclass?: number };
  readonly reciprocal?: boolean;
  readonly speech?: string;
  readonly markup?: string;
}

export type Prediction = { label: 'conflict' | 'cooperation' | 'neutral'; source: Actor | null; target: Actor | null; ploverType?: string | null };

// world-countries is CommonJS whose typings declare an ES default export; require() gives the array.
const countries = createRequire(import.meta.url)('world-countries') as readonly Country[];
const ALPHA3 = new Map<string, string>(countries.map((c) => [c.cca2, c.cca3]));
/** CAMEO country codes that differ from ISO alpha-3 (PLOVER's records use CAMEO's). */
const CAMEO_TO_ISO3: Readonly<Record<string, string>> = { JAP: 'JPN', GER: 'DEU', ROM: 'ROU', SER: 'SRB', MTN: 'MNE', ZAI: 'COD', TMP: 'TLS', UKR: 'UKR', USR: 'RUS', WSB: 'PSE', GZS: 'PSE', PSE: 'PSE', KOS: 'XKX' };

export async function evaluateTension(goldPath: string, options: TensionEvalOptions = {}): Promise<TensionReport> {
  checkBaseline(options.baseline, TENSION_BASELINES);
  // Keep it Local's file labels swap the side of two QuadClass codes: scored by the code's side (train.ts says why).
  let gold = (await readJsonl<GoldTension>(goldPath)).map(withCorrectedPolarity);
  if (options.limit !== undefined) gold = gold.slice(0, options.limit);
  const datasets = new Set(gold.map((g) => g.dataset));
  const dataset = datasets.size === 1 && datasets.has('unscon') ? 'unscon' : datasets.size === 1 ? 'plover' : 'mixed';
  const predict = makePredictor(options);
  const predictions = gold.map((g) => predict(g.text));

  const binary = dataset === 'unscon';
  const labels = binary ? (['conflict', 'no_conflict'] as const) : (['conflict', 'cooperation'] as const);
  const goldLabels: string[] = gold.map((g) => (binary ? (g.polarity === 'conflict' ? 'conflict' : 'no_conflict') : g.polarity));
  const predicted: string[] = predictions.map((p) => (binary ? (p.label === 'conflict' ? 'conflict' : 'no_conflict') : p.label));
  const classes = classScores(goldLabels, predicted, labels as readonly string[]);
  const values = Object.values(classes);

  const source = actorScores(gold, predictions, 'source', dataset);
  const target = actorScores(gold, predictions, 'target', dataset);
  const halfOf = (h: 0 | 1) => {
    const keep = gold.map((g) => actorHalf(g) === h);
    const g = gold.filter((_, i) => keep[i]);
    const p = predictions.filter((_, i) => keep[i]);
    return { source: actorScores(g, p, 'source', dataset), target: actorScores(g, p, 'target', dataset) };
  };
  const actorHalves = [halfOf(0), halfOf(1)] as const;
  const typed = gold.map((g, i) => ({ gold: g.label_native?.plover_event ?? null, predicted: predictions[i]!.ploverType ?? null })).filter((x) => x.gold !== null);
  const typeMatched = typed.filter((x) => x.predicted === x.gold).length;
  const inSample = tensionConfigSchema.parse(options.config ?? {}).model && !options.baseline;
  const ploverType = typed.length === 0 ? null : { compared: typed.length, matched: typeMatched, accuracy: round(typeMatched / typed.length), inSample };
  return {
    gold: goldPath,
    system: options.baseline ?? 'article-pipeline',
    dataset,
    sentences: gold.length,
    classes,
    macroF1: round(values.reduce((a, c) => a + c.f1, 0) / values.length),
    neutralShare: round(predictions.filter((p) => p.label === 'neutral').length / Math.max(1, gold.length)),
    source,
    target,
    actorHalves,
    ploverType,
    mapping: binary
      ? 'escalation -> conflict; de-escalation and neutral -> no_conflict'
      : 'escalation -> conflict; de-escalation -> cooperation; neutral counts as a miss',
  };
}

/** The half (0 or 1) of the documents a gold record belongs to: FNV-1a of its document id, the same on every machine. */
export function actorHalf(g: { readonly id: string; readonly speech?: string }): 0 | 1 {
  const group = g.speech ?? g.id;
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) {
    h ^= group.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 2) as 0 | 1;
}

export function makePredictor(options: TensionEvalOptions): (text: string) => Prediction {
  const baseline = options.baseline ?? null;
  if (baseline === 'wink' || baseline === 'vader') {
    const score = baselineScorer(baseline);
    return (text) => ({ label: toneLabel(score(text)), source: null, target: null });
  }
  const config = tensionConfigSchema.parse(options.config ?? {});
  const entitiesConfig = entitiesConfigSchema.parse({});
  const sentimentConfig = sentimentConfigSchema.parse(options.sentiment ?? {});
  return (text) => {
    const doc = scoreTension(scoreSentiment(extractEntities(createDocument({ id: 'gold', text }), entitiesConfig), sentimentConfig), config);
    if (baseline === 'sentiment') return { label: toneLabel(doc.sentiment), source: null, target: null };
    return sentencePrediction(doc, config.labelThreshold);
  };
}

/** A gold record is one sentence; if the segmenter splits it, the parts' scores add up. */
function sentencePrediction(doc: ReturnType<typeof scoreTension>, threshold: number): Prediction {
  let score = 0;
  let best: { size: number; source: Actor | null; target: Actor | null } | null = null;
  for (const s of doc.sentences) {
    const t = s.tension;
    if (!t) continue;
    score += t.score;
    if (t.cues.length > 0 && (!best || Math.abs(t.score) > best.size)) best = { size: Math.abs(t.score), source: t.source, target: t.target };
  }
  // The label is the stage's (one sentence: its own; split in parts: the parts' scores added, as before).
  const single = doc.sentences.length === 1 ? doc.sentences[0]!.tension : undefined;
  const label = single ? ({ escalation: 'conflict', 'de-escalation': 'cooperation', neutral: 'neutral' } as const)[single.label] : labelOfScore(score, threshold);
  // The main event: the first typed event outside a background phrase and not negated, else the first typed one.
  const events = doc.sentences.flatMap((s) => s.tension?.events ?? []);
  const main = events[mainEventIndex(events)];
  return { label, source: best?.source ?? null, target: best?.target ?? null, ploverType: main?.ploverType ?? null };
}

function labelOfScore(score: number, threshold: number): Prediction['label'] {
  if (score < 0 && score <= -threshold) return 'conflict';
  if (score > 0 && score >= threshold) return 'cooperation';
  return 'neutral';
}

function toneLabel(score: number): Prediction['label'] {
  if (score <= -0.05) return 'conflict';
  if (score >= 0.05) return 'cooperation';
  return 'neutral';
}

function baselineScorer(baseline: 'wink' | 'vader'): (text: string) => number {
  if (baseline === 'wink') {
    const nlp = winkWithSentiment();
    return (text) => nlp.readDoc(text).out(nlp.its.sentiment) as number;
  }
  const require = createRequire(import.meta.url);
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
  return (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
}

/** The ISO alpha-3 codes a gold actor stands for (PLOVER codes, or a UNSCon country name). */
function goldCodes(actor: GoldActor): string[] {
  if (actor.code && /^[A-Z]{3}$/u.test(actor.code)) return [CAMEO_TO_ISO3[actor.code] ?? actor.code];
  if (actor.type === 'Country' || actor.type === 'speaker_country') {
    const name = actor.text.replace(/_/gu, ' ').replace(/\bof america\b/iu, '').trim();
    const c = resolveCountry(name);
    if (c) return [ALPHA3.get(c.code) ?? c.code];
  }
  return [];
}

export function actorMatches(predicted: Actor, gold: readonly GoldActor[]): boolean {
  const code = predicted.countryCode ? ALPHA3.get(predicted.countryCode) ?? null : null;
  for (const g of gold) {
    const codes = goldCodes(g);
    if (code && codes.includes(code)) return true;
    const a = predicted.text.toLowerCase();
    const b = (g.text ?? '').replace(/_/gu, ' ').toLowerCase();
    if (a.length > 2 && b.length > 2 && (a.includes(b) || b.includes(a))) return true;
  }
  return false;
}

function actorScores(gold: readonly GoldTension[], predictions: readonly Prediction[], role: 'source' | 'target', dataset: string): ActorScores {
  let compared = 0;
  let matched = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = predictions[i]![role];
    // UNSCon's source is the speaking country, never named in its own sentence ("we").
    if (dataset === 'unscon' && role === 'source') continue;
    // Mutual actors (PLOVER SRC/TAR) count for either role.
    const goldActors = g.reciprocal ? [...(g.source ?? []), ...(g.target ?? [])] : g[role] ?? [];
    if (!p || goldActors.length === 0) continue;
    compared++;
    if (actorMatches(p, goldActors)) matched++;
  }
  return { compared, matched, accuracy: compared === 0 ? 0 : round(matched / compared) };
}

export function formatTensionReport(report: TensionReport): string {
  const lines = [
    `Tension: ${report.system} on ${report.gold} (${report.dataset}, ${report.sentences} sentences)`,
    `  mapping: ${report.mapping}`,
    '  class         precision  recall     F1  support',
  ];
  for (const [name, c] of Object.entries(report.classes)) {
    lines.push(`  ${name.padEnd(12)} ${c.precision.toFixed(3).padStart(10)} ${c.recall.toFixed(3).padStart(7)} ${c.f1.toFixed(3).padStart(6)} ${String(c.support).padStart(8)}`);
  }
  lines.push(`  macro F1 ${report.macroF1.toFixed(3)}   left neutral ${(report.neutralShare * 100).toFixed(1)}%`);
  const actor = (name: string, a: ActorScores): string => `  ${name}: ${a.matched}/${a.compared} match gold (${(a.accuracy * 100).toFixed(1)}%)`;
  lines.push(actor('source', report.source), actor('target', report.target));
  report.actorHalves.forEach((h, i) => lines.push(`  document half ${i}: source ${h.source.matched}/${h.source.compared} (${(h.source.accuracy * 100).toFixed(1)}%), target ${h.target.matched}/${h.target.compared} (${(h.target.accuracy * 100).toFixed(1)}%)`));
  if (report.ploverType) {
    const how = report.ploverType.inSample ? ' (type classifier in-sample: fitted on this file; --cross-validated scores it on unseen folds)' : '';
    lines.push(`  PLOVER type of the main event: ${report.ploverType.matched}/${report.ploverType.compared} (${(report.ploverType.accuracy * 100).toFixed(1)}%)${how}`);
  }
  return lines.join('\n');
}

export interface CrossValidatedScore {
  /** `5-fold`: folds by document within the set, trained on the other folds plus the other two sets; `leave-one-dataset-out`: trained on the other two sets. */
  readonly setting: '5-fold' | 'leave-one-dataset-out';
  readonly dataset: string;
  readonly sentences: number;
  readonly classes: Readonly<Record<string, ClassScores>>;
  readonly macroF1: number;
}

/** The PLOVER type of the main event, 5-fold by document on the PLOVER records (each its own document). */
export interface PloverTypeCrossValidation {
  /** PLOVER records with a gold type; a record without a typed main event counts as a miss. */
  readonly records: number;
  /** The stage's type decision with the classifier trained on the other folds. */
  readonly matched: number;
  readonly accuracy: number;
  /** The rules' type of the same main events, without the classifier. */
  readonly rulesMatched: number;
  readonly rulesAccuracy: number;
}

export interface TensionCrossValidation {
  readonly evalDir: string;
  readonly scores: readonly CrossValidatedScore[];
  /** The same predictions scored by the labels as the gold file has them, for a set whose labels were corrected (Keep it Local: train.ts says why). */
  readonly scoresAsDistributed: readonly CrossValidatedScore[];
  readonly ploverType: PloverTypeCrossValidation | null;
}

/** The classes each dataset is scored on, and how a gold label reads in them. */
function scoringOf(dataset: string): { labels: readonly string[]; gold: (g: string) => string; predicted: (p: string) => string } {
  if (dataset === 'unscon') return { labels: ['conflict', 'no_conflict'], gold: (g) => (g === 'conflict' ? 'conflict' : 'no_conflict'), predicted: (p) => (p === 'conflict' ? 'conflict' : 'no_conflict') };
  // Macro F1 is the mean of conflict and cooperation F1; neutral is the third class (a miss where gold has none).
  return { labels: ['conflict', 'cooperation'], gold: (g) => g, predicted: (p) => p };
}

function scoreSet(dataset: string, setting: CrossValidatedScore['setting'], gold: readonly string[], predicted: readonly string[]): CrossValidatedScore {
  const scoring = scoringOf(dataset);
  const classes = classScores(gold.map(scoring.gold), predicted.map(scoring.predicted), scoring.labels);
  const values = Object.values(classes);
  return { setting, dataset, sentences: gold.length, classes, macroF1: round(values.reduce((a, c) => a + c.f1, 0) / values.length) };
}

/**
 * The classifier's scores on data it was not fitted on: 5-fold by document within each set (trained on
 * the other folds and the other two sets, as the shipped model is trained on all three), and leave-one-dataset-out (trained on the other
 * two sets, scored on the third).
 */
export async function crossValidateTension(evalDir: string, options: { limit?: number; trainOptions?: TensionTrainOptions } = {}): Promise<TensionCrossValidation> {
  const { TENSION_GOLD_FILES, readTensionGold, buildTensionExamples, trainTensionModel, foldOf, TRAIN_OPTIONS } = await import('../tension/model/train.js');
  const { decideLabel } = await import('../tension/decide.js');
  const trainOptions = options.trainOptions ?? TRAIN_OPTIONS;
  const records = TENSION_GOLD_FILES.flatMap((f) => {
    const all = readTensionGold(join(evalDir, f));
    return options.limit === undefined ? all : all.slice(0, options.limit);
  });
  const examples = buildTensionExamples(records);
  const fileLabel = new Map(records.flatMap((r) => (r.polarityAsDistributed ? [[r.id, r.polarityAsDistributed] as const] : [])));
  const scoresAsDistributed: CrossValidatedScore[] = [];
  const datasets = [...new Set(examples.map((e) => e.dataset))];
  const scores: CrossValidatedScore[] = [];
  const predictWith = (train: readonly TensionExample[], test: readonly TensionExample[]): string[] => {
    const model = trainTensionModel(train, trainOptions);
    return test.map((e) => decideLabel(model, e.features).label);
  };
  for (const dataset of datasets) {
    const own = examples.filter((e) => e.dataset === dataset);
    const others = examples.filter((e) => e.dataset !== dataset);
    const predicted = new Array<string>(own.length);
    for (let fold = 0; fold < 5; fold++) {
      const test = own.map((e, i) => ({ e, i })).filter(({ e }) => foldOf(e.group, 5) === fold);
      const train = own.filter((e) => foldOf(e.group, 5) !== fold);
      const labels = predictWith([...others, ...train], test.map(({ e }) => e));
      test.forEach(({ i }, j) => (predicted[i] = labels[j]!));
    }
    const leftOut = predictWith(others, own);
    scores.push(scoreSet(dataset, '5-fold', own.map((e) => e.gold), predicted));
    scores.push(scoreSet(dataset, 'leave-one-dataset-out', own.map((e) => e.gold), leftOut));
    if (own.some((e) => fileLabel.has(e.id))) {
      const asFiled = own.map((e) => fileLabel.get(e.id) ?? e.gold);
      scoresAsDistributed.push(scoreSet(dataset, '5-fold', asFiled, predicted), scoreSet(dataset, 'leave-one-dataset-out', asFiled, leftOut));
    }
  }
  return { evalDir, scores, scoresAsDistributed, ploverType: await crossValidatePloverType(records.filter((r) => r.dataset === 'plover_gsr')) };
}

/** The type classifier on the folds it was not fitted on (5-fold by document, the folds of the sentence label). */
async function crossValidatePloverType(records: readonly TensionGoldRecord[]): Promise<PloverTypeCrossValidation | null> {
  const { buildPloverTypeExamples, trainPloverTypeModel, foldOf } = await import('../tension/model/train.js');
  const { decidePloverType } = await import('../tension/model/type-model.js');
  const typed = records.filter((r) => r.label_native?.plover_event);
  if (typed.length === 0) return null;
  const examples = buildPloverTypeExamples(typed);
  let matched = 0;
  for (let fold = 0; fold < 5; fold++) {
    const model = trainPloverTypeModel(examples.filter((e) => foldOf(e.group, 5) !== fold));
    for (const e of examples) if (foldOf(e.group, 5) === fold && decidePloverType(model, e.features, e.ruleType, e.modality) === e.gold) matched++;
  }
  const rulesMatched = examples.filter((e) => e.ruleType === e.gold).length;
  return { records: typed.length, matched, accuracy: round(matched / typed.length), rulesMatched, rulesAccuracy: round(rulesMatched / typed.length) };
}

export function formatTensionCrossValidation(cv: TensionCrossValidation): string {
  const lines = [`Tension classifier, cross-validated on ${cv.evalDir}`, '  setting                dataset         n    conflict F1  cooperation F1  macro F1'];
  for (const s of cv.scores) {
    const coop = s.classes['cooperation']?.f1;
    lines.push(`  ${s.setting.padEnd(22)} ${s.dataset.padEnd(14)} ${String(s.sentences).padStart(5)}  ${s.classes['conflict']!.f1.toFixed(3).padStart(11)}  ${(coop === undefined ? '-' : coop.toFixed(3)).padStart(14)}  ${s.macroF1.toFixed(3).padStart(8)}`);
  }
  for (const s of cv.scoresAsDistributed) {
    lines.push(`  ${s.setting.padEnd(22)} ${`${s.dataset}, scored by the file's own polarity (QuadClass 2 and 3 on the swapped side)`}: macro F1 ${s.macroF1.toFixed(3)}`);
  }
  const t = cv.ploverType;
  if (t) lines.push(`  PLOVER type of the main event, 5-fold by document: ${t.matched}/${t.records} (${(t.accuracy * 100).toFixed(1)}%); rules alone ${t.rulesMatched}/${t.records} (${(t.rulesAccuracy * 100).toFixed(1)}%)`);
  return lines.join('\n');
}
