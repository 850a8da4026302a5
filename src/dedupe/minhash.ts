/**
 * MinHash signatures of an article's word shingles, for finding syndicated and lightly edited copies.
 *
 * Why word shingles of five: a copy with a new headline, a changed dateline, a dropped paragraph or a
 * few reworded sentences keeps most of its five-word runs, while two outlets writing about the same
 * event share names and stock phrases but few five-word runs (measured by `scripts/dedupe-bench.ts`).
 * Why a hand-written module: the npm MinHash implementations we looked at (`minhash` 0.0.9, unmaintained;
 * `bloom-filters`' MinHash, no banding and seeded from a random generator) give neither LSH banding nor
 * signatures that are stable across machines and versions, which stored per-article signatures need.
 */

/** Words per shingle. */
export const SHINGLE_WORDS = 5;
/** Hash functions per signature: LSH_BANDS x LSH_ROWS. */
export const SIGNATURE_SIZE = 128;

/** A MinHash signature: SIGNATURE_SIZE unsigned 32-bit minima, or empty for a text without words. */
/** 128 unsigned 32-bit minima, or none for a text without words (an array or a Uint32Array). */
export type Signature = ArrayLike<number>;

const WORD = /[\p{L}\p{N}]+/gu;

/** Murmur3's 32-bit finalizer: a cheap, well-mixed permutation of 32-bit integers. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a word's UTF-16 units: the same word gives the same hash on every machine. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fixed seeds, one per hash function, derived from a constant so signatures never change between runs. */
const SEEDS: readonly number[] = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

/** Lower-cased word hashes of a text: case, punctuation and spacing edits do not change a shingle. */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) hashes.push(wordHash(match[0]));
  return hashes;
}

/** Distinct shingle hashes; a text shorter than one shingle is one shingle of all its words. */
export function shingleHashes(text: string): Set<number> {
  const words = wordHashes(text);
  const shingles = new Set<number>();
  if (words.length === 0) return shingles;
  const width = Math.min(SHINGLE_WORDS, words.length);
  for (let start = 0; start + width <= words.length; start++) {
    let h = 0;
    for (let k = 0; k < width; k++) h = mix32((h ^ words[start + k]!) + k);
    shingles.add(h);
  }
  return shingles;
}

/** The MinHash signature of a text (empty when it has no words). Linear in the text's length. */
export function minhashSignature(text: string): Signature {
  const shingles = shingleHashes(text);
  if (shingles.size === 0) return [];
  const minima = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      // mix32 inlined: this loop is the whole cost of the signature.
      let h = (shingle ^ SEEDS[i]!) >>> 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < minima[i]!) minima[i] = h;
    }
  }
  return minima;
}

/** Estimated Jaccard similarity of the two shingle sets: the share of equal signature positions. */
export function estimatedJaccard(a: Signature, b: Signature): number {
  if (a.length !== SIGNATURE_SIZE || b.length !== SIGNATURE_SIZE) return 0;
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / SIGNATURE_SIZE;
}

/** A signature as compact text for storage (hex, 8 characters per value). */
export function encodeSignature(signature: Signature): string {
  return Array.from(signature, (v) => v.toString(16).padStart(8, '0')).join('');
}

const HEX_SIGNATURE = /^[0-9a-f]+$/u;

/**
 * The inverse of encodeSignature, as a Uint32Array (512 bytes, where an array of numbers above 2^31
 * takes about four times that: the corpus's signatures are held together while stories are found);
 * null for text that is not a whole signature.
 */
export function decodeSignature(text: string): Uint32Array | null {
  if (text === '') return new Uint32Array(0);
  if (text.length !== SIGNATURE_SIZE * 8 || !HEX_SIGNATURE.test(text)) return null;
  const values = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) values[i] = Number.parseInt(text.slice(i * 8, i * 8 + 8), 16);
  return values;
}
