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

/**
 * Groups articles into stories. The result is in input order and depends only on the inputs' ids,
 * dates and signatures, never on their order, so incremental and distributed runs agree.
 */
export function assignStories(inputs: readonly DedupeInput[], threshold = DEFAULT_DUPLICATE_THRESHOLD): StoryAssignment[] {
  // Sorting first makes bucket order, and so the representatives compared, independent of input order.
  const sorted = [...inputs].sort(storyOrder);
  const sets = new UnionFind(sorted.length);
  const buckets = new Map<string, number[]>();
  for (let index = 0; index < sorted.length; index++) {
    const signature = sorted[index]!.signature;
    if (signature.length !== SIGNATURE_SIZE) continue;
    for (let band = 0; band < LSH_BANDS; band++) {
      const offset = band * LSH_ROWS;
      let key = `${band}`;
      for (let row = 0; row < LSH_ROWS; row++) key += `:${signature[offset + row]!}`;
      const members = buckets.get(key);
      if (members === undefined) {
        buckets.set(key, [index]);
        continue;
      }
      for (const other of members) {
        if (sets.find(other) === sets.find(index)) continue;
        if (estimatedJaccard(sorted[other]!.signature, signature) >= threshold) sets.union(other, index);
      }
      if (members.length < BUCKET_REPRESENTATIVES) members.push(index);
    }
  }
  // Union keeps the smaller index as root, and the sort put the earliest article first: roots are stories.
  const byId = new Map<string, StoryAssignment>();
  for (let index = 0; index < sorted.length; index++) {
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
