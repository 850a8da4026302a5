import { estimatedJaccard, SIGNATURE_SIZE, type Signature } from './minhash.js';

/**
 * Stories: clusters of near-duplicate articles found by LSH banding over MinHash signatures.
 *
 * Banding (42 bands of 3 rows) makes two articles candidates when any band agrees: a pair with Jaccard
 * 0.4 becomes a candidate with probability 0.94, one with 0.5 with 0.996, one with 0.1 with 0.04. Each
 * candidate pair is then kept only when its estimated Jaccard reaches the threshold, so the banding
 * decides the cost and the threshold decides the answer.
 */
export const LSH_BANDS = 42;
export const LSH_ROWS = 3;
/** Estimated Jaccard at or above which two articles are copies of one story. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.4;
/**
 * Members of one LSH bucket compared with each other at most: a bucket of a thousand copies of one wire
 * story is linked through its first members instead of by a million comparisons, which keeps the whole
 * step linear in the corpus size.
 */
const BUCKET_REPRESENTATIVES = 16;

export interface DedupeInput {
  readonly id: string;
  /** Publication date (ISO), or null: the earliest dated article of a cluster is its story. */
  readonly date: string | null;
  readonly signature: Signature;
}

export interface StoryAssignment {
  readonly id: string;
  /** Id of the earliest article of the cluster (by publication date, undated last, then id). */
  readonly storyId: string;
  /** The story's id when this article is a copy of it, else null. */
  readonly duplicateOf: string | null;
  /** Estimated Jaccard with the story's first article (1 for the story itself). */
  readonly similarity: number;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Story order: dated before undated, earlier before later, then by id. */
function storyOrder(a: DedupeInput, b: DedupeInput): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A 32-bit mix of one band's values (murmur3's finalizer over a running combination). */
function mixBand(values: Uint32Array, offset: number, seed: number): number {
  let h = seed >>> 0;
  for (let row = 0; row < LSH_ROWS; row++) {
    h = Math.imul(h ^ values[offset + row]!, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

function sameBand(values: Uint32Array, a: number, b: number): boolean {
  for (let row = 0; row < LSH_ROWS; row++) if (values[a + row] !== values[b + row]) return false;
  return true;
}

function jaccardAt(values: Uint32Array, a: number, b: number): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (values[a + i] === values[b + i]) equal++;
  return equal / SIGNATURE_SIZE;
}

/**
 * Groups articles into stories. The result is in input order and depends only on the inputs' ids,
 * dates and signatures, never on their order, so incremental and distributed runs agree.
 *
 * The stories are the connected groups of the pairs (article, representative) whose estimated Jaccard
 * reaches the threshold, where an LSH bucket's representatives are its first members in story order
 * and each member is compared with those before it. Memory is what the corpus needs and little more:
 * every signature in one Uint32Array (512 bytes an article) and, one band at a time, a sorted key per
 * article (8 bytes), instead of a map entry per article and band (about 5 KB an article).
 */
export function assignStories(inputs: readonly DedupeInput[], threshold = DEFAULT_DUPLICATE_THRESHOLD): StoryAssignment[] {
  // Sorting first makes the representatives of each bucket independent of input order.
  const sorted = [...inputs].sort(storyOrder);
  const count = sorted.length;
  const values = new Uint32Array(count * SIGNATURE_SIZE);
  const signed: number[] = [];
  for (let index = 0; index < count; index++) {
    const signature = sorted[index]!.signature;
    if (signature.length !== SIGNATURE_SIZE) continue;
    values.set(signature, index * SIGNATURE_SIZE);
    signed.push(index);
  }
  const sets = new UnionFind(count);
  // A bucket key per article packs a hash of its band's values above its index, so a native numeric
  // sort orders the articles by bucket and, within one, by story order. Two bands that only share the
  // hash are told apart below by their values, so a collision costs a comparison, never a wrong link.
  const indexBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const indexSpace = 2 ** indexBits;
  const hashSpace = 2 ** (52 - indexBits);
  const keys = new Float64Array(signed.length);
  for (let band = 0; band < LSH_BANDS; band++) {
    const offset = band * LSH_ROWS;
    for (let k = 0; k < signed.length; k++) {
      const index = signed[k]!;
      const at = index * SIGNATURE_SIZE + offset;
      // 52 bits of hash from two 32-bit mixes, cut to what the index leaves free.
      const hash = (mixBand(values, at, band) * 1_048_576 + (mixBand(values, at, band ^ 0x5bd1e995) >>> 12)) % hashSpace;
      keys[k] = hash * indexSpace + index;
    }
    keys.sort();
    let runStart = 0;
    while (runStart < keys.length) {
      const hash = Math.floor(keys[runStart]! / indexSpace);
      let runEnd = runStart + 1;
      while (runEnd < keys.length && Math.floor(keys[runEnd]! / indexSpace) === hash) runEnd++;
      if (runEnd - runStart > 1) linkBucketRun(keys, runStart, runEnd, indexSpace, values, offset, sets, threshold);
      runStart = runEnd;
    }
  }
  // Union keeps the smaller index as root, and the sort put the earliest article first: roots are stories.
  const byId = new Map<string, StoryAssignment>();
  for (let index = 0; index < count; index++) {
    const article = sorted[index]!;
    const root = sets.find(index);
    const story = sorted[root]!;
    byId.set(article.id, {
      id: article.id,
      storyId: story.id,
      duplicateOf: root === index ? null : story.id,
      similarity: root === index ? 1 : estimatedJaccard(story.signature, article.signature),
    });
  }
  return inputs.map((input) => byId.get(input.id)!);
}

/** The articles of one run of equal hashes, in story order: each bucket (equal band values) links its members to its first representatives. */
function linkBucketRun(keys: Float64Array, start: number, end: number, indexSpace: number, values: Uint32Array, offset: number, sets: UnionFind, threshold: number): void {
  const buckets: number[][] = [];
  for (let k = start; k < end; k++) {
    const index = keys[k]! % indexSpace;
    const at = index * SIGNATURE_SIZE;
    const representatives = buckets.find((members) => sameBand(values, members[0]! * SIGNATURE_SIZE + offset, at + offset));
    if (representatives === undefined) {
      buckets.push([index]);
      continue;
    }
    for (const other of representatives) {
      if (sets.find(other) === sets.find(index)) continue;
      if (jaccardAt(values, other * SIGNATURE_SIZE, at) >= threshold) sets.union(other, index);
    }
    if (representatives.length < BUCKET_REPRESENTATIVES) representatives.push(index);
  }
}
