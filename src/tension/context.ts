import type { Modality, Token } from '../document/types.js';
import { tokenForms } from './match-cues.js';

/**
 * Negation and modality around a cue, from the words before it in its clause. Kept as word lists so a
 * reviewer can see why a cue was flagged (the reason is named in `ContextReading.rule`).
 */

/** Words that negate a following event: "did not threaten", "no plans to impose sanctions". */
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'none', 'nothing', 'cannot', 'lack', 'lacks', 'lacked', 'absence', 'fail', 'failed', 'fails', 'failure', 'refrain', 'refrained', 'avoid', 'avoided', 'rule', 'ruled']);
/** Denials negate the accusation or criticism they govern ("denied the accusations"), nothing else. */
const DENIALS = new Set(['deny', 'denied', 'denies', 'denying', 'denial', 'refute', 'refuted', 'rebut', 'rebutted', 'disprove']);
const DENIABLE = new Set(['accusation', 'criticism']);
/** Words that make what follows conditional or merely possible. */
const HYPOTHETICAL = new Set(['would', 'could', 'might', 'may', 'if', 'unless', 'should', 'whether', 'possible', 'possibly', 'potential', 'potentially', 'risk', 'consider', 'considering', 'considered', 'propose', 'proposed', 'threaten', 'threatened', 'threatens', 'warn', 'warned']);
/** Words that put what follows in the future: "will meet", "the planned meeting", "aims to reduce". */
const FUTURE = new Set(['will', 'shall', "'ll", 'plan', 'plans', 'planned', 'planning', 'upcoming', 'scheduled', 'expected', 'expect', 'intend', 'intends', 'intended', 'aim', 'aims', 'aimed', 'seek', 'seeks', 'prepare', 'prepares', 'preparing', 'next', 'forthcoming', 'due', 'going']);
/** Reporting words: the event is someone's report, not the article's assertion. */
const REPORTING = new Set(['say', 'said', 'says', 'tell', 'told', 'according', 'report', 'reported', 'reports', 'reportedly', 'claim', 'claimed', 'claims', 'allegedly', 'announce', 'announced', 'state', 'stated', 'add', 'added', 'note', 'noted']);
/** Clause edges: negation and modality do not reach across them. */
const CLAUSE_EDGE = new Set([',', ';', ':', '.', '—', '–', '(', ')', 'but', 'and', 'although', 'though', 'because', 'while', 'after', 'before', 'which', 'who', 'that']);
/** "not only", "no doubt", "never before": not a negation of what follows. */
const NOT_NEGATING_NEXT = new Set(['only', 'doubt', 'longer', 'less', 'before']);

export interface ContextReading {
  readonly negated: boolean;
  readonly modality: Modality;
  /** kebab-case reason, for the audit trail. */
  readonly rule: string;
}

/**
 * Reads negation and modality for a cue starting at token `first` of the sentence [from, to).
 * Modality priority: hypothetical > future > reported > asserted (a conditional report stays conditional).
 */
export function readContext(tokens: readonly Token[], from: number, to: number, cueTokens: readonly number[], category: string, negationScope: number, cueIsVerb: boolean): ContextReading {
  const first = cueTokens[0]!;
  let negated = false;
  let negationRule = '';
  for (let k = 1; k <= negationScope && first - k >= from; k++) {
    const t = tokens[first - k]!;
    const [normal, lemma] = tokenForms(t);
    if (CLAUSE_EDGE.has(normal) && !(normal === 'and' && k === 1)) break;
    if (NEGATORS.has(normal) || NEGATORS.has(lemma)) {
      const next = tokens[first - k + 1]!.normal;
      if (NOT_NEGATING_NEXT.has(next)) continue;
      // "rule out" is a negator only with "out"; "ruled" alone is a verb of its own.
      if ((lemma === 'rule') && tokens[first - k + 1]!.normal !== 'out') continue;
      negated = true;
      negationRule = 'negated-by-negator';
      break;
    }
    if (DENIABLE.has(category) && (DENIALS.has(normal) || DENIALS.has(lemma))) {
      negated = true;
      negationRule = 'negated-by-denial';
      break;
    }
  }
  // Negation after a nominal cue: "sanctions were not imposed", "talks have not taken place".
  if (!negated && !cueIsVerb) {
    const last = cueTokens[cueTokens.length - 1]!;
    for (let j = last + 1; j < to && j <= last + 3; j++) {
      const [normal] = tokenForms(tokens[j]!);
      if (tokens[j]!.pos !== 'AUX' && normal !== 'not' && normal !== 'never') break;
      if (normal === 'not' || normal === 'never') {
        negated = true;
        negationRule = 'negated-after-noun';
        break;
      }
    }
  }

  let modality: Modality = 'asserted';
  let modalityRule = 'asserted';
  for (let k = 1; k <= 8 && first - k >= from; k++) {
    const [normal, lemma] = tokenForms(tokens[first - k]!);
    if (CLAUSE_EDGE.has(normal) && normal !== 'and' && normal !== 'that') break;
    if (HYPOTHETICAL.has(normal) && !cueTokens.includes(first - k)) {
      modality = 'hypothetical';
      modalityRule = 'modality-hypothetical';
      break;
    }
    if (modality === 'asserted' && (FUTURE.has(normal) || (FUTURE.has(lemma) && lemma !== 'go'))) {
      // "going" is future only in "going to".
      if (normal === 'going' && tokens[first - k + 1]?.normal !== 'to') continue;
      modality = 'future';
      modalityRule = 'modality-future';
    }
  }
  if (modality === 'asserted') {
    for (let j = from; j < to; j++) {
      if (cueTokens.includes(j)) continue;
      const [normal] = tokenForms(tokens[j]!);
      if (REPORTING.has(normal) && (tokens[j]!.pos === 'VERB' || normal === 'according' || normal === 'reportedly' || normal === 'allegedly')) {
        modality = 'reported';
        modalityRule = 'modality-reported';
        break;
      }
    }
  }
  const rule = negated ? `${negationRule}${modality === 'asserted' ? '' : `+${modalityRule}`}` : modalityRule;
  return { negated, modality, rule };
}
