import weights from '../data/model-weights.json' with { type: 'json' };
import type { ArticleDoc, EntityType } from '../../document/types.js';
import type { Candidate } from '../candidates.js';
import type { Typing } from '../classify.js';
import { isEventName } from '../context.js';
import { candidateCounts, candidateFeatures, coordinatedLists, listNeighbors, mentionContexts } from './features.js';
import { bestLabel, labelProbabilities, type LinearModelWeights } from './linear-model.js';

/** The committed classifier: weights plus what they were trained on (to keep evaluations honest). */
export interface EntityModel extends LinearModelWeights {
  readonly trainedOn: string;
  /** Ids of the training documents: an evaluation on any of them must cross-validate instead. */
  readonly documents: readonly string[];
  readonly attribution: string;
}

/** Gold labels the classifier predicts: our scored types, MISC (named, but none of ours) and NONE. */
export const MODEL_LABELS = ['NONE', 'PERSON', 'ORG', 'LOC', 'NORP', 'MISC'] as const;

/**
 * Rules whose place or organization type the classifier may not change. Facility words are not among them: a
 * hall, theatre, mall or airport is a building or the organization that runs it ("performed at Carnegie
 * Hall", ORG in WikiGold), so the classifier may retype it ORG.
 */
const SUFFIX_RULES = new Set(['org-suffix', 'org-head', 'loc-suffix', 'loc-head', 'gpe-suffix', 'gpe-head']);
/** The gold's coarse type: GPE, LOC and FAC are all places. */
const scoredType = (type: EntityType): string => (type === 'GPE' || type === 'FAC' ? 'LOC' : type);
const SURE_RULES = new Set(['country-name', 'capital-city', 'demonym', 'region-list', 'group-word']);

/** The committed weights (`data/model-weights.json`; imported so that the build copies it to dist/). */
export function defaultModel(): EntityModel {
  return weights as unknown as EntityModel;
}

/**
 * Replaces the rules' types by the classifier's. The classifier only says PERSON, ORG, LOC, NORP,
 * MISC or NONE; the rules keep the finer place type (GPE, LOC, FAC) and the country code.
 */
export function applyModel(doc: ArticleDoc, candidates: readonly Candidate[], typings: ReadonlyArray<Typing | null>, model: EntityModel): Array<Typing | null> {
  const counts = candidateCounts(candidates);
  const contexts = mentionContexts(doc, candidates, typings);
  const probabilities = candidates.map((c, i) => labelProbabilities(model, candidateFeatures(doc, c, typings[i] ?? null, counts, listNeighbors(doc, candidates, typings, i), contexts[i]), new Float64Array(model.labels.length)));
  const labels = probabilities.map((p) => bestLabel(model, p));
  decideListsJointly(doc, candidates, model, probabilities, labels);
  const voted = voteByName(candidates, labels);
  return candidates.map((c, i) => {
    const rule = typings[i] ?? null;
    // Country names, capitals and demonyms are unambiguous data matches: the classifier may retype them
    // (a demonym is MISC in WikiGold) but not drop them, because partial gold annotation taught it to.
    const label = voted[i]!;
    let typed = fromLabel(label, rule);
    // A name ending in "Park", "Airlines" or "River" is of that kind: the classifier may drop it, not retype it.
    if (typed && rule && SUFFIX_RULES.has(rule.rule) && scoredType(typed.type) !== scoredType(rule.type)) typed = rule;
    if (!typed && rule && SURE_RULES.has(rule.rule)) return rule;
    // "Pakistan Boy Scouts Association", "Carnival Cruise Lines": a name of several words ending in an organization
    // word was dropped because partial gold annotation left such names unmarked in training; the word says what it
    // is. A name the classifier calls an event or a work stays out.
    if (!typed && rule && rule.rule === 'org-suffix' && c.keys.length > 1 && voted[i] !== 'MISC') return rule;
    // Events, awards and works ("Summer Olympics", "the album X") are named, but none of our types.
    const cue = contexts[i]?.own;
    if (typed && (!rule || rule.strength === 'weak') && (isEventName(c) || cue?.kind === 'MISC')) return null;
    return typed;
  });
}

const ENTITY_LABELS = new Set(['PERSON', 'ORG', 'LOC', 'NORP']);
/**
 * How far (in mean probability per member) a list's entity type must lead every other entity type and MISC.
 * Six-split WikiGold ORG 0.626 at 0.05 and 0.625 at 0.1 (MEANTIME ORG 0.799 / 0.800); without the
 * first-choice condition below, 0.613 at 0.2. With NONE in the comparison it reaches only 0.615 at 0: most
 * members of a list of bars are NONE on their own.
 */
const LIST_MARGIN = 0.1;

/**
 * A coordinated list names things of one kind ("KGB, Shadow Lounge, Liquid, Bar Room, Lua's"; "Crobar /
 * Amika / Mynt / Pawn Shop"), but the classifier decides each member alone, and a one-word bar name looks
 * like nothing. The members' probabilities are summed: when one entity type leads the other types and MISC
 * by the margin, a member the classifier called NONE or MISC takes it, provided that type is also the
 * member's own first choice among the entity types. NONE is not compared: being in the list is the evidence
 * against it. A list of works stays MISC ("iPod Classic, Nano and Shuffle"), since MISC takes part.
 */
function decideListsJointly(doc: ArticleDoc, candidates: readonly Candidate[], model: LinearModelWeights, probabilities: readonly Float64Array[], labels: string[]): void {
  const n = model.labels.length;
  const misc = model.labels.indexOf('MISC');
  const sum = new Float64Array(n);
  for (const list of coordinatedLists(doc, candidates)) {
    sum.fill(0);
    for (const i of list) for (let k = 0; k < n; k++) sum[k]! += probabilities[i]![k]!;
    let winner = -1;
    for (let k = 0; k < n; k++) if (ENTITY_LABELS.has(model.labels[k]!) && (winner < 0 || sum[k]! > sum[winner]!)) winner = k;
    let runnerUp = -Infinity;
    for (let k = 0; k < n; k++) if (k !== winner && (ENTITY_LABELS.has(model.labels[k]!) || k === misc)) runnerUp = Math.max(runnerUp, sum[k]!);
    if ((sum[winner]! - runnerUp) / list.length <= LIST_MARGIN) continue;
    for (const i of list) {
      if ((labels[i] === 'NONE' || labels[i] === 'MISC') && isBestEntityLabel(model, probabilities[i]!, winner)) labels[i] = model.labels[winner]!;
    }
  }
}

/** The label is the member's own first choice among the entity types (its second choice after NONE or MISC). */
function isBestEntityLabel(model: LinearModelWeights, p: Float64Array, label: number): boolean {
  for (let k = 0; k < p.length; k++) if (k !== label && ENTITY_LABELS.has(model.labels[k]!) && p[k]! > p[label]!) return false;
  return true;
}

/**
 * One name, one reading within an article: every mention of the same words takes the label most of
 * its mentions got ("Reading" the town, ten times). Ties keep each mention's own label, except that an
 * organization tied with NONE is an organization: a company or club named once as the subject of a sentence
 * ("Amuse World was ordered to pay") and once as a bare object looks like nothing half the time, and a word
 * that is no name is rarely called ORG at all.
 */
function voteByName(candidates: readonly Candidate[], labels: readonly string[]): string[] {
  const tallies = new Map<string, Map<string, number>>();
  candidates.forEach((c, i) => {
    const key = c.keys.join(' ');
    const tally = tallies.get(key) ?? new Map<string, number>();
    tally.set(labels[i]!, (tally.get(labels[i]!) ?? 0) + 1);
    tallies.set(key, tally);
  });
  return candidates.map((c, i) => {
    const tally = tallies.get(c.keys.join(' '))!;
    let best = labels[i]!;
    let bestCount = tally.get(best) ?? 0;
    for (const [label, n] of tally) {
      if (n > bestCount) {
        best = label;
        bestCount = n;
      }
    }
    if (best === 'NONE' && tally.get('ORG') === bestCount) return 'ORG';
    return best;
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
