import type { Token } from '../../document/types.js';

/**
 * Features of one sentence for the tension classifier. They are chosen to carry over between registers
 * (news, UN reports, Security Council speeches): what the lexicon found and the context that changed each
 * cue (negation, easing, background, modality), the sentence's main verb, and regularized lemmas (lemma
 * bigrams were measured too: they fitted the UN register and lost PLOVER 5-fold macro F1).
 * Names are replaced by their entity type so that "Russia" learned in one set does not decide another.
 */

/** What the feature function needs from one cue (a TensionCue, or a cue of the rule pass). */
export interface CueFacts {
  readonly category: string;
  readonly rule: string;
  readonly modality: string;
  readonly factors: readonly string[];
  /** Token index of the cue's first token. */
  readonly first: number;
  readonly isVerb: boolean;
  /** The lexicon side of a tension cue; null for a statement or appeal. */
  readonly side: 'conflict' | 'cooperation' | null;
  /** The cue's weight after negation and reversal. */
  readonly weight: number;
  /** The cue names whom it is aimed at (a target actor). */
  readonly targeted?: boolean;
}

export interface NameSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Score bands of the rule pass (its label threshold is 1). */
function scoreBand(score: number): string {
  if (score <= -6) return 'le-6';
  if (score <= -3) return 'le-3';
  if (score <= -1) return 'le-1';
  if (score < 1) return 'mid';
  if (score < 3) return 'lt3';
  if (score < 6) return 'lt6';
  return 'ge6';
}

const NEGATORS = new Set(['not', 'no', 'never', "n't", 'nor', 'without']);

/**
 * The feature strings of tokens [from, to). `names` are the entity mentions of the sentence (sorted by
 * start); `cues` the lexicon cues in token order; `ruleScore` the rule pass's sentence score.
 */
export function sentenceFeatures(tokens: readonly Token[], from: number, to: number, cues: readonly CueFacts[], ruleScore: number, names: readonly NameSpan[]): string[] {
  const out: string[] = ['bias', `score:${scoreBand(ruleScore)}`];
  let nameAt = 0;
  let previous = '<s>';
  let mainVerb: string | null = null;
  let negatorBefore = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    while (nameAt < names.length && names[nameAt]!.end <= t.start) nameAt++;
    const name = nameAt < names.length && names[nameAt]!.start <= t.start ? names[nameAt]! : null;
    let word: string;
    if (name) {
      word = `<${name.type}>`;
      // One placeholder per name, however many tokens it has.
      if (previous === word) continue;
    } else if (t.pos === 'PUNCT' || t.pos === 'SYM') {
      if (t.normal === '?' || t.normal === '"' || t.normal === '“') word = t.normal === '?' ? '?' : '<q>';
      else {
        previous = '<p>';
        continue;
      }
    } else if (t.pos === 'NUM') word = '<num>';
    else word = typeof t.lemma === 'string' ? t.lemma.toLowerCase() : t.normal;
    out.push(`w:${word}`);
    if (!name && t.pos === 'VERB') {
      if (mainVerb === null) {
        mainVerb = word;
        out.push(`v1:${word}`);
      }
      if (negatorBefore > 0) out.push(`negv:${word}`);
    }
    if (NEGATORS.has(t.normal)) negatorBefore = 3;
    else if (negatorBefore > 0) negatorBefore--;
    previous = word;
  }
  let mainCue: CueFacts | null = null;
  for (const c of cues) {
    const main = mainCue === null && c.isVerb;
    if (main) mainCue = c;
    out.push(`c:${c.category}`, `c:${c.category}|${c.modality}`, `r:${c.rule}`);
    for (const f of c.factors) out.push(`c:${c.category}|${f}`);
    if (c.factors.length === 0) out.push(`c:${c.category}|plain`);
  }
  if (mainCue) {
    out.push(`main:${mainCue.category}`);
    for (const f of mainCue.factors) out.push(`main:${mainCue.category}|${f}`);
  } else if (cues.length > 0) out.push(`main:none|${cues[0]!.category}`);
  else out.push('nocue');
  return out;
}
