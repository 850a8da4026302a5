/**
 * The date stage: finds temporal expressions (TimeML TIMEX3: DATE, TIME, DURATION, SET) and
 * normalizes each against the publication date (`doc.dct`).
 *
 * Three steps, HeidelTime's split: (1) every rule's pattern proposes candidate spans, with filters;
 * (2) overlaps are settled, longest span first, then rule order; (3) the survivors are resolved in text
 * order, so anaphoric expressions ("the following day", "a year earlier") can count from the date the
 * text last mentioned. No clock is read: without a DCT, relative parts stay underspecified (XXXX).
 */
import type { ArticleDoc, Diagnostic, Stage, Timex, With } from '../document/types.js';
import { type CalendarPoint, parseIsoDate, valueRange } from './calendar.js';
import type { DatesConfig } from './config.js';
import type { ResolveContext } from './resolve.js';
import type { DateFilterId } from './rules/filters.js';
import { DATE_RULES } from './rules/index.js';
import type { Draft, RuleEnv } from './rules/types.js';
import { type Tense, tenseAt, tokenIndexAt } from './tense.js';

export { datesConfigSchema, type DatesConfig } from './config.js';
export { DATE_RULES } from './rules/index.js';
export { DATE_FILTERS, type DateFilterId } from './rules/filters.js';

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly ruleIndex: number;
  readonly draft: Draft;
}

export type DatesStage = Stage<ArticleDoc, With<'timexes'>, DatesConfig>;

/** A candidate span that a filter dropped: which rule proposed it and which filter (`DATE_FILTERS`) dropped it. */
export interface DroppedCandidate {
  /** UTF-16 offsets into the text, as in the document. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly rule: string;
  readonly filter: DateFilterId;
}

/** Receives each dropped candidate; absent in a normal run, which then records nothing. */
type DropLog = ((dropped: DroppedCandidate) => void) | null;

export const normalizeDates: DatesStage = (doc, config) => runDates(doc, config, null);

/**
 * The date stage's decisions on one document: the timexes it keeps (each with its `rule`) and every
 * candidate a filter dropped, with the filter's id, in the order they were dropped. The timexes are
 * exactly those of `normalizeDates`: recording the decisions changes none of them.
 */
export function explainDates(doc: ArticleDoc, config: Readonly<DatesConfig>): { readonly timexes: readonly Timex[]; readonly dropped: readonly DroppedCandidate[] } {
  const dropped: DroppedCandidate[] = [];
  const timexes = runDates(doc, config, (d) => dropped.push(d)).timexes;
  return { timexes, dropped };
}

function runDates(doc: ArticleDoc, config: Readonly<DatesConfig>, log: DropLog): With<'timexes'> {
  const timexes = resolveCandidates(doc, selectCandidates(findCandidates(doc, log), log, doc.text), config, log);
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  if (!doc.dct && timexes.some((t) => t.value.includes('X') && !t.value.startsWith('P'))) {
    diagnostics.push({ stage: 'dates', message: 'dates: no publication date, so relative dates were left underspecified (XXXX)' });
  }
  return { ...doc, timexes, diagnostics };
}

/**
 * Rules sharing a trigger (seven rules start from a month name) share one scan of it: each distinct
 * trigger, as a global regex, and for each rule the index of its trigger.
 */
const TRIGGERS: RegExp[] = [];
const RULE_TRIGGER: number[] = DATE_RULES.map((rule) => {
  const key = `${rule.trigger.source}/${rule.trigger.flags}`;
  let index = TRIGGERS.findIndex((t) => `${t.source}/${t.flags.replace('g', '')}` === key);
  if (index < 0) index = TRIGGERS.push(new RegExp(rule.trigger.source, `${rule.trigger.flags}g`)) - 1;
  return index;
});

/**
 * Indexes of the paragraphs with a trigger match starting inside them, from one scan of the whole text
 * that moves on to the next paragraph after a hit. A match that runs past its paragraph's end still
 * selects the paragraph: the trigger is a necessary part of every valid match, so running a rule over a
 * paragraph with no real trigger finds nothing, and no paragraph with one is missed.
 */
function paragraphsWithTrigger(trigger: RegExp, text: string, paragraphs: ArticleDoc['paragraphs']): number[] {
  const found: number[] = [];
  let p = 0;
  trigger.lastIndex = 0;
  for (let m = trigger.exec(text); m; m = trigger.exec(text)) {
    while (p < paragraphs.length && paragraphs[p]!.end <= m.index) p++;
    const paragraph = paragraphs[p];
    if (!paragraph) break;
    if (m.index >= paragraph.start) {
      found.push(p);
      trigger.lastIndex = paragraph.end;
      p++;
    } else trigger.lastIndex = Math.max(paragraph.start, m.index + 1);
  }
  return found;
}

function findCandidates(doc: ArticleDoc, log: DropLog): Candidate[] {
  const env: RuleEnv = { text: doc.text, doc };
  const text = doc.text;
  const out: Candidate[] = [];
  // A valid match never crosses a line break, so it lies inside one paragraph: a rule runs only over the
  // paragraphs that contain its trigger.
  const paragraphTexts: (string | undefined)[] = [];
  const triggered: (number[] | undefined)[] = [];
  DATE_RULES.forEach((rule, ruleIndex) => {
    const re = rule.pattern;
    const triggerIndex = RULE_TRIGGER[ruleIndex]!;
    const selected = (triggered[triggerIndex] ??= paragraphsWithTrigger(TRIGGERS[triggerIndex]!, text, doc.paragraphs));
    for (const p of selected) {
      const paragraph = doc.paragraphs[p]!;
      const paragraphText = (paragraphTexts[p] ??= text.slice(paragraph.start, paragraph.end));
      re.lastIndex = 0;
      for (let local = re.exec(paragraphText); local; local = re.exec(paragraphText)) {
        const next = re.lastIndex;
        if (local[0].length === 0) {
          re.lastIndex = next + 1;
          continue;
        }
        // The same match read in the whole text (its offsets are the document's). Where the whole text
        // gives a longer one, it runs across the line break and is rejected, as a scan of the whole text
        // would reject it: the paragraph's view must not turn it into a shorter match.
        re.lastIndex = paragraph.start + local.index;
        const whole = re.exec(text);
        const same = whole !== null && whole.index === paragraph.start + local.index && whole[0] === local[0];
        // A line break inside a match joins a headline to a dateline, or two lines of a paragraph.
        const built: Draft | DateFilterId = same && !whole[0].includes('\n') ? rule.build(whole, env) : 'crosses-line-break';
        if (typeof built !== 'string' && built.end > built.start) {
          out.push({ start: built.start, end: built.end, ruleIndex, draft: built });
          re.lastIndex = next;
        } else {
          if (log) {
            const start = paragraph.start + local.index;
            const end = start + local[0].length;
            log({ start, end, text: text.slice(start, end), rule: rule.id, filter: typeof built === 'string' ? built : 'empty-span' });
          }
          // A rejected match may hide a shorter valid one inside it ("Friday\nSeptember 18, 2008").
          re.lastIndex = local.index + 1;
        }
      }
    }
  });
  return out;
}

/** Longest span first, then rule order; a candidate overlapping an accepted one is dropped. */
function selectCandidates(candidates: Candidate[], log: DropLog, text: string): Candidate[] {
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.ruleIndex - b.ruleIndex || a.start - b.start);
  const accepted: Candidate[] = [];
  // Which code units an accepted span covers: a candidate overlaps one exactly when it covers a taken
  // unit. Checking its own units costs its length; comparing it with every accepted span made a text of
  // thousands of dates quadratic.
  const taken = new Uint8Array(candidates.reduce((end, c) => Math.max(end, c.end), 0));
  for (const c of ordered) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) {
      log?.(dropOf(c, 'overlaps-longer-span', text));
      continue;
    }
    taken.fill(1, c.start, c.end);
    accepted.push(c);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

function dropOf(c: Candidate, filter: DateFilterId, text: string): DroppedCandidate {
  return { start: c.start, end: c.end, text: text.slice(c.start, c.end), rule: DATE_RULES[c.ruleIndex]!.id, filter };
}

function resolveCandidates(doc: ArticleDoc, candidates: readonly Candidate[], config: Readonly<DatesConfig>, log: DropLog): Timex[] {
  const dct = parseIsoDate(doc.dct);
  let previous: CalendarPoint | null = null;
  let previousSentence = -1;
  const sentenceAt = (offset: number): number => doc.tokens[Math.min(tokenIndexAt(doc.tokens, offset), doc.tokens.length - 1)]?.sentence ?? 0;
  const timexes: Timex[] = [];
  for (const c of candidates) {
    let tense: Tense | undefined;
    const ctx: ResolveContext = {
      dct,
      previous,
      sentencesSincePrevious: previous ? sentenceAt(c.start) - previousSentence : Number.POSITIVE_INFINITY,
      config,
      tense: () => (tense ??= tenseAt(doc, c.start, c.end)),
    };
    const resolved = c.draft.resolve(ctx);
    if (!resolved) {
      log?.(dropOf(c, 'no-value', doc.text));
      continue;
    }
    if (resolved.point && (resolved.type === 'DATE' || resolved.type === 'TIME')) {
      previous = resolved.point;
      previousSentence = sentenceAt(c.start);
    }
    const range = resolved.type === 'DATE' || resolved.type === 'TIME' ? valueRange(resolved.value, resolved.mod) : null;
    timexes.push({
      start: c.start,
      end: c.end,
      text: doc.text.slice(c.start, c.end),
      type: resolved.type,
      value: resolved.value,
      mod: resolved.mod,
      rangeStart: range?.start ?? null,
      rangeEnd: range?.end ?? null,
      anchor: resolved.anchor,
      rule: DATE_RULES[c.ruleIndex]!.id,
    });
  }
  return timexes;
}
