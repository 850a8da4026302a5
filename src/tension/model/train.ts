import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exponentiate, l2Penalty, lbfgs } from '../../entities/model/logistic.js';
import { entitiesConfigSchema, extractEntities } from '../../entities/index.js';
import { createDocument } from '../../segment/create-document.js';
import { scoreSentiment, sentimentConfigSchema } from '../../sentiment/index.js';
import { tensionConfigSchema } from '../config.js';
import { tensionFeatures } from '../index.js';
import { TENSION_LABELS, type TensionModel } from './index.js';

/**
 * Fits the tension classifier on the public tension sets (`npx tsx src/tension/model/train.ts [evalDir]`
 * rewrites weights.json, deterministically). UNSCon codes conflict against no conflict only, so its
 * `no_conflict` sentences are taught as "cooperation or neutral" (a partial label: the loss is minus the log
 * of the two classes' summed probability), never forced into one of them.
 */

export const TENSION_GOLD_FILES = ['tension-plover.jsonl', 'tension-unscon-dev.jsonl', 'tension-kil-quad.jsonl'] as const;

export const ATTRIBUTION =
  'Trained on tension-plover.jsonl (PLOVER gold-standard records, Open Event Data Alliance, CC BY-SA 4.0), ' +
  'tension-unscon-dev.jsonl (UNSCon, linatal/UNSCon, CC BY-SA) and tension-kil-quad.jsonl (Keep it Local, Osorio et al. 2024, ' +
  'javierosorio/keep_it_local, MIT; text from the UN Parallel Corpus).';

export interface TensionGoldRecord {
  readonly id: string;
  readonly dataset: string;
  readonly text: string;
  readonly polarity: 'conflict' | 'cooperation' | 'no_conflict' | 'neutral';
  readonly quad?: string | null;
  readonly speech?: string;
  readonly label_native?: { readonly plover_event?: string };
}

export interface TensionExample {
  readonly id: string;
  readonly dataset: string;
  /** Whole documents stay in one fold: UNSCon speeches; elsewhere each sentence is its own document. */
  readonly group: string;
  readonly features: readonly string[];
  /** Label indexes (into TENSION_LABELS) the gold allows. */
  readonly allowed: readonly number[];
  readonly gold: TensionGoldRecord['polarity'];
}

export interface TensionTrainOptions {
  /** L2 penalty per weight (lambda / 2 * w^2, summed; the loss is summed over weighted examples). */
  readonly l2: number;
  readonly iterations: number;
  /** Features seen in fewer training examples are left out. */
  readonly minCount: number;
  /** Weight of each dataset's examples in the loss (PLOVER's news sentences are few and closest to news). */
  readonly datasetWeights: Readonly<Record<string, number>>;
}

export const TRAIN_OPTIONS: TensionTrainOptions = { l2: 1, iterations: 100, minCount: 2, datasetWeights: { plover_gsr: 10, unscon: 2, keep_it_local: 1 } };

export function readTensionGold(path: string): TensionGoldRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TensionGoldRecord);
}

function allowedLabels(polarity: TensionGoldRecord['polarity']): number[] {
  if (polarity === 'no_conflict') return [1, 2];
  return [TENSION_LABELS.indexOf(polarity)];
}

/** Each gold sentence through the entity stage and the tension stage's rule pass, as the pipeline runs them. */
export function buildTensionExamples(records: readonly TensionGoldRecord[]): TensionExample[] {
  const entitiesConfig = entitiesConfigSchema.parse({});
  const config = tensionConfigSchema.parse({ model: false });
  const sentimentConfig = sentimentConfigSchema.parse({});
  return records.map((r) => {
    const doc = scoreSentiment(extractEntities(createDocument({ id: r.id, text: r.text }), entitiesConfig), sentimentConfig);
    const features = tensionFeatures(doc, config).flat();
    return { id: r.id, dataset: r.dataset, group: r.speech ?? r.id, features, allowed: allowedLabels(r.polarity), gold: r.polarity };
  });
}

export function trainTensionModel(examples: readonly TensionExample[], options: TensionTrainOptions = TRAIN_OPTIONS): TensionModel {
  const K = TENSION_LABELS.length;
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of new Set(ex.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const featureIndex = new Map<string, number>();
  for (const [f, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c >= options.minCount) featureIndex.set(f, featureIndex.size);
  const rows = examples.map((ex) => Int32Array.from(ex.features.map((f) => featureIndex.get(f) ?? -1).filter((i) => i >= 0)));
  const weightsOf = examples.map((ex) => options.datasetWeights[ex.dataset] ?? 1);
  const n = featureIndex.size * K;
  const scores = new Float64Array(K);
  const evaluate = (w: Float64Array, grad: Float64Array): number => {
    let loss = l2Penalty(w, grad, n, options.l2);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const weight = weightsOf[i]!;
      const allowed = examples[i]!.allowed;
      scores.fill(0);
      for (const f of row) for (let k = 0; k < K; k++) scores[k]! += w[f * K + k]!;
      const sum = exponentiate(scores, K);
      let allowedSum = 0;
      for (const k of allowed) allowedSum += scores[k]!;
      loss -= weight * Math.log(allowedSum / sum);
      // d(-log sum_allowed p) / d score_k = p_k - [k allowed] p_k / sum_allowed p.
      for (let k = 0; k < K; k++) {
        const p = scores[k]! / sum;
        const q = allowed.includes(k) ? scores[k]! / allowedSum : 0;
        scores[k] = weight * (p - q);
      }
      for (const f of row) for (let k = 0; k < K; k++) grad[f * K + k]! += scores[k]!;
    }
    return loss;
  };
  const w = lbfgs(n, evaluate, options.iterations);
  const weights: Record<string, number[]> = {};
  for (const [f, at] of featureIndex) {
    const row = Array.from({ length: K }, (_, k) => Math.round(w[at * K + k]! * 1000) / 1000);
    if (row.some((v) => v !== 0)) weights[f] = row;
  }
  const trainedOn = [...new Set(examples.map((e) => e.dataset))].sort();
  return { labels: [...TENSION_LABELS], weights, trainedOn, examples: examples.length, attribution: ATTRIBUTION, options: { l2: options.l2, minCount: options.minCount, ...Object.fromEntries(Object.entries(options.datasetWeights).map(([d, v]) => [`weight:${d}`, v])) } };
}

/** Fold 0..k-1 of a document id (FNV-1a): deterministic, and the same on every machine. */
export function foldOf(group: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) {
    h ^= group.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % k;
}

/** `npx tsx src/tension/model/train.ts [evalDir]`. */
async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const evalDir = process.argv[2] ?? join(here, '../../../../shared/eval');
  const records = TENSION_GOLD_FILES.flatMap((f) => readTensionGold(join(evalDir, f)));
  const examples = buildTensionExamples(records);
  const model = trainTensionModel(examples);
  writeFileSync(join(here, 'weights.json'), JSON.stringify(model) + '\n');
  console.log(`tension model: ${examples.length} sentences, ${Object.keys(model.weights).length} features -> ${join(here, 'weights.json')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
