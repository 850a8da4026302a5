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
const HYPOTHETICAL = new Set(['would', 'could', 'might', 'may', 'if', 'unless', 'should', 'must', 'whether', 'possible', 'possibly', 'potential', 'potentially', 'risk', 'consider', 'considering', 'considered', 'propose', 'proposed', 'proposal', 'threaten', 'threatened', 'threatens', 'warn', 'warned',
  // What is demanded, urged or hoped for has not happened: "demanded a truce", "urged talks".
  'demand', 'demanded', 'demands', 'urge', 'urged', 'urges', 'appeal', 'appealed', 'ask', 'asked', 'asks', 'want', 'wants', 'wanted', 'hope', 'hopes', 'hoped', 'seek', 'seeks', 'sought', 'call', 'called', 'calls', 'calling', 'encourage', 'encouraged', 'require', 'requires', 'required', 'invite', 'invited', 'invitation', 'offer', 'offered', 'ready', 'willing', 'prepared', 'ultimatum']);
/**
 * Verbs that reverse the act they govern. A cooperation cue under any of them is conflict ("rejected the
 * peace plan", "suspended aid"); a conflict cue under an easing verb is de-escalation ("lifted the
 * blockade"); a conflict cue under a rejecting verb did not happen ("rejected the accusations").
 */
const REJECTING = new Set(['break', 'reject', 'refuse', 'oppose', 'deny', 'renege', 'decline', 'spurn', 'rebuff', 'veto', 'block', 'obstruct', 'boycott', 'withhold', 'prohibit', 'halt', 'suspend', 'end', 'cut', 'reduce', 'abandon', 'scrap', 'cancel', 'terminate', 'fail', 'freeze', 'undermine', 'violate', 'breach', 'sabotage', 'derail', 'jeopardize', 'quit', 'withdraw', 'postpone', 'stall', 'torpedo', 'disrupt', 'hamper', 'hinder', 'impede', 'thwart']);
const EASING = new Set(['break', 'lift', 'ease', 'end', 'halt', 'stop', 'cease', 'desist', 'suspend', 'cancel', 'relax', 'remove', 'drop', 'scrap', 'shorten', 'withdraw', 'reduce', 'lower', 'loosen', 'waive', 'postpone', 'delay', 'avert', 'prevent', 'avoid', 'renounce', 'abandon', 'defuse', 'calm', 'resolve', 'settle', 'overcome']);
/** Words that open a background phrase: what happened before or around the reported event. */
const BACKGROUND = new Set(['after', 'following', 'since', 'during', 'amid', 'amidst', 'despite', 'before', 'fleeing', 'where', 'when', 'whom', 'until', 'because']);
/** Of the hypothetical words, those that ask another actor to act: what follows is demanded of them. */
const DEMANDING = new Set(['demand', 'demanded', 'demands', 'urge', 'urged', 'urges', 'appeal', 'appealed', 'ask', 'asked', 'asks', 'call', 'called', 'calls', 'calling', 'encourage', 'encouraged', 'require', 'requires', 'required', 'must', 'should', 'press', 'pressed', 'insist', 'insisted', 'ultimatum']);
/** Words that put what follows in the future: "will meet", "the planned meeting", "aims to reduce". */
const FUTURE = new Set(['will', 'shall', "'ll", 'plan', 'plans', 'planned', 'planning', 'upcoming', 'scheduled', 'expected', 'expect', 'intend', 'intends', 'intended', 'aim', 'aims', 'aimed', 'seek', 'seeks', 'prepare', 'prepares', 'preparing', 'next', 'forthcoming', 'due', 'going']);
/** Reporting words: the event is someone's report, not the article's assertion. */
const REPORTING = new Set(['say', 'said', 'says', 'tell', 'told', 'according', 'report', 'reported', 'reports', 'reportedly', 'claim', 'claimed', 'claims', 'allegedly', 'announce', 'announced', 'state', 'stated', 'add', 'added', 'note', 'noted']);
const QUOTE_MARKS = new Set(['"', '“', '”', "''", '``']);
/** Clause edges: negation and modality do not reach across them. */
const CLAUSE_EDGE = new Set([',', ';', ':', '.', '—', '–', '(', ')', 'but', 'and', 'although', 'though', 'because', 'while', 'after', 'before', 'which', 'who', 'that']);
/** "not only", "no doubt", "never before": not a negation of what follows. */
const NOT_NEGATING_NEXT = new Set(['only', 'doubt', 'longer', 'less', 'before']);

/** Token `at` asks something of another actor ("call" only as "call on/upon/for"). */
function isDemanding(tokens: readonly Token[], at: number): boolean {
  const normal = tokens[at]!.normal;
  if (!DEMANDING.has(normal)) return false;
  if (normal === 'call' || normal === 'called' || normal === 'calls' || normal === 'calling') return ['on', 'upon', 'for'].includes(tokens[at + 1]?.normal ?? '');
  return true;
}

export interface ContextReading {
  readonly negated: boolean;
  /** A governing verb that turns the act around: rejecting (cooperation becomes conflict) or easing. */
  readonly reversal: 'rejecting' | 'easing' | null;
  /** The cue sits in a background phrase ("after two days of fighting"), not in the reported event. */
  readonly background: boolean;
  readonly modality: Modality;
  /** A demand or appeal governs the cue ("urged Russia to de-escalate"): asked of someone, not done. */
  readonly demanded: boolean;
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
  let obligationLifted = false;
  for (let k = 1; k <= negationScope && first - k >= from; k++) {
    const t = tokens[first - k]!;
    const [normal, lemma] = tokenForms(t);
    if (CLAUSE_EDGE.has(normal) && !(normal === 'and' && k === 1)) break;
    if (NEGATORS.has(normal) || NEGATORS.has(lemma)) {
      const next = tokens[first - k + 1]!.normal;
      if (NOT_NEGATING_NEXT.has(next)) continue;
      // "do not have to agree", "need not meet": no obligation, which is not a refusal.
      if ((next === 'have' || next === 'has' || next === 'need' || next === 'needs') && tokens[first - k + 2]?.normal === 'to') {
        obligationLifted = true;
        break;
      }
      if (normal === 'need' && next !== 'to') continue;
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

  let modality: Modality = obligationLifted ? 'hypothetical' : 'asserted';
  let modalityRule = obligationLifted ? 'modality-no-obligation' : 'asserted';
  let demanded = false;
  for (let k = 1; k <= 8 && first - k >= from && !obligationLifted; k++) {
    const [normal, lemma] = tokenForms(tokens[first - k]!);
    if (CLAUSE_EDGE.has(normal) && normal !== 'and' && normal !== 'that') break;
    if (HYPOTHETICAL.has(normal) && !cueTokens.includes(first - k)) {
      modality = 'hypothetical';
      demanded = isDemanding(tokens, first - k);
      modalityRule = 'modality-hypothetical';
      // "must be ready to mediate", "should be willing to talk": a demand may stand behind the nearer word of possibility.
      for (let j = k + 1; !demanded && j <= 8 && first - j >= from; j++) {
        const before = tokens[first - j]!.normal;
        if (CLAUSE_EDGE.has(before) && before !== 'and') break;
        demanded = isDemanding(tokens, first - j);
      }
      break;
    }
    if (modality === 'asserted' && (FUTURE.has(normal) || (FUTURE.has(lemma) && lemma !== 'go'))) {
      // "going" is future only in "going to".
      if (normal === 'going' && tokens[first - k + 1]?.normal !== 'to') continue;
      modality = 'future';
      modalityRule = 'modality-future';
    }
  }
  // Inside quotation marks the words are the speaker's: reported, whether or not a "said" follows.
  if (modality === 'asserted') {
    let quotes = 0;
    for (let j = from; j < first; j++) if (QUOTE_MARKS.has(tokens[j]!.normal)) quotes++;
    if (quotes % 2 === 1) {
      modality = 'reported';
      modalityRule = 'modality-quoted';
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
  const reversal = negated ? null : governingReversal(tokens, from, cueTokens) ?? (cueIsVerb ? null : failingAfter(tokens, to, cueTokens));
  let background = false;
  for (let k = 1; k <= 8 && first - k >= from; k++) {
    const normal = tokens[first - k]!.normal;
    if (BACKGROUND.has(normal)) {
      background = true;
      break;
    }
    if (HARD_EDGE.has(normal)) break;
  }
  const rule = negated ? `${negationRule}${modality === 'asserted' ? '' : `+${modalityRule}`}` : modalityRule;
  return { negated, reversal, background, modality, demanded, rule };
}

const HARD_EDGE = new Set([',', ';', ':', '.', '—', '–', '(', ')', 'but', 'which', 'who']);

/**
 * Nouns naming the undoing or failure of an act, which govern the act they introduce through a
 * preposition: "the cessation of hostilities", "an end to violence", "the prevention and settlement of
 * conflicts", "the breakdown of talks". The nominal forms of the easing and rejecting verbs (CAMEO 08
 * yield, 12 reject, 16 reduce relations); a conflict act so governed is eased, a cooperative one undone.
 */
const EASING_NOUNS = new Set(['cessation', 'prevention', 'resolution', 'settlement', 'elimination', 'eradication', 'removal', 'lifting', 'reduction', 'renunciation', 'termination', 'suspension', 'cancellation', 'avoidance', 'abolition', 'easing', 'relaxation', 'de-escalation']);
const REJECTING_NOUNS = new Set(['breakdown', 'collapse', 'suspension', 'termination', 'cancellation', 'obstruction', 'rejection', 'refusal', 'boycott', 'failure', 'violation', 'violations', 'breach', 'breaches']);
/** The prepositions by which such a noun governs its act: "cessation of", "end to", "reduction in". */
const GOVERNING_PREPOSITIONS = new Set(['of', 'to', 'in', 'on']);

function governingReversal(tokens: readonly Token[], from: number, cueTokens: readonly number[]): 'rejecting' | 'easing' | null {
  const first = cueTokens[0]!;
  let preposition = false;
  for (let k = 1; k <= 7 && first - k >= from; k++) {
    const t = tokens[first - k]!;
    const [normal, lemma] = tokenForms(t);
    if (GOVERNING_PREPOSITIONS.has(normal)) preposition = true;
    // A noun governs only through its preposition: "resolution 1325 on" is a document, "the resolution of the conflict" an act.
    if (preposition && t.pos === 'NOUN' && tokens[first - k + 1] && GOVERNING_PREPOSITIONS.has(tokens[first - k + 1]!.normal)) {
      const easing = EASING_NOUNS.has(normal);
      const rejecting = REJECTING_NOUNS.has(normal);
      if (easing) return 'easing';
      if (rejecting) return 'rejecting';
    }
    if (HARD_EDGE.has(normal) || normal === 'and' || normal === 'after' || normal === 'because') break;
    if (t.pos !== 'VERB' && t.pos !== 'NOUN' && normal !== 'refusal' && normal !== 'rejection') continue;
    // "called off the strike"
    if (lemma === 'call' && tokens[first - k + 1]?.normal === 'off') return 'easing';
    if (REJECTING.has(lemma) || REJECTING.has(normal)) return EASING.has(lemma) ? 'easing' : 'rejecting';
    if (EASING.has(lemma) || EASING.has(normal)) return 'easing';
  }
  return null;
}

/** Verbs that report an act's failure after its noun: "the talks collapsed", "negotiations stalled". */
const FAILING = new Set(['collapse', 'collapsed', 'collapses', 'fail', 'failed', 'fails', 'stall', 'stalled', 'stalls', 'falter', 'faltered', 'founder', 'foundered', 'deadlock', 'deadlocked', 'derail', 'derailed', 'unravel', 'unraveled', 'unravelled', 'crumble', 'crumbled', 'fizzle', 'fizzled']);

const NOUN_PHRASE_OR_AUX = new Set(['AUX', 'ADV', 'PART', 'ADP', 'DET', 'PROPN', 'NOUN', 'CCONJ', 'NUM', 'ADJ']);

function failingAfter(tokens: readonly Token[], to: number, cueTokens: readonly number[]): 'rejecting' | null {
  const last = cueTokens[cueTokens.length - 1]!;
  for (let j = last + 1; j < to && j <= last + 7; j++) {
    const [normal, lemma] = tokenForms(tokens[j]!);
    if (FAILING.has(normal) || FAILING.has(lemma)) return 'rejecting';
    // "broke down", "fell apart"
    if ((lemma === 'break' && tokens[j + 1]?.normal === 'down') || (lemma === 'fall' && tokens[j + 1]?.normal === 'apart')) return 'rejecting';
    // Only the cue's own noun phrase and auxiliaries may stand between: "negotiations between Israel and Hamas stalled".
    if (!NOUN_PHRASE_OR_AUX.has(tokens[j]!.pos)) break;
  }
  return null;
}
