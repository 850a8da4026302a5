import type { ArticleDoc, Token } from '../document/types.js';
import { resolveCountry } from './countries.js';
import { getLexicon, type Lexicon } from './lexicon.js';
import { nameKey } from './normalize.js';
import { AMBIGUOUS_TITLE_HEADS, GPE_HEADS, LOC_HEADS, NAME_CONNECTORS, NEVER_NAMES, ORG_HEADS, ORG_SUFFIXES, REGIONS, TITLE_HEADS, TITLE_MODIFIERS, TITLE_WORDS } from './vocabulary.js';

/**
 * A candidate name: a run of name tokens [first, last) with the title found before it.
 * Candidates are found from capitalization and data only; `classify.ts` types them.
 */
export interface Candidate {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Token keys (nameKey) of the name tokens. */
  readonly keys: readonly string[];
  /** "President", "former President": kept out of the span. */
  readonly title: string | null;
  /** The candidate came from a title-case line (headline), where capitals prove little. */
  readonly inTitleCase: boolean;
  /** The first token opens a sentence or quote, where capitals prove little. */
  readonly atSentenceStart: boolean;
}

/** Token classes computed once per token. */
interface TokenView {
  readonly token: Token;
  readonly key: string;
  /** Index into `ArticleDoc.tokens`. */
  readonly index: number;
  /** One past the last token of the view (more than index + 1 for a word wink split, see viewTokens). */
  readonly endIndex: number;
  /** Starts with a capital letter (or is a mixed-case brand such as "iPhone"). */
  readonly capital: boolean;
  readonly allCaps: boolean;
  readonly segment: number;
  readonly ambiguousPosition: boolean;
}

const CLOSED_CLASS_POS = new Set(['DET', 'PRON', 'AUX', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'INTJ']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—', '–', '-', '--', '•', '*']);
const LETTER = /\p{L}/u;
const CAPITAL = /^(?:\p{Lu}|\d+\p{Lu})/u;
const MIXED_BRAND = /^\p{Ll}{1,2}\p{Lu}\p{L}/u;
const ALL_CAPS = /^[\p{Lu}\d.&]+$/u;
/** Words a title-case headline leaves in lower case. */
const TITLE_CASE_LOWER = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'over', 'amid', 'after', 'before', 'than', 'out', 'near', 'is', 'are', 'be']);
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'by', 'with', 'from', 'as', 'vs', 'is', 'are', 'its', 'into', 'over', 'after', 'up']);

export function findCandidates(doc: ArticleDoc): Candidate[] {
  const lex = getLexicon();
  const views = viewTokens(doc);
  const titleCaseSegments = findTitleCaseSegments(views);
  const provenNames = collectProvenNames(views, titleCaseSegments);

  // Runs and bridges ask about the same token several times; answer each once.
  const memo = new Int8Array(views.length);
  const isNameToken = (i: number): boolean => {
    if (memo[i] === 0) memo[i] = decideNameToken(i) ? 1 : 2;
    return memo[i] === 1;
  };
  const decideNameToken = (i: number): boolean => {
    const v = views[i]!;
    // "883JIA FM": digits glued to a capitalized word are part of the name.
    if (!v.capital && /^\d+$/u.test(v.token.value) && views[i + 1]?.capital && !views[i + 1]!.token.spaceBefore) return true;
    if (!v.capital || NEVER_NAMES.has(v.key)) return false;
    if (inDateline(doc, v.token)) return false;
    const ambiguous = v.ambiguousPosition || titleCaseSegments.has(v.segment);
    // "Athletics Triple A", "Divizia A", "Class A California League": in running prose the article is "a", so a
    // capital "A" right after a name is a letter of the name.
    if (v.token.value === 'A' && !ambiguous && views[i - 1]?.capital && !views[i - 1]!.allCaps && views[i - 1]!.segment === v.segment && views[i - 1]!.key !== 'the') return true;
    // "The" capitalized inside a sentence belongs to the name ("bands like The Ramones", "at The University of Texas").
    if (v.key === 'the' && v.token.value === 'The' && !ambiguous && views[i + 1]?.capital && views[i + 1]!.segment === v.segment) return true;
    if (CLOSED_CLASS_POS.has(v.token.pos) && (lex.commonWords.has(v.key) || FUNCTION_WORDS.has(v.key))) {
      // "The", "In", "He" at a sentence start, "to" or "And" in a headline.
      // "John Near": inside prose, a capitalized closed-class word right after a name continues it.
      if (!ambiguous && v.token.pos === 'ADP' && !FUNCTION_WORDS.has(v.key) && views[i - 1]?.capital && views[i - 1]!.segment === v.segment) return true;
      return ambiguous && hasNameEvidence(v, lex, provenNames) && !FUNCTION_WORDS.has(v.key);
    }
    if (!ambiguous) return true;
    // "Foreign Minister Sergei Lavrov said": a title opening a sentence is kept so it can be taken out as a title.
    if (TITLE_WORDS.has(v.key) && views[i + 1]?.capital && views[i + 1]!.segment === v.segment && !titleCaseSegments.has(v.segment)) return true;
    return hasNameEvidence(v, lex, provenNames) || startsKnownName(views, i, lex) || (!titleCaseSegments.has(v.segment) && (singularSubjectOfVerb(views, i) || opensOrganizationName(views, i, lex, provenNames)));
  };

  const candidates: Candidate[] = [];
  let i = 0;
  while (i < views.length) {
    if (!isNameToken(i)) {
      i++;
      continue;
    }
    const prefix = hyphenPrefix(views, i);
    if (prefix === 'modifier') {
      // "the All-Time University of Texas team", "an All-American": the capitalized compound is a modifier, and
      // its tail is no name of its own.
      i++;
      while (i < views.length && !views[i]!.token.spaceBefore && views[i]!.segment === views[i - 1]!.segment) i++;
      continue;
    }
    // Grow the run: name tokens, connectors between name tokens, and hyphens inside words.
    let last = i + 1;
    while (last < views.length) {
      const v = views[last]!;
      if (v.segment !== views[i]!.segment) break;
      if (isNameToken(last)) {
        last++;
        continue;
      }
      const bridge = bridgeLength(views, last, isNameToken);
      if (bridge > 0) {
        last += bridge;
        continue;
      }
      break;
    }
    const pieces = splitRun(views, i, last, lex);
    // "albums by i-DANCE": a one-letter lower-case prefix is part of the brand.
    if (prefix === 'letter' && pieces[0]![0] === i) pieces[0]![0] = i - 2;
    for (const piece of pieces) {
      const candidate = makeCandidate(doc, views, piece[0], piece[1], titleCaseSegments, lex);
      if (candidate) candidates.push(candidate);
    }
    i = last;
  }
  return candidates;
}

/**
 * What glues a word-initial hyphen to the name token at `at`: a capitalized word that is no name token itself
 * ("All-Time", "All-American": the whole compound is a modifier), a lower-case letter ("i-DANCE": a brand), or
 * nothing of either kind ("pro-Spanish", "post-World War II", "Jean-Pierre" joined by the run).
 */
function hyphenPrefix(views: readonly TokenView[], at: number): 'modifier' | 'letter' | undefined {
  const hyphen = views[at - 1];
  const word = views[at - 2];
  if (!hyphen || !word || hyphen.token.value !== '-' || hyphen.token.spaceBefore || views[at]!.token.spaceBefore) return undefined;
  if (word.segment !== views[at]!.segment || !LETTERS_ONLY.test(word.token.value)) return undefined;
  if (word.capital) return 'modifier';
  return word.token.value.length === 1 ? 'letter' : undefined;
}

function viewTokens(doc: ArticleDoc): TokenView[] {
  const { text, tokens } = doc;
  const views: TokenView[] = [];
  let segment = 0;
  let previous: Token | undefined;
  let segmentOpen = true;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.pos === 'SPACE' || token.value.trim() === '') {
      if (token.value.includes('\n')) segmentOpen = true;
      continue;
    }
    if (previous && (previous.sentence !== token.sentence || hasNewline(text, previous.end, token.start))) {
      segment++;
      segmentOpen = true;
    }
    // wink splits a word at letters outside its alphabet ("Bucure|ş|ti", "Š|ibenik", "Ł|ód|ź"): glue the
    // fragments back into one word, so "Steaua Bucureşti" is one name with the key "bucuresti".
    if (previous && !token.spaceBefore && views.length > 0 && isSplitWord(views[views.length - 1]!.token.value, token.value)) {
      const joined = views.pop()!;
      const value = text.slice(joined.token.start, token.end);
      const pos = joined.token.pos === 'PROPN' || token.pos === 'PROPN' ? 'PROPN' : joined.token.pos === 'X' ? token.pos : joined.token.pos;
      const merged: Token = { ...joined.token, value, normal: value.toLowerCase(), lemma: value.toLowerCase(), pos, end: token.end };
      const capital = isCapitalized(value);
      views.push({ ...joined, token: merged, endIndex: index + 1, key: nameKey(value), capital, allCaps: capital && value.length >= 2 && ALL_CAPS.test(value) && /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(value) });
      previous = token;
      continue;
    }
    const value = token.value;
    const capital = isCapitalized(value);
    // A spaced dash opens a clause ("BOGOTÁ — Colombian ..."); a hyphen inside a word ("Liberal-Labour") does not.
    const opener = previous !== undefined && OPENERS.has(previous.value) && !(previous.value === '-' && !previous.spaceBefore && !token.spaceBefore);
    const ambiguousPosition = segmentOpen || opener;
    views.push({
      token,
      index,
      endIndex: index + 1,
      key: SIMPLE_KEY.test(token.normal) ? token.normal : nameKey(value),
      capital,
      allCaps: capital && value.length >= 2 && ALL_CAPS.test(value) && /\p{Lu}.*\p{Lu}|\p{Lu}\./u.test(value),
      segment,
      ambiguousPosition,
    });
    segmentOpen = false;
    previous = token;
  }
  return views;
}

const SIMPLE_KEY = /^[a-z0-9]+$/u;
const LETTERS_ONLY = /^\p{L}+$/u;
const NON_ASCII_LETTER = /[^\x00-\x7f]/u;

/** Two letter tokens with no space between them, where one side is a letter wink's tokenizer does not know. */
function isSplitWord(before: string, after: string): boolean {
  if (!LETTERS_ONLY.test(before) || !LETTERS_ONLY.test(after)) return false;
  return NON_ASCII_LETTER.test(before[before.length - 1]!) || NON_ASCII_LETTER.test(after[0]!);
}
/** Role acronyms written after a name ("Apple Computer CEO", "Liberal-Labour MPP"): members of parliaments and officers. */
const ROLE_ACRONYMS = new Set(['ceo', 'cfo', 'coo', 'cto', 'cio', 'mp', 'mpp', 'mla', 'mep', 'msp', 'mha', 'mna']);
const WEAK_CONNECTORS = new Set(['for', 'on', 'upon']);
/** Legal-form words that end a company name: a name after them is a new name ("Chrysler LLC Jim Press"). */
const LEGAL_FORMS = new Set(['inc', 'corp', 'llc', 'ltd', 'plc', 'co', 'nv', 'ag', 'sa', 'gmbh', 'bv', 'spa', 'llp']);

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function isCapitalized(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  // Plain lower-case ASCII words are the common case: only a mixed-case brand ("iPhone") counts.
  if (c >= 97 && c <= 122) return value.length > 2 && MIXED_BRAND.test(value);
  return LETTER.test(value) && (CAPITAL.test(value) || MIXED_BRAND.test(value));
}

/**
 * A segment (a sentence within one line) is title case when nearly all its content words are
 * capitalized: a headline such as "Petro to Meet Donald Trump at the White House".
 */
function findTitleCaseSegments(views: readonly TokenView[]): Set<number> {
  const counts = new Map<number, { words: number; capitals: number; lowerContent: number }>();
  for (const v of views) {
    if (!LETTER.test(v.token.value)) continue;
    const c = counts.get(v.segment) ?? { words: 0, capitals: 0, lowerContent: 0 };
    c.words++;
    if (v.capital) c.capitals++;
    // Title case leaves only short function words in lower case ("Petro to Meet Donald Trump at the ...").
    else if (!TITLE_CASE_LOWER.has(v.key) && v.token.pos !== 'PART' && v.token.pos !== 'ADP' && v.token.pos !== 'DET' && v.token.pos !== 'CCONJ') c.lowerContent++;
    counts.set(v.segment, c);
  }
  const segments = new Set<number>();
  for (const [segment, c] of counts) if (c.words >= 3 && c.lowerContent === 0 && c.capitals / c.words >= 0.6) segments.add(segment);
  return segments;
}

/** Words capitalized where capitals mean something: inside running prose, not after a sentence start. */
function collectProvenNames(views: readonly TokenView[], titleCase: ReadonlySet<number>): Set<string> {
  const proven = new Set<string>();
  for (const v of views) if (v.capital && !v.ambiguousPosition && !titleCase.has(v.segment)) proven.add(v.token.value);
  return proven;
}

/**
 * "Apple said on Tuesday ...", "Apple's shares ...": a sentence-initial singular word tagged as a proper
 * noun and directly followed by a verb or a possessive is a name even when it is also a common word ("Officials said" is plural).
 */
function singularSubjectOfVerb(views: readonly TokenView[], at: number): boolean {
  const v = views[at]!;
  const next = views[at + 1];
  if (!next || next.segment !== v.segment || v.token.pos !== 'PROPN') return false;
  if (next.token.pos !== 'VERB' && next.token.pos !== 'AUX' && next.token.value !== "'s" && next.token.value !== '’s') return false;
  return v.token.lemma.toLowerCase() === v.key && !/s$/u.test(v.key);
}

/**
 * "Distance Records is a French label": an ordinary word opening a sentence is the first word of a name when the
 * capitalized words right after it end in an organization word ("Records", "Band", "Bank") within three words.
 */
function opensOrganizationName(views: readonly TokenView[], at: number, lex: Lexicon, proven: ReadonlySet<string>): boolean {
  const v = views[at]!;
  // At a sentence start only: after a quote or an apostrophe ("Airbus' Delivery Center") the word may be anything.
  if (views[at - 1]?.segment === v.segment) return false;
  if (v.token.pos !== 'NOUN' && v.token.pos !== 'PROPN' && v.token.pos !== 'ADJ') return false;
  for (let j = at + 1; j < Math.min(views.length, at + 4); j++) {
    const w = views[j]!;
    if (w.segment !== v.segment || !w.capital || w.ambiguousPosition) return false;
    if (ORG_SUFFIXES.has(w.key) || lex.orgSuffixes.has(w.key)) return !views[j + 1]?.capital || views[j + 1]!.segment !== v.segment;
    // "Yesterday Apple Inc. said": the words after it are a name of their own.
    if (hasNameEvidence(w, lex, proven)) return false;
  }
  return false;
}

/** A multi-word name from the data starts here ("General Motors" at a sentence start, where "General" alone proves nothing). */
function startsKnownName(views: readonly TokenView[], at: number, lex: Lexicon): boolean {
  const parts: string[] = [views[at]!.key];
  for (let j = at + 1; j < Math.min(views.length, at + 4); j++) {
    const v = views[j]!;
    if (v.segment !== views[at]!.segment) break;
    parts.push(v.key);
    const key = parts.join(' ');
    if (lex.organizations.has(key) || lex.people.has(key) || lex.cities.has(key) || lex.regions.has(key) || lex.places.has(key)) return true;
    if (REGIONS.has(key) || resolveCountry(key)) return true;
  }
  return false;
}

function hasNameEvidence(v: TokenView, lex: Lexicon, proven: ReadonlySet<string>): boolean {
  if (proven.has(v.token.value)) return true;
  if (v.allCaps) return true;
  const key = v.key;
  if (lex.firstNames.has(key) || lex.lastNames.has(key) || lex.cities.has(key) || lex.regions.has(key)) return true;
  if (lex.places.has(key) || lex.organizations.has(key) || lex.demonyms.has(key) || lex.people.has(key)) return true;
  if (resolveCountry(v.token.value)) return true;
  return !lex.commonWords.has(key) && !lex.commonWords.has(v.token.lemma.toLowerCase());
}

/** Number of tokens that join two name tokens at `at` ("of", "of the", "&", a hyphen inside a word), or 0. */
function bridgeLength(views: readonly TokenView[], at: number, isName: (i: number) => boolean): number {
  const v = views[at]!;
  const next = views[at + 1];
  if (!next || next.segment !== v.segment) return 0;
  if (v.token.value === '-' && !next.token.spaceBefore && !v.token.spaceBefore && isName(at + 1)) return 1;
  if (!NAME_CONNECTORS.has(v.token.value)) return 0;
  // "for" and "on" join only after an organization word ("Council for ...", "Committee on ..."),
  // never a name and its topic ("Apple for iPhone").
  if (WEAK_CONNECTORS.has(v.token.value)) {
    const before = views[at - 1];
    if (!before || !(ORG_SUFFIXES.has(before.key) || ORG_HEADS.has(before.key))) return 0;
  }
  if (isName(at + 1)) return 1;
  const after = views[at + 2];
  if (v.token.value === 'of' && next.token.value === 'the' && after && after.segment === v.segment && isName(at + 2)) return 2;
  return 0;
}

/**
 * Splits a run at places where two names meet: "Boeing and Lockheed Martin", "US-Colombia",
 * "Colombian President Gustavo Petro" (a title between a nationality and a person).
 */
function splitRun(views: readonly TokenView[], first: number, last: number, lex: Lexicon): Array<[number, number]> {
  const whole = keyOf(views, first, last);
  if (lex.organizations.has(whole) || lex.people.has(whole) || resolveCountry(whole)) return [[first, last]];
  const pieces: Array<[number, number]> = [];
  let start = first;
  const lastKey = views[last - 1]!.key;
  const orgEnding = ORG_SUFFIXES.has(lastKey) || lex.orgSuffixes.has(lastKey);
  for (let i = first; i < last; i++) {
    const v = views[i]!;
    const value = v.token.value;
    if (value === 'of' && i > start && splitsAtOf(views, start, i, last, lex)) {
      // "Dr Sue Black of the University of Westminster", "Prime Minister of Singapore".
      pieces.push([start, i]);
      start = i + 1;
      if (views[start]?.key === 'the') start++;
    } else if (i > start + 1 && v.capital && lex.firstNames.has(v.key) && !lex.commonWords.has(v.key) && isRoleWord(views[i - 1]!, lex, v)) {
      // "County Coroner William McLaughlin": the role and the name start a new piece, where the role
      // becomes the title; a run that starts with the role ("Engineer John Greiner") needs no split.
      let k = i - 1;
      while (k > start && (isRoleWord(views[k - 1]!, lex, views[k]) || TITLE_WORDS.has(views[k - 1]!.key))) k--;
      if (k > start) {
        pieces.push([start, k]);
        start = k;
      }
    } else if (i > start && ((LEGAL_FORMS.has(views[i - 1]!.key) && v.capital) || (v.allCaps && !LEGAL_FORMS.has(v.key) && endsOrganization(views[i - 1]!, lex) && i - 1 > start))) {
      // "Chrysler LLC | Jim Press", "... Space Company | EADS N.V.": a name after a complete company name; an
      // organization word alone is not one ("Club BED").
      pieces.push([start, i]);
      start = i;
    } else if (value === 'and' && ((!orgEnding && !insideOrgOf(views, start, i, last, lex)) || endsOrganization(views[i - 1]!, lex))) {
      // "Dallas Morning News and Houston Post": an organization word before "and" closes the first name.
      pieces.push([start, i]);
      start = i + 1;
    } else if (i > start && TITLE_WORDS.has(v.key) && !TITLE_WORDS.has(views[i - 1]!.key) && titleBeforeName(views, i, last, lex)) {
      // "Colombian President Gustavo Petro", "Apple CEO Steve Jobs": the title starts a new piece.
      pieces.push([start, i]);
      start = i;
    } else if (i > start && i + 1 < last && roleAfterAcronym(views, i, last, lex)) {
      // "the NFL Champion Baltimore Colts", "BBC Correspondent John Simpson": an acronym is a whole name, and a
      // role after it introduces the next name.
      pieces.push([start, i]);
      start = i;
    } else if (value === '-' && i > start) {
      // "US-Colombia" names two places; "Rolls-Royce" is one name.
      const left = views[i - 1]!.token.value;
      const right = views[i + 1]?.token.value ?? '';
      const isCountry = (t: string): boolean => (resolveCountry(t)?.via ?? 'demonym') !== 'demonym';
      if (isCountry(left) || isCountry(right)) {
        pieces.push([start, i]);
        start = i + 1;
      }
    }
  }
  pieces.push([start, last]);
  // A split can leave a connector at a piece's edge ("Oakland Athletics of | Major League Baseball"): trim it.
  const trimmed: Array<[number, number]> = [];
  for (let [a, b] of pieces) {
    while (a < b && isConnector(views[a]!)) a++;
    while (b > a && isConnector(views[b - 1]!)) b--;
    // "the Liberal-Labour MPP for Kenora", "a former United Farmers of Ontario MPP": a role acronym after a
    // name says what the person is, and is no part of the party or company.
    if (b - a >= 2 && views[b - 1]!.allCaps && ROLE_ACRONYMS.has(views[b - 1]!.key)) b--;
    if (b > a) trimmed.push([a, b]);
  }
  return trimmed;
}

/** "NFL | Champion Baltimore Colts": a singular role noun from compromise's list between an acronym and a name. */
function roleAfterAcronym(views: readonly TokenView[], at: number, last: number, lex: Lexicon): boolean {
  const v = views[at]!;
  if (!v.capital || v.allCaps || !views[at - 1]!.allCaps || TITLE_WORDS.has(v.key) || !lex.roles.has(v.key) || /s$/u.test(v.key)) return false;
  if (!views[at + 1]!.capital) return false;
  const end = views[last - 1]!.key;
  return !(ORG_SUFFIXES.has(end) || lex.orgSuffixes.has(end));
}

/**
 * A capitalized role noun: from compromise's role list, our title heads, or, right before a known
 * first name, a common noun with an agent ending ("Engineer John Greiner", "Coroner William McLaughlin").
 */
function endsOrganization(v: TokenView, lex: Lexicon): boolean {
  return v.capital && (ORG_SUFFIXES.has(v.key) || LEGAL_FORMS.has(v.key)) && lex.orgSuffixes.has(v.key);
}

function isRoleWord(v: TokenView, lex: Lexicon, next?: TokenView): boolean {
  if (!v.capital) return false;
  if (lex.roles.has(v.key) || TITLE_HEADS.has(v.key)) return true;
  if (!next || !lex.firstNames.has(next.key) || lex.commonWords.has(next.key)) return false;
  return AGENT_ENDING.test(v.key) && !lex.firstNames.has(v.key) && !lex.lastNames.has(v.key) && !lex.worldCities.has(v.key);
}
const AGENT_ENDING = /(?:er|or|ist|ian|man|woman|ant|ent)$/u;

/** "Department of Physics and Astronomy": an "and" after an organization head and "of" joins the topic. */
function insideOrgOf(views: readonly TokenView[], start: number, at: number, last: number, lex: Lexicon): boolean {
  let sawOrgOf = false;
  for (let k = start + 1; k < at; k++) {
    const v = views[k]!;
    if ((v.key === 'of' || v.key === 'for') && (ORG_HEADS.has(views[k - 1]!.key) || lex.orgSuffixes.has(views[k - 1]!.key))) sawOrgOf = true;
  }
  if (!sawOrgOf || last - at - 1 > 2) return false;
  for (let k = at + 1; k < last; k++) {
    const key = views[k]!.key;
    if (ORG_SUFFIXES.has(key) || lex.orgSuffixes.has(key) || lex.companyWords.has(key) || lex.organizations.has(key)) return false;
  }
  return true;
}

/** "X of Y" is two names when X is a person or only a role: "Sue Black of ...", "Chairman of ...". */
function splitsAtOf(views: readonly TokenView[], start: number, at: number, last: number, lex: Lexicon): boolean {
  if (at + 1 >= last) return false;
  const left = views.slice(start, at);
  // "Hassan of Morocco", "Queen of England": a country after "of" is its own name unless the word
  // before "of" makes one name of both ("Bank of England", "Republic of Ireland", "Gulf of Mexico").
  const head = views[at - 1]!.key;
  const rest = views.slice(views[at + 1]?.key === 'the' ? at + 2 : at + 1, last).map((v) => v.token.value).join(' ');
  const country = resolveCountry(rest);
  if (country && country.via !== 'demonym' && !ORG_HEADS.has(head) && !GPE_HEADS.has(head) && !LOC_HEADS.has(head) && !ORG_SUFFIXES.has(head) && !lex.orgSuffixes.has(head)) return true;
  if (left.every((v) => TITLE_WORDS.has(v.key) || lex.roles.has(v.key) || !v.capital)) return true;
  // "Dr Sue Black of ...": the title before the name does not count, and makes a common first name ("Sue") a name.
  let from = 0;
  while (from < left.length - 2 && TITLE_WORDS.has(left[from]!.key)) from++;
  const name = left.slice(from);
  const first = name[0]!;
  return name.length >= 2 && name.length <= 3 && lex.firstNames.has(first.key) && (from > 0 || !lex.commonWords.has(first.key)) && !ORG_SUFFIXES.has(name[name.length - 1]!.key);
}

/** True when a title with a head word starts at `at` and a name that is not an organization follows it. */
function titleBeforeName(views: readonly TokenView[], at: number, last: number, lex: Lexicon): boolean {
  let j = at;
  let sawHead = false;
  while (j < last && TITLE_WORDS.has(views[j]!.key)) {
    if (TITLE_HEADS.has(views[j]!.key)) sawHead = true;
    j++;
  }
  if (!sawHead) return false;
  // "Colombian President" ends in a title; "Damian King", "Alexander Pope" end in a surname.
  if (j >= last) return resolveCountry(views[at - 1]!.token.value) !== null || lex.organizations.has(views[at - 1]!.key);
  const end = views[last - 1]!.key;
  return !(ORG_SUFFIXES.has(end) || lex.orgSuffixes.has(end));
}

function isConnector(v: TokenView): boolean {
  return !v.capital && !/^\d+$/u.test(v.token.value);
}

function keyOf(views: readonly TokenView[], first: number, last: number): string {
  const parts: string[] = [];
  for (let i = first; i < last; i++) parts.push(views[i]!.key);
  return nameKey(parts.join(' '));
}

/**
 * Builds a candidate from a run, taking a leading title out of the span: "President Gustavo Petro"
 * gives "Gustavo Petro" with title "President". A run that is only a title gives nothing.
 */
function makeCandidate(
  doc: ArticleDoc,
  views: readonly TokenView[],
  first: number,
  last: number,
  titleCase: ReadonlySet<number>,
  lex: Lexicon,
): Candidate | null {
  let nameFirst = first;
  let titleFirst = -1;
  // A title is a run of title words that contains a head word ("Foreign Minister", "Chief Executive").
  let j = first;
  let sawHead = false;
  let listedHead = false;
  while (j < last && (TITLE_WORDS.has(views[j]!.key) || isRoleWord(views[j]!, lex, views[j + 1]) || (sawHead && views[j]!.key === 'of' && j + 1 < last))) {
    if (TITLE_HEADS.has(views[j]!.key)) listedHead = true;
    if (TITLE_HEADS.has(views[j]!.key) || isRoleWord(views[j]!, lex, views[j + 1])) sawHead = true;
    j++;
  }
  // compromise's role nouns include ordinary words ("Pawn Shop", "Spirit Store", "Baby Grand"): such a role is
  // a title only before a person-like name (a first name, or a word that is not a common word).
  if (sawHead && !listedHead && j < last) {
    const rest = views.slice(j, last);
    if (!lex.firstNames.has(rest[0]!.key) && rest.every((v) => lex.commonWords.has(v.key))) sawHead = false;
  }
  const wholeKnown = lex.organizations.has(keyOf(views, first, last));
  // "Major League Baseball", "General Electric": a head that is also an ordinary word is a title only
  // before a person-like name.
  if (sawHead && j < last && j - first === 1 && AMBIGUOUS_TITLE_HEADS.has(views[first]!.key)) {
    const rest = views.slice(j, last);
    const personLike = lex.firstNames.has(rest[0]!.key) || rest.some((v) => !lex.commonWords.has(v.key));
    if (!personLike) sawHead = false;
  }
  if (sawHead && !wholeKnown) {
    // "General Motors", "Chief Executive Office": the words after the title make an organization.
    const rest = views[last - 1]!.key;
    const orgLike = ORG_SUFFIXES.has(rest) || lex.orgSuffixes.has(rest);
    if (j >= last && !namesGroup(views, first, last)) return null;
    if (!orgLike && j < last) {
      titleFirst = first;
      nameFirst = j;
    }
  }
  // Strip a trailing "of" left by a title such as "Secretary of".
  while (nameFirst < last && isConnector(views[nameFirst]!) && !(nameFirst + 2 < last && hyphenPrefix(views, nameFirst + 2) === 'letter')) nameFirst++;
  if (nameFirst >= last) return null;
  // A piece that is only titles and roles ("Chairman", "Chief Operating Officer") names no one.
  let onlyRoles = true;
  for (let k = nameFirst; k < last; k++) if (!(TITLE_WORDS.has(views[k]!.key) || lex.roles.has(views[k]!.key) || !views[k]!.capital)) onlyRoles = false;
  if (onlyRoles && !namesGroup(views, nameFirst, last)) return null;
  let title: string | null = null;
  const text = doc.text;
  if (titleFirst >= 0) {
    let titleStart = views[titleFirst]!.token.start;
    const before = views[titleFirst - 1];
    if (before && before.segment === views[titleFirst]!.segment && TITLE_MODIFIERS.has(before.key)) titleStart = before.token.start;
    title = text.slice(titleStart, views[nameFirst - 1]!.token.end).replace(/\s+of$/u, '');
  } else {
    const before = views[first - 1];
    if (before && before.segment === views[first]!.segment && !before.capital && lex.roles.has(before.key)) {
      const modifier = views[first - 2];
      const start = modifier && modifier.segment === before.segment && TITLE_MODIFIERS.has(modifier.key) ? modifier.token.start : before.token.start;
      title = text.slice(start, before.token.end);
    }
  }
  // Trailing periods belong to abbreviations ("Inc.", "N.V.", "Jr."), never to a sentence end we can see here.
  const start = views[nameFirst]!.token.start;
  // "Macy's in 2006", "Dillard's was added": a possessive that possesses nothing is part of a shop's name.
  const ownsNothing = possessiveIsName(views, last);
  const end = ownsNothing ? views[last]!.token.end : views[last - 1]!.token.end;
  const keys: string[] = [];
  for (let i = nameFirst; i < last; i++) keys.push(views[i]!.key);
  return {
    first: views[nameFirst]!.index,
    last: ownsNothing ? views[last]!.endIndex : views[last - 1]!.endIndex,
    start,
    end,
    text: text.slice(start, end),
    keys,
    title,
    inTitleCase: titleCase.has(views[nameFirst]!.segment),
    atSentenceStart: views[nameFirst]!.ambiguousPosition,
  };
}

/**
 * "for the Patriots", "recalled by the Athletics": a capitalized plural role noun after a lower-case "the"
 * in running prose names a team or a group; a role is written in lower case there ("the patriots").
 */
function namesGroup(views: readonly TokenView[], first: number, last: number): boolean {
  if (last - first !== 1) return false;
  const v = views[first]!;
  const the = views[first - 1];
  if (!the || the.token.value !== 'the' || the.segment !== v.segment || v.ambiguousPosition || v.allCaps) return false;
  if (v.token.pos !== 'PROPN' && v.token.pos !== 'NOUN') return false;
  const next = views[first + 1];
  // "the Directors of the company", "the Patriots' coach" stay roles or owners.
  if (next && next.segment === v.segment && (next.key === 'of' || POSSESSIVE.has(next.token.value))) return false;
  return /[^s]s$/u.test(v.key);
}

const POSSESSIVE = new Set(["'s", '’s']);
/** Part-of-speech tags after which a possessive owns no noun: "Macy's in 2006", "Lua's, and", "Dillard's was". */
const NOT_POSSESSED = new Set(['PUNCT', 'VERB', 'AUX', 'ADP', 'CCONJ']);
const CLAUSE_PUNCT = new Set([',', ';', ':']);

function possessiveIsName(views: readonly TokenView[], at: number): boolean {
  const v = views[at];
  if (!v || !POSSESSIVE.has(v.token.value) || v.token.spaceBefore || v.segment !== views[at - 1]?.segment) return false;
  const next = views[at + 1];
  if (!next || next.segment !== v.segment) return false;
  // Only a clause boundary, a verb, a preposition or a conjunction may follow: not a sentence end ("... than
  // Apple's."), a bracket ("Japan's (ANA)") or a quote, after which the owned thing may still come.
  if (next.token.pos === 'PUNCT' && !CLAUSE_PUNCT.has(next.token.value)) return false;
  // A country is never a shop ("Japan's, ...").
  return NOT_POSSESSED.has(next.token.pos) && resolveCountry(views[at - 1]!.token.value) === null;
}

function inDateline(doc: ArticleDoc, token: Token): boolean {
  return doc.dateline !== null && token.start >= doc.dateline.start && token.end <= doc.dateline.end;
}
