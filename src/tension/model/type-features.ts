import type { TensionCue, TensionEvent, Token } from '../../document/types.js';
import { QUAD_BY_PLOVER } from '../events.js';
import { ruleLabel } from '../decide.js';

/**
 * Features of a sentence's main event for the PLOVER type classifier (type-weights.json). The rules'
 * coding of the event is the strongest evidence, so it enters crossed with what the rules do not read
 * into the type: how the act is told (PLOVER codes "will support" and "is willing to withdraw" as AGREE,
 * "must hand over" as DEMAND), the cue that found it, the trigger's own lemmas and the two words before
 * it, and the other events of the sentence. The sentence's polarity features (features.ts: lemmas, main
 * verb, cue categories and their context) come first, so the same words carry over between types.
 */
export function eventTypeFeatures(base: readonly string[], tokens: readonly Token[], from: number, to: number, events: readonly TensionEvent[], cues: readonly TensionCue[], main: number): string[] {
  const out = [...base];
  const event = events[main]!;
  const type = event.ploverType ?? 'none';
  const quad = (QUAD_BY_PLOVER as Readonly<Record<string, string>>)[type] ?? 'none';
  const side = quad.endsWith('conflict') ? 'conflict' : 'cooperation';
  // The rules' type, and backed off to its quad and side: "will <cooperative act>" is AGREE whichever
  // cooperative type the rules gave, which one weight per type would learn from a handful of records.
  const typed = (detail: string | null): void => {
    if (detail === null) out.push(`mt:${type}`, `mq:${quad}`, `ms:${side}`);
    else out.push(`mt:${type}|${detail}`, `mq:${quad}|${detail}`, `ms:${side}|${detail}`);
  };
  typed(null);
  typed(event.modality);
  out.push(`mr:${event.rule}`, `mr:${event.rule}|${event.modality}`);
  if (event.background) typed('background');
  if (event.reciprocal) typed('reciprocal');
  const cue = cues.find((c) => c.start === event.start && c.end === event.end);
  if (cue) {
    out.push(`mc:${cue.rule}`);
    for (const f of cue.factors) typed(f);
  }
  let firstToken = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.end <= event.start) continue;
    if (t.start >= event.end) break;
    if (firstToken < 0) firstToken = i;
    if (t.pos !== 'PUNCT' && t.pos !== 'NUM' && t.pos !== 'DET') out.push(`tw:${lemmaOf(t)}`);
  }
  // "will", "must", "willing to", "agreed to", "refused to": how the trigger is governed.
  for (let k = 1; k <= 2 && firstToken - k >= from; k++) {
    const t = tokens[firstToken - k]!;
    if (t.pos === 'PUNCT') break;
    out.push(`pw:${lemmaOf(t)}`);
  }
  for (let j = 0; j < events.length; j++) {
    if (j === main) continue;
    const other = events[j]!;
    if (other.ploverType) out.push(`ot:${other.ploverType}`, `ot:${other.ploverType}|${other.modality}`);
    else out.push(`os:${other.rule}`, `os:${other.rule}|${j < main ? 'before' : 'after'}`);
  }
  return out;
}

function lemmaOf(t: Token): string {
  return typeof t.lemma === 'string' ? t.lemma.toLowerCase() : t.normal;
}

/**
 * What a sentence's type features say about each candidate type, as features shared by all types (one
 * weight each, not one per type): the candidate is the rules' type of the main event, the type of another
 * event of the sentence, of the same quad or side as the rules' type, of the side the rules settled for the
 * sentence; crossed with how the main event is told. With a few hundred records for 18 types, evidence
 * pooled across types ("the rules' type is usually right when the act is asserted") carries over where
 * one weight per type and feature has too few examples.
 */
export function candidateFeatures(features: readonly string[], types: readonly string[]): string[][] {
  let ruleType: string | null = null;
  let modality = 'asserted';
  const others = new Map<string, string[]>();
  for (const f of features) {
    if (f.startsWith('mt:') && ruleType === null) ruleType = f.slice(3);
    else if (f.startsWith('mt:') && f.indexOf('|') === 3 + ruleType!.length && MODALITIES.has(f.slice(4 + ruleType!.length))) modality = f.slice(4 + ruleType!.length);
    else if (f.startsWith('ot:')) {
      const bar = f.indexOf('|');
      if (bar < 0) continue;
      const type = f.slice(3, bar);
      (others.get(type) ?? others.set(type, []).get(type)!).push(f.slice(bar + 1));
    }
  }
  const settled = ruleLabel(features);
  const quads = QUAD_BY_PLOVER as Readonly<Record<string, string>>;
  const sideOf = (type: string): string => (quads[type]?.endsWith('conflict') ? 'conflict' : 'cooperation');
  return types.map((type) => {
    const out: string[] = [];
    if (type === ruleType) out.push('rule', `rule|${modality}`, `rule|${type}`);
    else if (ruleType !== null) {
      if (quads[type] === quads[ruleType]) out.push('rule-quad', `rule-quad|${modality}`);
      else if (sideOf(type) === sideOf(ruleType)) out.push('rule-side', `rule-side|${modality}`);
    }
    const other = others.get(type);
    if (other) for (const m of new Set(other)) out.push(`other|${m}`, type === ruleType ? 'other-rule' : 'other');
    if (settled === 'conflict' || settled === 'cooperation') out.push(sideOf(type) === settled ? 'settled-side' : 'settled-other-side');
    return out;
  });
}

const MODALITIES = new Set(['asserted', 'negated', 'future', 'conditional', 'reported', 'demanded']);
