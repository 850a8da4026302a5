import type { Actor, EventModality, Modality, PloverType, Quad, TensionCue, TensionEvent, Timex, Token } from '../document/types.js';
import type { ContextReading } from './context.js';

/**
 * Event records from the cues of one sentence: each cue is a trigger, coded in CAMEO (root and its
 * Goldstein score) and PLOVER terms, with its actors, modality and date. Statements, comments, denials
 * and appeals that the lexicon does not cover become CAMEO 01/02 events (neither conflict nor
 * cooperation), so a researcher sees what the sentence's main act was even when it carries no tension.
 */

/**
 * Goldstein scores of the CAMEO roots (root rows of cameo-codes.csv, andybega/icews, MIT; Goldstein 1992).
 * Codes below a root vary; the root value is what the event's root stands for.
 */
export const GOLDSTEIN_BY_ROOT: Readonly<Record<string, number>> = {
  '01': 0, '02': 3, '03': 4, '04': 1, '05': 3.5, '06': 6, '07': 7, '08': 5, '09': -2, '10': -5,
  '11': -2, '12': -4, '13': -6, '14': -6.5, '15': -7.2, '16': -4, '17': -7, '18': -9, '19': -10, '20': -10,
};

/** The PLOVER quad table (README-tension.md). */
export const QUAD_BY_PLOVER: Readonly<Record<PloverType, Exclude<Quad, 'none'>>> = {
  AGREE: 'verbal_cooperation', CONSULT: 'verbal_cooperation', SUPPORT: 'verbal_cooperation', CONCEDE: 'verbal_cooperation',
  COOPERATE: 'material_cooperation', AID: 'material_cooperation', RETREAT: 'material_cooperation', INVESTIGATE: 'material_cooperation',
  DEMAND: 'verbal_conflict', DISAPPROVE: 'verbal_conflict', REJECT: 'verbal_conflict', THREATEN: 'verbal_conflict', SANCTION: 'verbal_conflict',
  PROTEST: 'material_conflict', MOBILIZE: 'material_conflict', COERCE: 'material_conflict', ASSAULT: 'material_conflict', FIGHT: 'material_conflict',
};

export const PLOVER_TYPES = Object.keys(QUAD_BY_PLOVER) as PloverType[];

interface Coding {
  readonly root: string;
  readonly plover: PloverType | null;
}

/** Each lexicon category's CAMEO root and PLOVER type (src/tension/lexicon/README.md gives the CAMEO codes). */
const BY_CATEGORY: Readonly<Record<string, Coding>> = {
  threat: { root: '13', plover: 'THREATEN' },
  'military-force': { root: '19', plover: 'FIGHT' },
  'sanction-coercion': { root: '17', plover: 'COERCE' },
  accusation: { root: '11', plover: 'DISAPPROVE' },
  criticism: { root: '11', plover: 'DISAPPROVE' },
  'negative-tone': { root: '11', plover: 'DISAPPROVE' },
  demand: { root: '10', plover: 'DEMAND' },
  rejection: { root: '12', plover: 'REJECT' },
  'strained-relations': { root: '16', plover: 'SANCTION' },
  protest: { root: '14', plover: 'PROTEST' },
  talks: { root: '04', plover: 'CONSULT' },
  meeting: { root: '04', plover: 'CONSULT' },
  agreement: { root: '03', plover: 'AGREE' },
  'cooperation-aid': { root: '06', plover: 'COOPERATE' },
  'de-escalation': { root: '08', plover: 'CONCEDE' },
  praise: { root: '05', plover: 'SUPPORT' },
};

/**
 * Finer codings by the words of the cue, where a category spans several CAMEO roots: first match wins.
 * Matched against the cue's rule id and its text (lower case).
 */
const BY_WORDS: ReadonlyArray<{ readonly pattern: RegExp; readonly categories: readonly string[]; readonly coding: Coding }> = [
  { pattern: /sanction|embargo|tariff|boycott/u, categories: ['sanction-coercion', 'strained-relations'], coding: { root: '16', plover: 'SANCTION' } },
  { pattern: /expel|sever|recall|cut-ties|break-off|suspend/u, categories: ['strained-relations', 'sanction-coercion'], coding: { root: '16', plover: 'SANCTION' } },
  { pattern: /deploy|mobili|troops|buildup|build-up|mass|drill|exercise|alert|posture|warship/u, categories: ['military-force'], coding: { root: '15', plover: 'MOBILIZE' } },
  { pattern: /assassin|bomb|kill|shoot|shot|abduct|kidnap|suicide|massacre|execut/u, categories: ['military-force'], coding: { root: '18', plover: 'ASSAULT' } },
  { pattern: /arrest|detain|seize|raid|crackdown|blockade|confiscat|deport/u, categories: ['military-force', 'sanction-coercion'], coding: { root: '17', plover: 'COERCE' } },
  { pattern: /aid|assist|donat|relief|humanitarian|grant|loan/u, categories: ['cooperation-aid'], coding: { root: '07', plover: 'AID' } },
  { pattern: /withdraw|pull|release|free|retreat|demobili|disarm|return|reopen|lay-down/u, categories: ['de-escalation'], coding: { root: '08', plover: 'RETREAT' } },
  { pattern: /investigat|inquiry|probe/u, categories: ['cooperation-aid', 'talks'], coding: { root: '09', plover: 'INVESTIGATE' } },
  { pattern: /sign|treaty|accord|deal|ceasefire|truce/u, categories: ['agreement'], coding: { root: '05', plover: 'AGREE' } },
  { pattern: /protest|demonstrat|riot|strike|march/u, categories: ['protest', 'military-force'], coding: { root: '14', plover: 'PROTEST' } },
];

/** A conflict act undone ("lifted the blockade", "withdrew its troops") is CAMEO 08, yield. */
function easedCoding(category: string, text: string): Coding {
  if (category === 'military-force' || /troop|force|blockade|detain|prisoner|hostage|siege|occup/u.test(text)) return { root: '08', plover: 'RETREAT' };
  return { root: '08', plover: 'CONCEDE' };
}

export function codeCue(cue: TensionCue, reversal: ContextReading['reversal']): Coding & { rule: string } {
  const text = `${cue.rule} ${cue.text.toLowerCase()}`;
  if (reversal === 'easing' && cue.weight > 0 && BY_CATEGORY[cue.category] && !isCooperation(cue.category)) return { ...easedCoding(cue.category, text), rule: 'event-eased-conflict' };
  // A cooperative act refused or broken off ("refused to lift sanctions", "suspended talks") is rejection.
  if (reversal === 'rejecting' && isCooperation(cue.category)) return { root: '12', plover: 'REJECT', rule: 'event-rejected-cooperation' };
  for (const w of BY_WORDS) if (w.categories.includes(cue.category) && w.pattern.test(text)) return { ...w.coding, rule: `event-${cue.category}-by-words` };
  const coding = BY_CATEGORY[cue.category] ?? (cue.weight >= 0 ? { root: '05', plover: 'SUPPORT' as const } : { root: '11', plover: 'DISAPPROVE' as const });
  return { ...coding, rule: `event-${cue.category}` };
}

const COOPERATION_CATEGORIES = new Set(['talks', 'meeting', 'agreement', 'cooperation-aid', 'de-escalation', 'praise']);
function isCooperation(category: string): boolean {
  return COOPERATION_CATEGORIES.has(category);
}

/**
 * The CAMEO root a PLOVER type stands for when only the type is known (the event type classifier chose
 * it): the root the lexicon's codings above give that type (AGREE is 03 intent to cooperate unless a
 * signing made it 05; CONCEDE and RETREAT are both 08 yield). Keeps cameo_root and Goldstein consistent
 * with plover_type.
 */
export const ROOT_BY_PLOVER: Readonly<Record<PloverType, string>> = {
  AGREE: '03', CONSULT: '04', SUPPORT: '05', CONCEDE: '08', COOPERATE: '06', AID: '07', RETREAT: '08', INVESTIGATE: '09',
  DEMAND: '10', DISAPPROVE: '11', REJECT: '12', THREATEN: '13', SANCTION: '16', PROTEST: '14', MOBILIZE: '15', COERCE: '17', ASSAULT: '18', FIGHT: '19',
};

/**
 * The sentence's main event among `events` (sorted by start): the first one with a PLOVER type outside a
 * background phrase and not negated, else the first one with a type; -1 without a typed event. The
 * event type classifier retypes this one, and `eval tension` scores this one.
 */
export function mainEventIndex(events: readonly TensionEvent[]): number {
  let first = -1;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.ploverType === null) continue;
    if (!e.background && e.modality !== 'negated') return i;
    if (first < 0) first = i;
  }
  return first;
}

/** The event with another PLOVER type, its CAMEO root, Goldstein score and quad following the type. */
export function retypeEvent(event: TensionEvent, plover: PloverType, rule: string): TensionEvent {
  if (event.ploverType === plover) return event;
  const root = ROOT_BY_PLOVER[plover];
  return { ...event, ploverType: plover, cameoRoot: root, goldstein: GOLDSTEIN_BY_ROOT[root] ?? 0, quad: QUAD_BY_PLOVER[plover], rule };
}

export function quadOf(root: string, plover: PloverType | null): Quad {
  if (plover) return QUAD_BY_PLOVER[plover];
  const r = Number(root);
  if (r <= 2) return 'none';
  if (r <= 5) return 'verbal_cooperation';
  if (r <= 9) return 'material_cooperation';
  if (r <= 14) return 'verbal_conflict';
  return 'material_conflict';
}

export function eventModality(negated: boolean, demanded: boolean, modality: Modality): EventModality {
  if (negated) return 'negated';
  if (demanded) return 'demanded';
  if (modality === 'hypothetical') return 'conditional';
  return modality;
}

/**
 * Statement and appeal verbs the lexicon leaves alone (CAMEO 01 make statement, 02 appeal): by lemma.
 * "Deny" is CAMEO 016 (deny responsibility), "decline to comment" 011.
 */
const STATEMENT_VERBS = new Set(['say', 'state', 'announce', 'comment', 'deny', 'declare', 'tell', 'add', 'note', 'stress', 'reiterate', 'claim', 'respond', 'reply', 'acknowledge', 'confirm', 'express', 'predict', 'expect', 'decline', 'admit', 'describe', 'explain', 'insist', 'assert', 'argue', 'believe']);
const APPEAL_VERBS = new Set(['urge', 'appeal', 'ask', 'request', 'plead', 'encourage', 'invite', 'implore', 'beg', 'petition', 'propose', 'suggest']);

/** A CAMEO 01/02 trigger at token i, or null: the verb and, for "called on/for", its particle. */
export function statementTrigger(tokens: readonly Token[], i: number): { root: '01' | '02'; last: number; rule: string } | null {
  const t = tokens[i]!;
  if (t.pos !== 'VERB') return null;
  const lemma = typeof t.lemma === 'string' ? t.lemma.toLowerCase() : t.normal;
  if (lemma === 'call' && (tokens[i + 1]?.normal === 'on' || tokens[i + 1]?.normal === 'for' || tokens[i + 1]?.normal === 'upon')) return { root: '02', last: i + 1, rule: 'event-appeal' };
  if (APPEAL_VERBS.has(lemma)) return { root: '02', last: i, rule: 'event-appeal' };
  if (lemma === 'decline' && tokens[i + 1]?.normal === 'to' && tokens[i + 2]?.normal === 'comment') return { root: '01', last: i + 2, rule: 'event-decline-comment' };
  if (lemma === 'deny') return { root: '01', last: i, rule: 'event-denial' };
  if (STATEMENT_VERBS.has(lemma) && lemma !== 'decline') return { root: '01', last: i, rule: 'event-statement' };
  return null;
}

/**
 * Where one clause of a sentence ends and the next begins: a semicolon, or a comma before a conjunction or
 * relative word that opens a clause ("..., and Washington threatened", "..., while Bogota", "..., which").
 */
const CLAUSE_BREAK = /;|,\s*(?:and|but|while|whereas|which|who|where|although|though|yet)\b/giu;

/** The [start, end) of the clause of `text` (within the sentence) that holds [start, end). */
function clauseAround(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): { start: number; end: number } {
  let from = sentenceStart;
  let to = sentenceEnd;
  const sentence = text.slice(sentenceStart, sentenceEnd);
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const at = sentenceStart + m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return { start: from, end: to };
}

/**
 * The date of an event: the DATE or TIME expression nearest to its trigger [start, end) within the
 * trigger's clause, so that in "imposed sanctions on March 3, 2025, officials recalled on Tuesday, and
 * Washington threatened military action in late 2025" the threat takes late 2025, not the nearer Tuesday
 * of another clause; with none in its clause, the nearest in the sentence ("Russia attacked Kyiv on Monday,
 * and Ukraine retaliated": both Monday); with none in the sentence, the publication date.
 */
export function eventDate(text: string, timexes: readonly Timex[], sentenceStart: number, sentenceEnd: number, start: number, end: number, dct: string | null): Pick<TensionEvent, 'eventDate' | 'rangeStart' | 'rangeEnd' | 'dateSource'> {
  let best: Timex | null = null;
  let bestDistance = Infinity;
  let bestInClause = false;
  let clause: { start: number; end: number } | null = null;
  for (const t of timexes) {
    if (t.end <= sentenceStart || t.start >= sentenceEnd || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
    clause ??= clauseAround(text, sentenceStart, sentenceEnd, start, end);
    const inClause = t.start >= clause.start && t.end <= clause.end;
    const distance = t.start >= end ? t.start - end : start >= t.end ? start - t.end : 0;
    if ((inClause && !bestInClause) || (inClause === bestInClause && distance < bestDistance)) {
      best = t;
      bestDistance = distance;
      bestInClause = inClause;
    }
  }
  if (best) return { eventDate: best.value, rangeStart: best.rangeStart, rangeEnd: best.rangeEnd, dateSource: 'timex' };
  if (dct) return { eventDate: dct, rangeStart: dct, rangeEnd: dct, dateSource: 'dct' };
  return { eventDate: null, rangeStart: null, rangeEnd: null, dateSource: null };
}

export function makeEvent(span: { start: number; end: number; text: string }, coding: Coding, rule: string, actors: { source: Actor | null; target: Actor | null; reciprocal: boolean }, modality: EventModality, background: boolean, date: Pick<TensionEvent, 'eventDate' | 'rangeStart' | 'rangeEnd' | 'dateSource'>): TensionEvent {
  return {
    start: span.start,
    end: span.end,
    text: span.text,
    ploverType: coding.plover,
    cameoRoot: coding.root,
    goldstein: GOLDSTEIN_BY_ROOT[coding.root] ?? 0,
    quad: quadOf(coding.root, coding.plover),
    source: actors.source,
    target: actors.target,
    modality,
    reciprocal: actors.reciprocal,
    background,
    eventDate: date.eventDate,
    rangeStart: date.rangeStart,
    rangeEnd: date.rangeEnd,
    dateSource: date.dateSource,
    rule,
  };
}
