import { createRequire } from 'node:module';
import type { ArticleDoc, EntityType } from '../../document/types.js';
import type { Candidate } from '../candidates.js';
import type { Typing } from '../classify.js';
import { candidateCounts, candidateFeatures } from './features.js';
import { predictLabel, type PerceptronWeights } from './perceptron.js';

/** The committed classifier: weights plus what they were trained on (to keep evaluations honest). */
export interface EntityModel extends PerceptronWeights {
  readonly trainedOn: string;
  /** Ids of the training documents: an evaluation on any of them must cross-validate instead. */
  readonly documents: readonly string[];
  readonly attribution: string;
}

/** Gold labels the classifier predicts: our scored types, MISC (named, but none of ours) and NONE. */
export const MODEL_LABELS = ['NONE', 'PERSON', 'ORG', 'LOC', 'NORP', 'MISC'] as const;

const SURE_RULES = new Set(['country-name', 'capital-city', 'demonym', 'region-list']);

let loaded: EntityModel | null | undefined;

/** The committed weights (`weights.json`), loaded once; null when the file is absent. */
export function defaultModel(): EntityModel | null {
  if (loaded !== undefined) return loaded;
  try {
    loaded = createRequire(import.meta.url)('./weights.json') as EntityModel;
  } catch {
    loaded = null;
  }
  return loaded;
}

/**
 * Replaces the rules' types by the classifier's. The classifier only says PERSON, ORG, LOC, NORP,
 * MISC or NONE; the rules keep the finer place type (GPE, LOC, FAC) and the country code.
 */
export function applyModel(doc: ArticleDoc, candidates: readonly Candidate[], typings: ReadonlyArray<Typing | null>, model: EntityModel): Array<Typing | null> {
  const counts = candidateCounts(candidates);
  return candidates.map((c, i) => {
    const rule = typings[i] ?? null;
    // Country names, capitals and demonyms are unambiguous data matches: the classifier may retype them
    // (a demonym is MISC in WikiGold) but not drop them, because partial gold annotation taught it to.
    const label = predictLabel(model, candidateFeatures(doc, c, rule, counts));
    const typed = fromLabel(label, rule);
    if (!typed && rule && SURE_RULES.has(rule.rule)) return rule;
    return typed;
  });
}

function fromLabel(label: string, rule: Typing | null): Typing | null {
  const keep = (type: EntityType): Typing => ({ type, rule: rule?.type === type ? rule.rule : 'model', countryCode: rule?.countryCode ?? null, strength: 'weak' });
  switch (label) {
    case 'PERSON':
    case 'ORG':
      return keep(label);
    case 'NORP':
      return keep('NORP');
    case 'LOC':
      if (rule && (rule.type === 'GPE' || rule.type === 'LOC' || rule.type === 'FAC')) return rule;
      return keep('GPE');
    case 'MISC':
      // WikiGold and CoNLL type nationalities as MISC; they are NORP for us.
      return rule?.type === 'NORP' ? rule : null;
    default:
      return null;
  }
}
