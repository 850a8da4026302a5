import type { ArticleDoc } from '../document/types.js';
import type { Candidate } from './candidates.js';
import type { Typing } from './classify.js';

/**
 * What the words around a name say about its kind, without any list of names: "the band God Street
 * Wine", "signed to Deltasonic", "the village of Heydour", "Dark Room Notes are a four-piece band",
 * "born in Houston". Wikipedia and news text define and introduce their names this way, so the cues
 * carry over to names no package lists.
 */
export type ContextKind = 'ORG' | 'LOC' | 'PERSON' | 'MISC';

export interface ContextCue {
  readonly kind: ContextKind;
  /** Which pattern fired: "noun-before", "verb-before", "place-of", "definition", "appositive". */
  readonly cue: string;
}

const ORG_NOUNS =
  'band|group|label|record label|company|firm|team|club|newspaper|magazine|journal|network|channel|station|airline|carrier|publisher|' +
  'manufacturer|retailer|chain|store|brand|party|league|orchestra|ensemble|duo|trio|quartet|quintet|organization|organisation|agency|' +
  'society|association|foundation|corporation|conglomerate|subsidiary|squadron|regiment|institute|studio|developer|distributor|' +
  'broadcaster|franchise|outfit|act|supergroup|choir|union|federation|charity|bank|school|university|college|restaurant|nightclub';
const LOC_NOUNS =
  'village|town|city|parish|county|province|district|municipality|commune|region|state|capital|suburb|hamlet|island|port|' +
  'neighbourhood|neighborhood|borough|township|river|lake|mountain|valley|peninsula|country|settlement|department|canton|prefecture';
const PERSON_NOUNS =
  'singer|songwriter|actor|actress|player|politician|writer|author|poet|painter|artist|musician|guitarist|drummer|bassist|pianist|composer|' +
  'footballer|boxer|pitcher|athlete|businessman|businesswoman|journalist|rapper|dj|scientist|physicist|philosopher|' +
  'lawyer|judge|soldier|officer|general|priest|bishop|architect|engineer|inventor|entrepreneur|coach|manager|novelist|historian|chemist';

/** Works: named, but none of our types ("the album Dead Start Program", "X is the sixth album by Y"). */
const WORK_NOUNS = 'album|single|song|film|movie|novel|book|video game|game|series|sitcom|programme|opera|musical|painting|poem|ep|compilation|soundtrack|documentary';

const WORK_BEFORE = new RegExp(`\\b(?:the|a|an|its|their|his|her|debut|first|second|third|new|hit|live|studio|solo|titled|entitled)\\s+(?:${WORK_NOUNS})\\s*,?\\s*(?:titled\\s+|called\\s+)?$`, 'u');
const ORG_BEFORE = new RegExp(`\\b(?:the|a|an|its|their|his|her|independent|record|rock|pop|punk|metal|jazz|indie|new|rival|local|former|defunct)\\s+(?:${ORG_NOUNS})\\s*,?\\s*$`, 'u');
// "the scientific journal Protein Science", "the South Korean company Amuseworld": up to two modifiers.
const ORG_BEFORE_WIDE = new RegExp(`\\b(?:the|a|an|its|their|his|her)\\s+(?:[\\w'-]+\\s+){1,2}(?:${ORG_NOUNS})\\s*,?\\s*$`, 'u');
// "The Economist magazine", "the Saturn brand", "the CBS Cable channel": the kind noun right after the name.
const ORG_NOUN_AFTER = /^\s+(?:magazine|newspaper|journal|band|label|brand|company|network|channel|station|airline|carrier|club|franchise|retailer|chain|conglomerate)\b(?!\s+[\p{Lu}\d])/u;
const ORG_VERB_BEFORE =
  /\b(?:signed(?: as an? [\w-]+(?: [\w-]+)?)? (?:to|with|for|by)|played (?:for|with)|pitched for|traded to|drafted by|joined|members? of|founding member of|front(?:wo)?man of|drummer of|singer of|guitarist of|bassist of|recorded for|released (?:by|on|through)|owned by|operated by|acquired by|founded|co-founded|sponsored by|employed by|works? for|worked for|(?:coach|captain|manager|chairman|president|ceo) of)\s+(?:the\s+)?$/u;
const LOC_BEFORE = new RegExp(`\\b(?:${LOC_NOUNS})s?\\s+of\\s+(?:the\\s+)?$`, 'u');
const LOC_VERB_BEFORE = /\b(?:born in|located in|situated in|died in|raised in|grew up in|lives in|lived in|north of|south of|east of|west of|near|outskirts of|suburb of)\s+$/u;
// "X is a French dance music record label.", "X, a Richmond-based jazz fusion band,": an article, at most four
// modifiers (no preposition: "a member of teams" says nothing about X), then the kind noun as the head of the phrase,
// ended by punctuation, a preposition, a relative word or a participle ("an early cable network operated by CBS"); the kind
// noun may be capitalized ("BCSWomen is a Specialist Group of the British Computer Society").
const DEFINITION = new RegExp(
  `^\\s*(?:,\\s*|\\s+(?:is|was|are|were)\\s+)(?:an?|the|one of the)\\s+(?:(?!(?:of|at|in|on|for|by|with|from|to|and|or|as)\\b)[\\w'-]+\\s+){0,4}?` +
    `(${ORG_NOUNS}|${LOC_NOUNS}|${PERSON_NOUNS}|${WORK_NOUNS})s?(?=\\s*(?:[.,;:()]|$)|\\s+(?:in|from|based|of|that|which|who|founded|formed|located|with|and|owned|known|by|\\w+ed)\\b)`,
  'iu',
);
const ORG_NOUN_SET = new Set(ORG_NOUNS.split('|'));
const LOC_NOUN_SET = new Set(LOC_NOUNS.split('|'));
const WORK_NOUN_SET = new Set(WORK_NOUNS.split('|'));
/** Heads of event and award names, which the gold types MISC ("Summer Olympics", "Battle of Tucumán", "Outland Trophy"). */
const EVENT_LAST = new Set(['olympics', 'games', 'war', 'wars', 'battle', 'campaign', 'festival', 'championship', 'championships', 'cup', 'bowl', 'tournament', 'award', 'awards', 'trophy', 'prize', 'revolution', 'expo', 'marathon', 'derby', 'draft', 'uprising', 'rebellion', 'crusade', 'massacre', 'treaty']);
const EVENT_FIRST = new Set(['battle', 'battles', 'war', 'wars', 'siege', 'treaty', 'campaign', 'siege', 'revolution', 'invasion']);

/** An event or award by its head word ("Pan American Games", "Battle of Tucumán"). */
export function isEventName(candidate: Candidate): boolean {
  const { keys } = candidate;
  if (keys.length < 2) return false;
  if (EVENT_LAST.has(keys[keys.length - 1]!)) return true;
  return keys.includes('of') && EVENT_FIRST.has(keys[0]!);
}

/** Words a before-pattern can end on; any other last word skips the regular expressions (speed). */
const BEFORE_LAST = new Set(['the', 'to', 'with', 'for', 'by', 'of', 'on', 'through', 'in', 'near', 'joined', 'founded', 'co-founded', 'titled', 'entitled', 'called']);
const WORD_CHAR = /[\p{L}-]/u;

/** The last word of `text`, lower-cased, past trailing spaces and one comma ("the band, " -> "band"). */
function lastWordOf(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 44) end--;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  let start = end;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  return text.slice(start, end).toLowerCase();
}
/** First letters of is, was, are, were. */
const IS_WAS = new Set([105, 119, 97]);
const AFTER_START = /^\s*(?:,|\s(?:is|was|are|were)\s)/u;

/** The cue of one mention's own context, or null. */
export function contextCue(doc: ArticleDoc, candidate: Candidate): ContextCue | null {
  const text = doc.text;
  const rawBefore = text.slice(Math.max(0, candidate.start - 40), candidate.start);
  const lastWord = lastWordOf(rawBefore);
  if (WORK_NOUN_SET.has(lastWord) || ORG_NOUN_SET.has(lastWord) || BEFORE_LAST.has(lastWord)) {
    const before = rawBefore.toLowerCase();
    if (WORK_BEFORE.test(before)) return { kind: 'MISC', cue: 'noun-before' };
    if (ORG_BEFORE.test(before)) return { kind: 'ORG', cue: 'noun-before' };
    if (ORG_NOUN_SET.has(lastWord) && ORG_BEFORE_WIDE.test(before)) return { kind: 'ORG', cue: 'noun-before' };
    if (ORG_VERB_BEFORE.test(before)) return { kind: 'ORG', cue: 'verb-before' };
    if (LOC_BEFORE.test(before)) return { kind: 'LOC', cue: 'place-of' };
    if (LOC_VERB_BEFORE.test(before)) return { kind: 'LOC', cue: 'verb-before' };
  }
  if (text.charCodeAt(candidate.end) === 32 && ORG_NOUN_AFTER.test(text.slice(candidate.end, candidate.end + 16))) return { kind: 'ORG', cue: 'noun-after' };
  // Most names are followed by neither a comma nor "is/was/are/were": skip the slice and the big expression.
  const next = text.charCodeAt(candidate.end);
  if (next !== 44 && !(next === 32 && IS_WAS.has(text.charCodeAt(candidate.end + 1)))) return null;
  const after = text.slice(candidate.end, candidate.end + 70);
  if (!AFTER_START.test(after)) return null;
  const definition = DEFINITION.exec(after);
  if (definition) {
    const noun = definition[1]!.toLowerCase();
    const cue = after.trimStart().startsWith(',') ? 'appositive' : 'definition';
    return { kind: ORG_NOUN_SET.has(noun) ? 'ORG' : LOC_NOUN_SET.has(noun) ? 'LOC' : WORK_NOUN_SET.has(noun) ? 'MISC' : 'PERSON', cue };
  }
  return null;
}

// "Cameo Theatre (now Crobar)", "Les Bains (later Chaos)", "the Doubletree Hotel (formerly the Red Lion)", "Facebook, now Meta,",
// "i-DANCE (formerly known as Intercord Japan)", "Cameo Theatre was renamed Crobar": the gap between two names that are
// one thing under two names, so of one kind.
const RENAME_GAP = /^\s*(?:[(,]\s*(?:now|later|formerly|previously|originally)(?:\s+(?:known as|called|named))?|(?:,\s*)?(?:(?:was|were|is|has been|had been)\s+)?renamed(?:\s+(?:to|as))?)(?:\s+the)?\s+$/iu;
// The next name in the same parenthesis: "Le Loft & Dunes (later Liquid, now Suite)".
const RENAME_CHAIN = /^\s*[,;]\s*(?:now|later|then|formerly|previously)(?:\s+(?:known as|called|named))?(?:\s+the)?\s+$/iu;

/** The gap before a place that tells where the name before it is: "Hotel Essex in Miami Beach", "Crobar, Miami". */
const PLACE_OF_NAME = /^(?:\s+in\s+|\s*,\s*)$/u;

/** For each candidate, the indexes of the candidates naming the same thing before or after a rename. */
export function renamePartners(doc: ArticleDoc, candidates: readonly Candidate[], typings: ReadonlyArray<Typing | null>): Array<number[] | undefined> {
  const partners: Array<number[] | undefined> = [];
  const link = (a: number, b: number): void => {
    (partners[a] ??= []).push(b);
    (partners[b] ??= []).push(a);
  };
  const text = doc.text;
  for (let i = 0; i + 1 < candidates.length; i++) {
    // Most neighbours are far apart: skip the slice for them.
    if (candidates[i + 1]!.start - candidates[i]!.end > 40) continue;
    if (!RENAME_GAP.test(text.slice(candidates[i]!.end, candidates[i + 1]!.start))) continue;
    // "the Doubletree Hotel in San Jose (formerly the Red Lion)": the other name is the hotel's, not its town's.
    const renamed = i > 0 && kindOfTyping(typings[i]) === 'LOC' && PLACE_OF_NAME.test(text.slice(candidates[i - 1]!.end, candidates[i]!.start)) ? i - 1 : i;
    link(renamed, i + 1);
    for (let j = i + 2, prev = i + 1; j < candidates.length; prev = j, j++) {
      if (candidates[j]!.start - candidates[prev]!.end > 30 || !RENAME_CHAIN.test(text.slice(candidates[prev]!.end, candidates[j]!.start))) break;
      link(renamed, j);
    }
  }
  return partners;
}

/**
 * The kind a rule gave a name, as a cue kind. None for nationalities and groups, and none for facilities: a
 * renamed theatre or hotel is the business in it ("Cameo Theatre (now Crobar)"), which WikiGold types ORG.
 */
function kindOfTyping(typing: Typing | null | undefined): ContextKind | undefined {
  if (!typing) return undefined;
  if (typing.type === 'ORG' || typing.type === 'PERSON') return typing.type;
  if (typing.type === 'GPE' || typing.type === 'LOC') return 'LOC';
  return undefined;
}

/**
 * The one kind of a name and its other names (`group`: indexes of candidates). Whole-name data decides
 * (a country, a company suffix: "Dutch East Indies (now Indonesia)"); then a place list, which a single weak clue
 * elsewhere does not outweigh ("Bombay (now Mumbai)"); names all shaped like people's are people ("Norma Jeane
 * Mortenson (later Marilyn Monroe)"); anything else is an organization: what changes its name in news and
 * encyclopedia text is mostly a club, a venue, a company, a label, a team or a station, and one weak person clue
 * ("Nikki Beach") says less than the renaming does.
 */
function renamedKind(group: readonly number[], typings: ReadonlyArray<Typing | null>): ContextKind | null {
  let strongKind: ContextKind | undefined;
  let weakPlace = false;
  let allPeople = true;
  for (const j of group) {
    const typing = typings[j];
    const kind = kindOfTyping(typing);
    if (kind !== 'PERSON') allPeople = false;
    if (!typing || !kind) continue;
    if (typing.strength === 'strong') {
      if (strongKind && strongKind !== kind) return null;
      strongKind = kind;
    } else if (typing.type === 'GPE' || typing.type === 'LOC') weakPlace = true;
  }
  return strongKind ?? (weakPlace ? 'LOC' : allPeople ? 'PERSON' : 'ORG');
}

/**
 * Cues per name for the whole article: a name introduced as a band once is a band in every mention.
 * Keyed by the candidate's words; a name with conflicting cues keeps none.
 */
export function documentCues(doc: ArticleDoc, candidates: readonly Candidate[], typings: ReadonlyArray<Typing | null>): { readonly own: ReadonlyArray<ContextCue | null>; readonly byName: ReadonlyMap<string, ContextKind> } {
  const own = candidates.map((c) => contextCue(doc, c));
  renamePartners(doc, candidates, typings).forEach((linked, i) => {
    if (!linked || own[i]) return;
    const kind = renamedKind([i, ...linked], typings);
    if (kind) own[i] = { kind, cue: 'renamed' };
  });
  const byName = new Map<string, ContextKind | null>();
  candidates.forEach((c, i) => {
    const cue = own[i];
    if (!cue) return;
    const key = c.keys.join(' ');
    const known = byName.get(key);
    byName.set(key, known === undefined || known === cue.kind ? cue.kind : null);
  });
  const settled = new Map<string, ContextKind>();
  for (const [key, kind] of byName) if (kind) settled.set(key, kind);
  return { own, byName: settled };
}
