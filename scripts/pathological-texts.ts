/**
 * Texts built of the worst cases for the pipeline's stages, for the pathological-input bench and the
 * fuzzing harness: deterministic (a seeded generator), so a slow case can be reproduced.
 */

/** A small deterministic generator (mulberry32): the same seed gives the same text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const CUE_WORDS = ['threatened', 'sanctions', 'accused', 'condemned', 'attacked', 'talks', 'agreed', 'eased', 'warned', 'imposed', 'strikes', 'troops', 'ceasefire', 'cooperation', 'denounced', 'retaliate'];
const COUNTRIES = ['Colombia', 'the United States', 'Venezuela', 'China', 'Russia', 'Ukraine', 'Iran', 'Israel', 'France', 'Germany', 'Brazil', 'Mexico', 'Japan', 'India'];
const FILLER = ['the', 'government', 'said', 'on', 'that', 'it', 'would', 'and', 'in', 'a', 'statement', 'minister', 'foreign', 'officials', 'after', 'with', 'over', 'border', 'week', 'president'];
const CAPITALIZED = ['Ministry', 'Council', 'Gustavo', 'Petro', 'National', 'Bank', 'Union', 'Party', 'Front', 'Agency', 'Maria', 'Lopez', 'Security', 'Defense', 'Army', 'North', 'South', 'Royal', 'Grand', 'Court'];
const DATE_WORDS = ['January', 'February', 'March', '31', '2026', 'Monday', 'Tuesday', 'next', 'week', 'last', 'year', 'May', '1st', 'December', 'today', 'tomorrow', '12:30', 'noon', 'spring', '2025'];

/** One "sentence" with no sentence punctuation: a scraped page whose markup was stripped. */
export function longSentence(words: number, seed = 1): string {
  const random = seededRandom(seed);
  const out: string[] = [];
  while (out.length < words) {
    const r = random();
    if (r < 0.15) out.push(pick(random, CUE_WORDS));
    else if (r < 0.3) out.push(pick(random, COUNTRIES));
    else out.push(pick(random, FILLER));
  }
  return `${out.join(' ')}\n`;
}

/** Thousands of capitalized words in a row: a list of names, a table column. */
export function capitalizedRun(words: number, seed = 2): string {
  const random = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(random, CAPITALIZED));
  return `${out.join(' ')}\n`;
}

/** Date-like tokens back to back ("January January 31 31 next week 2026 ..."). */
export function dateRun(words: number, seed = 3): string {
  const random = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(random, DATE_WORDS));
  return `${out.join(' ')}\n`;
}
