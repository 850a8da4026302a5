import { createRequire } from 'node:module';

type DetectAll = (text: string) => Array<{ lang: string; accuracy: number }>;
let detectAllLanguages: DetectAll | undefined;

/** tinyld's tables cost ~100 MB and a second to load: only runs that read articles pay for them. */
function detectAll(text: string): ReturnType<DetectAll> {
  detectAllLanguages ??= (createRequire(import.meta.url)('tinyld') as { detectAll: DetectAll }).detectAll;
  return detectAllLanguages(text);
}

export interface LanguagePolicy {
  readonly policy: 'reject' | 'warn' | 'off';
  readonly minConfidence: number;
  readonly minWords: number;
}

export interface LanguageVerdict {
  readonly english: boolean;
  readonly detected: string | null;
  readonly confidence: number;
}

/**
 * Calls an article non-English only when the detector is confident: enough words, another language
 * on top with at least `minConfidence`, and English far behind. A short English article or a
 * one-line headline is therefore never rejected.
 */
export function checkLanguage(text: string, policy: LanguagePolicy): LanguageVerdict {
  if (policy.policy === 'off') return { english: true, detected: null, confidence: 0 };
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  if (!hasWordsWithLetters(sample, policy.minWords)) return { english: true, detected: null, confidence: 0 };
  // Function words are the surest sign of English; the statistical detector misreads short English
  // text full of names or quotes (''...'') as Dutch or Klingon, so it only gets a say without them.
  if (reachesEnglishFunctionWordShare(sample, 0.12)) return { english: true, detected: 'en', confidence: 1 };
  const ranked = detectAll(sample);
  const top = ranked[0];
  if (!top || top.lang === 'en') return { english: true, detected: top?.lang ?? null, confidence: top?.accuracy ?? 0 };
  // tinyld's raw scores are small even on clear text; its share of the candidates' total is the
  // stable measure of how sure it is.
  const total = ranked.slice(0, 5).reduce((sum, r) => sum + r.accuracy, 0);
  const confidence = total > 0 ? top.accuracy / total : 0;
  const english = ranked.find((r) => r.lang === 'en')?.accuracy ?? 0;
  const confident = confidence >= policy.minConfidence && english < top.accuracy / 4;
  return { english: !confident, detected: top.lang, confidence };
}

const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' '),
);

/*
 * The two counts below run on every article a run reads (HTML pages, CSV rows), so they scan the text
 * once by hand instead of building word arrays with `split`/`match` and a regex per word (that cost
 * ~50 µs per article, as much as parsing its CSV row). They count exactly what these would:
 * `sample.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length` and `text.toLowerCase().match(/\p{L}+/gu)`.
 * ASCII is decided by code; any other code point by the same Unicode property regexes.
 */
const LETTER_AT = /\p{L}/uy;
const SPACE_AT = /\s/uy;

/** Whether the code point at `index` (of a non-ASCII character) is a letter. */
function isLetterAt(text: string, index: number): boolean {
  LETTER_AT.lastIndex = index;
  return LETTER_AT.test(text);
}

/** Code units taken by the code point at `index` (a lone surrogate counts as one). */
function codePointWidth(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

/** Whether the text has at least `minWords` whitespace-separated words holding a letter. */
function hasWordsWithLetters(text: string, minWords: number): boolean {
  if (minWords <= 0) return true;
  let words = 0;
  let counted = false; // the current word already holds a letter
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let space: boolean;
    let letter: boolean;
    let width = 1;
    if (code < 0x80) {
      space = code === 0x20 || (code >= 0x09 && code <= 0x0d);
      letter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    } else {
      SPACE_AT.lastIndex = i;
      space = SPACE_AT.test(text);
      letter = !space && isLetterAt(text, i);
      width = codePointWidth(text, i);
    }
    if (space) counted = false;
    else if (letter && !counted) {
      counted = true;
      if (++words >= minWords) return true;
    }
    i += width;
  }
  return false;
}

/**
 * A function word as a number: its letters a-z as base-27 digits (1-26). Every function word is 1-7
 * ASCII letters, so the number is exact, and a run of letters is looked up without slicing it out.
 */
const LETTER_KEY_LIMIT = 7;
/**
 * The function words' keys in an open-addressing table (0: empty; a key is at least 1). Keys of 7
 * letters pass 2^31, so a `Set` holds them as heap numbers and hashes each lookup (~20 ns, about a
 * hundred lookups a text); here a lookup is a remainder and a compare or two.
 */
const KEY_TABLE_SIZE = 1021;
const FUNCTION_WORD_TABLE = new Float64Array(KEY_TABLE_SIZE);
for (const word of ENGLISH_FUNCTION_WORDS) {
  if (!/^[a-z]{1,7}$/u.test(word)) throw new Error(`language: function word "${word}" is not 1-7 letters a-z`);
  let key = 0;
  for (let i = 0; i < word.length; i++) key = key * 27 + (word.charCodeAt(i) - 0x60);
  let slot = key % KEY_TABLE_SIZE;
  while (FUNCTION_WORD_TABLE[slot] !== 0 && FUNCTION_WORD_TABLE[slot] !== key) slot = (slot + 1) % KEY_TABLE_SIZE;
  FUNCTION_WORD_TABLE[slot] = key;
}

function isFunctionWordKey(key: number): boolean {
  for (let slot = key % KEY_TABLE_SIZE; ; slot = (slot + 1) % KEY_TABLE_SIZE) {
    const entry = FUNCTION_WORD_TABLE[slot]!;
    if (entry === 0) return false;
    if (entry === key) return true;
  }
}

/**
 * Whether at least `share` of the words (runs of letters) of the lowercased text are English function
 * words. It stops as soon as the answer is known: once the hits so far make the share even if every
 * character left began a new word, the rest cannot change it.
 */
function reachesEnglishFunctionWordShare(text: string, share: number): boolean {
  const ascii = reachesShareInAsciiText(text, share);
  return ascii === undefined ? reachesShareInLowercased(text, share) : ascii;
}

/**
 * The count on text that is ASCII as far as it needs to read, lowercased as it goes instead of copied by
 * `toLowerCase` (a copy of every article's text for the young GC). ASCII lowercases one to one, so it
 * counts what `reachesShareInLowercased` counts; undefined at the first other character (its lowercase
 * may be ASCII, as for the Kelvin sign, or two characters, as for U+0130), and the caller counts from
 * the start on the lowercased copy.
 */
function reachesShareInAsciiText(text: string, share: number): boolean | undefined {
  const length = text.length;
  let words = 0;
  let hits = 0;
  let inRun = false;
  let key = 0;
  let letters = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return undefined;
    const lower = code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
    if (lower >= 0x61 && lower <= 0x7a) {
      if (!inRun) {
        inRun = true;
        key = 0;
        letters = 0;
      }
      if (key !== -1) key = ++letters <= LETTER_KEY_LIMIT ? key * 27 + (lower - 0x60) : -1;
    } else if (inRun) {
      inRun = false;
      words++;
      if (key !== -1 && isFunctionWordKey(key)) hits++;
      if (hits / (words + ((length - i) >> 1) + 1) >= share) return true;
    }
  }
  if (inRun) {
    words++;
    if (key !== -1 && isFunctionWordKey(key)) hits++;
  }
  if (words === 0) return 0 >= share;
  return hits / words >= share;
}

function reachesShareInLowercased(text: string, share: number): boolean {
  const lower = text.toLowerCase();
  const length = lower.length;
  let words = 0;
  let hits = 0;
  let inRun = false;
  let key = 0; // the current run's key, -1 once it cannot be a function word
  let letters = 0;
  for (let i = 0; i < length; ) {
    const code = lower.charCodeAt(i);
    let letter: boolean;
    let width = 1;
    if (code < 0x80) letter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    else {
      letter = isLetterAt(lower, i);
      width = codePointWidth(lower, i);
    }
    if (letter) {
      if (!inRun) {
        inRun = true;
        key = 0;
        letters = 0;
      }
      if (key !== -1) key = code >= 0x61 && code <= 0x7a && ++letters <= LETTER_KEY_LIMIT ? key * 27 + (code - 0x60) : -1;
    } else if (inRun) {
      inRun = false;
      words++;
      if (key !== -1 && isFunctionWordKey(key)) hits++;
      // Words can still begin at most every other character from here.
      if (hits / (words + ((length - i) >> 1) + 1) >= share) return true;
    }
    i += width;
  }
  if (inRun) {
    words++;
    if (key !== -1 && isFunctionWordKey(key)) hits++;
  }
  if (words === 0) return 0 >= share;
  return hits / words >= share;
}
