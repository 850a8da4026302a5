/**
 * TempEval-3 style evaluation of the date stage against TIMEX3 gold in JSON Lines
 * (`../shared/eval/README-timex.md`): strict and relaxed span P/R/F1, type and value accuracy over the
 * relaxed matches, and value F1 = value accuracy x relaxed F1 (the ranking number).
 */
import type { TimexType } from '../document/types.js';
import { createDocument } from '../segment/create-document.js';
import { normalizeDates } from '../dates/index.js';
import { datesConfigSchema, type DatesConfig } from '../dates/config.js';
import { DATE_BASELINES, runDateBaseline, type DateBaselineName } from '../dates/baselines.js';
import { readTimexGold, type GoldTimexDocument } from './gold.js';

export { readTimexGold, type GoldTimex, type GoldTimexDocument } from './gold.js';

/** What a system returns for one document; offsets are string indexes into the gold text. */
export interface PredictedTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: TimexType | string;
  readonly value: string;
}

export interface SpanScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface DatesErrorSample {
  readonly id: string;
  readonly kind: 'missed' | 'spurious' | 'value' | 'type';
  readonly gold: string | null;
  readonly predicted: string | null;
}

export interface DatesReport {
  readonly gold: string;
  readonly system: string;
  readonly documents: number;
  readonly goldTimexes: number;
  readonly predictedTimexes: number;
  readonly strict: SpanScores;
  readonly relaxed: SpanScores;
  readonly typeAccuracy: number;
  readonly valueAccuracy: number;
  readonly typeF1: number;
  readonly valueF1: number;
  /** Relaxed recall and value accuracy per gold type. */
  readonly byType: Readonly<Record<string, { readonly gold: number; readonly found: number; readonly valueCorrect: number }>>;
  readonly errors?: readonly DatesErrorSample[];
}

export interface EvaluateDatesOptions {
  /** Package-only baseline instead of our stage. */
  readonly baseline?: DateBaselineName;
  readonly config?: Partial<DatesConfig>;
  /** Keep this many error samples in the report (default 0). */
  readonly errors?: number;
}

/** Runs our date stage on one gold document's text with the gold DCT as publication date. */
export function predictTimexes(doc: GoldTimexDocument, config: DatesConfig): PredictedTimex[] {
  const created = createDocument({ id: doc.id, text: doc.text, dct: doc.dct });
  return [...normalizeDates(created, config).timexes];
}

export async function evaluateDates(goldPath: string, options: EvaluateDatesOptions = {}): Promise<DatesReport> {
  if (options.baseline !== undefined && !DATE_BASELINES.includes(options.baseline)) {
    throw new Error(`evaluateDates: unknown baseline "${String(options.baseline)}", expected one of ${DATE_BASELINES.join(', ')}`);
  }
  const docs = await readTimexGold(goldPath);
  const config = datesConfigSchema.parse(options.config ?? {});
  const system = options.baseline ?? 'article-pipeline';
  const predictions = new Map<string, PredictedTimex[]>();
  for (const doc of docs) {
    const predicted = options.baseline ? runDateBaseline(options.baseline, doc.text, doc.dct) : predictTimexes(doc, config);
    predictions.set(doc.id, predicted);
  }
  return scoreTimexes(goldPath, system, docs, predictions, options.errors ?? 0);
}

const round = (x: number): number => Math.round(x * 10000) / 10000;
const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Micro-averaged over all documents. A relaxed match shares at least one non-space character (the
 * TempEval-3 scorer says one token; on word-aligned spans the two agree); pairing is one-to-one, in
 * text order, and an exact-extent partner is preferred so strict matches are never lost to pairing.
 */
export function scoreTimexes(
  goldPath: string,
  system: string,
  docs: readonly GoldTimexDocument[],
  predictions: ReadonlyMap<string, readonly PredictedTimex[]>,
  maxErrors = 0,
): DatesReport {
  let goldCount = 0;
  let predictedCount = 0;
  let relaxedMatches = 0;
  let strictMatches = 0;
  let typeCorrect = 0;
  let valueCorrect = 0;
  const byType: Record<string, { gold: number; found: number; valueCorrect: number }> = {};
  const errors: DatesErrorSample[] = [];
  const note = (sample: DatesErrorSample): void => {
    if (errors.length < maxErrors) errors.push(sample);
  };
  const show = (t: { text: string; type: string; value: string }): string => `${JSON.stringify(t.text)} ${t.type} ${t.value}`;

  for (const doc of docs) {
    const predicted = [...(predictions.get(doc.id) ?? [])].sort((a, b) => a.start - b.start);
    const used = new Set<number>();
    goldCount += doc.timexes.length;
    predictedCount += predicted.length;
    for (const gold of doc.timexes) {
      const stats = (byType[gold.type] ??= { gold: 0, found: 0, valueCorrect: 0 });
      stats.gold++;
      let partner = predicted.findIndex((p, i) => !used.has(i) && p.start === gold.start && p.end === gold.end);
      if (partner < 0) partner = predicted.findIndex((p, i) => !used.has(i) && overlaps(doc.text, p, gold));
      if (partner < 0) {
        note({ id: doc.id, kind: 'missed', gold: show(gold), predicted: null });
        continue;
      }
      used.add(partner);
      const match = predicted[partner]!;
      relaxedMatches++;
      stats.found++;
      if (match.start === gold.start && match.end === gold.end) strictMatches++;
      if (match.type === gold.type) typeCorrect++;
      if (match.value === gold.value) {
        valueCorrect++;
        stats.valueCorrect++;
      } else note({ id: doc.id, kind: 'value', gold: show(gold), predicted: show(match) });
    }
    predicted.forEach((p, i) => {
      if (!used.has(i)) note({ id: doc.id, kind: 'spurious', gold: null, predicted: show(p) });
    });
  }

  const scores = (matches: number): SpanScores => {
    const precision = predictedCount === 0 ? 0 : matches / predictedCount;
    const recall = goldCount === 0 ? 0 : matches / goldCount;
    return { precision: round(precision), recall: round(recall), f1: round(f1Of(precision, recall)) };
  };
  const relaxed = scores(relaxedMatches);
  const relaxedF1 = f1Of(
    predictedCount === 0 ? 0 : relaxedMatches / predictedCount,
    goldCount === 0 ? 0 : relaxedMatches / goldCount,
  );
  const typeAccuracy = relaxedMatches === 0 ? 0 : typeCorrect / relaxedMatches;
  const valueAccuracy = relaxedMatches === 0 ? 0 : valueCorrect / relaxedMatches;
  return {
    gold: goldPath,
    system,
    documents: docs.length,
    goldTimexes: goldCount,
    predictedTimexes: predictedCount,
    strict: scores(strictMatches),
    relaxed,
    typeAccuracy: round(typeAccuracy),
    valueAccuracy: round(valueAccuracy),
    typeF1: round(typeAccuracy * relaxedF1),
    valueF1: round(valueAccuracy * relaxedF1),
    byType,
    ...(maxErrors > 0 ? { errors } : {}),
  };
}

function overlaps(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start && text.slice(start, end).trim() !== '';
}

const pct = (x: number): string => x.toFixed(3);

export function formatDatesReport(report: DatesReport): string {
  const lines = [
    `Date stage evaluation (TempEval-3 scoring): ${report.system}`,
    `gold: ${report.gold}  documents: ${report.documents}  gold timexes: ${report.goldTimexes}  predicted: ${report.predictedTimexes}`,
    '',
    '            precision  recall     F1',
    `strict      ${pct(report.strict.precision)}      ${pct(report.strict.recall)}  ${pct(report.strict.f1)}`,
    `relaxed     ${pct(report.relaxed.precision)}      ${pct(report.relaxed.recall)}  ${pct(report.relaxed.f1)}`,
    '',
    `type accuracy  ${pct(report.typeAccuracy)}   type F1   ${pct(report.typeF1)}`,
    `value accuracy ${pct(report.valueAccuracy)}   value F1  ${pct(report.valueF1)}   (ranking number)`,
    '',
    'gold type   gold  found  value-correct',
  ];
  for (const [type, s] of Object.entries(report.byType).sort()) {
    lines.push(`${type.padEnd(10)} ${String(s.gold).padStart(5)}  ${String(s.found).padStart(5)}  ${String(s.valueCorrect).padStart(13)}`);
  }
  if (report.errors && report.errors.length > 0) {
    lines.push('', 'error samples:');
    for (const e of report.errors) lines.push(`  ${e.kind.padEnd(8)} ${e.id}  gold: ${e.gold ?? '-'}  system: ${e.predicted ?? '-'}`);
  }
  return lines.join('\n');
}
