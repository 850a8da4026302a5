/**
 * Measures near-duplicate detection: plants syndicated and lightly edited copies among synthetic
 * articles and the real news articles of ../shared/eval, then reports pair precision and recall of the
 * story clusters, the time and the memory.
 *
 *   npx tsx scripts/dedupe-bench.ts [--articles 10000] [--seed 11] [--threshold 0.4]
 *
 * Negatives that matter are kept: the real articles include several outlets' reports of the same
 * events (AP, WSJ and NYT on the 1990 Gulf crisis; Wikinews articles on the same companies), none of
 * which is a copy of another.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assignStories, type DedupeInput } from '../src/dedupe/cluster.js';
import { minhashSignature } from '../src/dedupe/minhash.js';
import { generator } from './bench-corpus.js';

interface Article {
  readonly id: string;
  readonly date: string | null;
  readonly text: string;
  /** Id of the original this article was planted from (its own id for originals). */
  readonly truth: string;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const TOTAL = option('articles', 10_000);
const SEED = option('seed', 11);
const THRESHOLD = option('threshold', 0.4);
const COPY_SHARE = 0.2;

const random = generator(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const evalDir = path.resolve('..', 'shared', 'eval');

/** Whole news articles of the gold files, once each (the NER and TimeML files share MEANTIME). */
function realArticles(): Article[] {
  const seen = new Set<string>();
  const articles: Article[] = [];
  for (const file of ['timex-dev.jsonl', 'timex-meantime.jsonl', 'ner-dev.jsonl']) {
    for (const line of readFileSync(path.join(evalDir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as { id?: string; text?: string; dct?: string };
      const text = (record.text ?? '').trim();
      const key = text.replace(/\s+/gu, ' ');
      if (!record.id || text === '' || seen.has(record.id) || seen.has(key)) continue;
      seen.add(record.id);
      seen.add(key);
      articles.push({ id: `real-${record.id}`, date: record.dct ?? null, text, truth: `real-${record.id}` });
    }
  }
  return articles;
}

/**
 * Synthetic originals built from the sentence-level gold files (news, opinion and UN sentences), never
 * from the real articles above, so no original quotes another: the bench corpus of `npm run bench` draws
 * whole paragraphs from a small pool with replacement, and its articles share large parts by design.
 */
function syntheticArticles(count: number): Article[] {
  const sentences: string[] = [];
  for (const file of ['sentiment-nyt-dev.jsonl', 'tension-kil-quad.jsonl', 'tension-unscon-dev.jsonl', 'tension-plover.jsonl']) {
    for (const line of readFileSync(path.join(evalDir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = ((JSON.parse(line) as { text?: string }).text ?? '').replace(/\s+/gu, ' ').trim();
      if (text.split(' ').length >= 6) sentences.push(text);
    }
  }
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const id = `synthetic-${String(i).padStart(6, '0')}`;
    const paragraphs: string[] = [pick(sentences).slice(0, 80)];
    const length = 4 + Math.floor(random() * 8);
    for (let p = 0; p < length; p++) paragraphs.push([pick(sentences), pick(sentences), pick(sentences)].join(' '));
    const day = 1 + Math.floor(random() * 28);
    articles.push({ id, date: `2026-01-${String(day).padStart(2, '0')}`, text: paragraphs.join('\n\n'), truth: id });
  }
  return articles;
}

const HEADLINES = ['Officials weigh response as talks stall', 'Update: what we know so far', 'Analysis: the stakes for the region', 'Exclusive report'];
const DATELINES = ['LONDON (Reuters) - ', 'WASHINGTON (AP) — ', 'PARIS, Jan. 14 (AFP) - ', 'By Staff Writer | '];
const FILLER = ['reportedly', 'also', 'on Tuesday', 'officials said', 'however', 'again', 'now', 'in a statement'];

type Edit = (paragraphs: string[]) => string[];

const EDITS: Record<string, Edit> = {
  // Replaces a headline line; an article that opens with body text gets a headline added instead.
  newHeadline: (p) => (p.length > 2 && p[0]!.split(' ').length <= 16 ? [pick(HEADLINES), ...p.slice(1)] : [pick(HEADLINES), ...p]),
  dropLastParagraph: (p) => (p.length > 3 ? p.slice(0, -1) : p),
  changeDateline: (p) => (p.length > 1 ? [p[0]!, pick(DATELINES) + p[1]!.replace(/^[A-Z][A-Za-z ,.]+ \((?:AP|Reuters|AFP)\)\s*[-—_]+\s*/u, ''), ...p.slice(2)] : p),
  rewordSentences: (p) =>
    p.map((paragraph, i) => {
      if (i === 0 || random() > 0.3) return paragraph;
      const words = paragraph.split(' ');
      for (let k = 0; k < 2 && words.length > 4; k++) {
        const at = 1 + Math.floor(random() * (words.length - 2));
        if (random() < 0.5) words.splice(at, 1);
        else words[at] = pick(FILLER);
      }
      return words.join(' ');
    }),
  appendCredit: (p) => [...p, `(Reporting by ${pick(['A. Smith', 'M. Garcia', 'L. Chen'])}; editing by ${pick(['J. Doe', 'R. Patel'])})`],
};

function plantCopy(original: Article, index: number): Article {
  let paragraphs = original.text.split(/\n\s*\n|\n/u).filter((p) => p.trim() !== '');
  const names = Object.keys(EDITS).filter(() => random() < 0.6);
  if (names.length === 0) names.push(pick(Object.keys(EDITS)));
  for (const name of names) paragraphs = EDITS[name]!(paragraphs);
  // Syndicated copies run the same day or up to two days later, so the story is the original's date.
  const date = original.date ? new Date(Date.parse(original.date) + Math.floor(random() * 3) * 86_400_000).toISOString().slice(0, 10) : null;
  return { id: `copy-${String(index).padStart(6, '0')}`, date, text: paragraphs.join('\n\n'), truth: original.truth };
}

const real = realArticles();
const copies = Math.round(TOTAL * COPY_SHARE);
const originals = [...real, ...syntheticArticles(Math.max(0, TOTAL - copies - real.length))];
const corpus: Article[] = [...originals];
for (let i = 0; i < copies; i++) corpus.push(plantCopy(pick(originals), i));

const rssBefore = process.memoryUsage().rss;
let started = performance.now();
const inputs: DedupeInput[] = corpus.map((a) => ({ id: a.id, date: a.date, signature: minhashSignature(a.text) }));
const signatureMs = performance.now() - started;
started = performance.now();
const stories = assignStories(inputs, THRESHOLD);
const clusterMs = performance.now() - started;
const rssAfter = process.memoryUsage().rss;

/** Pairs inside each group, as "a|b" keys with a < b. */
function pairs(groups: Map<string, string[]>): Set<string> {
  const result = new Set<string>();
  for (const members of groups.values()) {
    const sorted = [...members].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) result.add(`${sorted[i]}|${sorted[j]}`);
  }
  return result;
}
const group = (key: (i: number) => string): Map<string, string[]> => {
  const groups = new Map<string, string[]>();
  corpus.forEach((a, i) => {
    const k = key(i);
    const list = groups.get(k);
    if (list) list.push(a.id);
    else groups.set(k, [a.id]);
  });
  return groups;
};
const truePairs = pairs(group((i) => corpus[i]!.truth));
const predictedPairs = pairs(group((i) => stories[i]!.storyId));
let both = 0;
for (const pair of predictedPairs) if (truePairs.has(pair)) both++;
const realIds = new Set(real.map((a) => a.id));
/** Real articles put in one story: listed, since some are earlier or later versions of one wire story. */
const realMerges: string[] = [];
for (const pair of predictedPairs) {
  const [a, b] = pair.split('|') as [string, string];
  if (realIds.has(a) && realIds.has(b) && !truePairs.has(pair)) realMerges.push(pair);
}

console.log(
  JSON.stringify(
    {
      articles: corpus.length,
      real_news_articles: real.length,
      planted_copies: copies,
      threshold: THRESHOLD,
      true_pairs: truePairs.size,
      predicted_pairs: predictedPairs.size,
      pair_precision: Number((both / Math.max(1, predictedPairs.size)).toFixed(4)),
      pair_recall: Number((both / Math.max(1, truePairs.size)).toFixed(4)),
      real_news_pairs_merged: realMerges,
      signature_ms: Math.round(signatureMs),
      cluster_ms: Math.round(clusterMs),
      rss_mb_before: Math.round(rssBefore / 2 ** 20),
      rss_mb_after: Math.round(rssAfter / 2 ** 20),
    },
    null,
    2,
  ),
);
if (process.env.DEDUPE_DEBUG) {
  const sizes = new Map<string, number>();
  for (const s of stories) sizes.set(s.storyId, (sizes.get(s.storyId) ?? 0) + 1);
  const big = [...sizes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  console.log('largest stories', big);
  let shown = 0;
  for (const [i, s] of stories.entries()) {
    if (s.duplicateOf && corpus[i]!.truth !== corpus[corpus.findIndex((a) => a.id === s.storyId)]!.truth && shown++ < 6) {
      console.log(s.id, s.storyId, s.similarity.toFixed(2), corpus[i]!.text.slice(0, 100).replace(/\n/gu, ' '));
    }
  }
}
