import model from 'wink-eng-lite-web-model';

/**
 * wink-nlp learns across documents: every out-of-vocabulary word it meets is added to its lexicon, and
 * its tokenizer then keeps a word it has seen before as one token. So "34 KO's into the ring" gives
 * ["KO's"] after an earlier article had "36 KO's." and ["KO", "'s"] in a fresh process: an article's
 * tokens (and every layer built on them) depended on which articles the same thread read before it.
 * That breaks byte-identical output across worker counts and between full and incremental runs.
 *
 * The fix keeps wink's lexicon (words are still added once, so memory grows only with the corpus
 * vocabulary) but hides, from the tokenizer's lookups, the learned words that the current document has
 * not added itself: each document is tokenized as in a fresh process. It hooks wink's feature
 * extractor, which receives wink's cache object, so it is installed as the pipeline's wink instance is
 * created (`createIsolatedInstance`, called by `wink()`).
 */
interface WinkCache {
  lookup: (text: string) => number[] | null;
  add: (text: string, category: number) => number;
  intrinsicSize: () => number;
  currentSize: () => number;
}

type FeatureFn = (config: unknown) => Record<string, (text: string, category: number, methods: WinkCache) => unknown>;

let cache: WinkCache | null = null;
/** wink's cache as it was, for wink's own feature extractors (they look up the word being added). */
let rawCache: WinkCache | null = null;
/** Learned (out-of-vocabulary) lexeme indexes the current document has added or met. */
let touched = new Set<number>();
let installed = false;
/** True while the pipeline's instance is being created: only that instance's cache is isolated. */
let creatingIsolated = false;

/** Installs the hook; returns false when it cannot (the model has no feature function to wrap). */
function installWinkIsolation(): boolean {
  if (installed) return true;
  const target = model as unknown as { featureFn?: FeatureFn };
  const original = target.featureFn;
  if (typeof original !== 'function') return false;
  target.featureFn = (config) => {
    const features = original(config);
    // wink calls this once per instance; another instance (an evaluation baseline) keeps its own cache.
    if (!creatingIsolated) return features;
    const wrapped: ReturnType<FeatureFn> = {};
    for (const [name, fn] of Object.entries(features)) {
      wrapped[name] = (text, category, methods) => {
        if (cache === null) capture(methods);
        return fn(text, category, rawCache ?? methods);
      };
    }
    return wrapped;
  };
  installed = true;
  return true;
}

function capture(methods: WinkCache): void {
  cache = methods;
  rawCache = Object.assign(Object.create(null) as WinkCache, methods);
  const intrinsic = methods.intrinsicSize();
  // Captured inside the current document's first `add`: what is learned so far is this document's.
  for (let index = intrinsic; index <= methods.currentSize(); index++) touched.add(index);
  const lookup = methods.lookup;
  const add = methods.add;
  methods.lookup = (text) => {
    const found = lookup(text);
    if (found !== null && found.length === 1 && found[0]! >= intrinsic && !touched.has(found[0]!)) return null;
    return found;
  };
  methods.add = (text, category) => {
    const index = add(text, category);
    touched.add(index);
    // wink adds the lower-case form with the word; a fresh process would find it too.
    const lower = text.toLowerCase();
    if (lower !== text) {
      const normal = lookup(lower);
      if (normal !== null && normal.length === 1) touched.add(normal[0]!);
    }
    return index;
  };
}

/** Creates the one wink instance whose tokenizer is isolated per document (see above). */
export function createIsolatedInstance<T>(create: () => T): T {
  const hooked = installWinkIsolation();
  if (!hooked) return create();
  creatingIsolated = true;
  try {
    return create();
  } finally {
    creatingIsolated = false;
  }
}

/** Starts a new document: words learned from earlier documents are hidden from the tokenizer again. */
export function beginWinkDocument(): void {
  if (touched.size > 0) touched = new Set();
}

/** True once the hook has seen wink's cache (after the first document), i.e. isolation is active. */
export function winkIsolationActive(): boolean {
  return cache !== null;
}
