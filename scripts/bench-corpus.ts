import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './pathological-texts.js';

/**
 * The benchmark corpus: article-sized documents recombined from the real news and speech texts in
 * ../shared/eval (never committed; rebuilt or reused under .bench/). Each document is a headline and
 * paragraphs drawn by a seeded generator, so the corpus is the same on every machine and every run.
 */
export interface BenchCorpus {
  readonly dir: string;
  readonly articles: number;
  readonly words: number;
  readonly bytes: number;
}

const SOURCES = [
  { file: 'ner-dev.jsonl', kind: 'article' },
  { file: 'timex-dev.jsonl', kind: 'article' },
  { file: 'timex-meantime.jsonl', kind: 'article' },
  { file: 'sentiment-nyt-dev.jsonl', kind: 'sentence' },
  { file: 'tension-unscon-dev.jsonl', kind: 'sentence' },
  { file: 'tension-plover.jsonl', kind: 'sentence' },
] as const;

/** The seeded generator of the pathological texts, so the corpus never depends on Math.random. */
export const generator = seededRandom;

const wordCount = (text: string): number => text.split(/\s+/u).filter((w) => w !== '').length;

interface Pool {
  readonly headlines: string[];
  readonly paragraphs: string[];
  readonly dates: string[];
}

function readPool(evalDir: string): Pool {
  const headlines: string[] = [];
  const paragraphs: string[] = [];
  const dates: string[] = [];
  for (const source of SOURCES) {
    const file = path.join(evalDir, source.file);
    if (!existsSync(file)) continue;
    const sentences: string[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as { text?: string; dct?: string };
      const text = (record.text ?? '').replace(/\s+\n/gu, '\n').trim();
      if (text === '') continue;
      if (record.dct && /^\d{4}-\d{2}-\d{2}$/u.test(record.dct)) dates.push(record.dct);
      if (source.kind === 'sentence') {
        sentences.push(text.replace(/\s+/gu, ' ').replace(/ ([.,;:!?])/gu, '$1'));
        continue;
      }
      const lines = text.split(/\n+/u).map((l) => l.trim()).filter((l) => l !== '');
      const first = lines[0];
      if (first && wordCount(first) <= 16) headlines.push(first);
      for (const l of lines) if (wordCount(l) >= 12) paragraphs.push(l.replace(/\s+/gu, ' '));
    }
    // Sentence-level sources become paragraphs of three consecutive sentences.
    for (let i = 0; i + 3 <= sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
  }
  if (paragraphs.length === 0) throw new Error(`bench: no texts found in ${evalDir}`);
  return { headlines, paragraphs, dates };
}

/** Builds (or reuses, when its stamp matches) a corpus of `count` articles of about `targetWords` words. */
export function buildBenchCorpus(evalDir: string, dir: string, count: number, targetWords = 650, seed = 8): BenchCorpus {
  const stampFile = path.join(dir, '.bench-corpus.json');
  const stampKey = JSON.stringify({ version: 1, count, targetWords, seed });
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as BenchCorpus & { key: string };
    if (stamp.key === stampKey) return { dir, articles: stamp.articles, words: stamp.words, bytes: stamp.bytes };
  }
  rmSync(dir, { recursive: true, force: true });
  const pool = readPool(evalDir);
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let words = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const id = `bench-${String(i).padStart(6, '0')}`;
    const headline = pool.headlines.length > 0 ? pick(pool.headlines) : `Report ${i}`;
    const body: string[] = [];
    let articleWords = 0;
    const target = targetWords * (0.5 + random());
    while (articleWords < target) {
      const paragraph = pick(pool.paragraphs);
      body.push(paragraph);
      articleWords += wordCount(paragraph);
    }
    const date = pool.dates.length > 0 ? pick(pool.dates) : '2026-01-14';
    const text = `${headline}\n\n${body.join('\n\n')}\n`;
    const file = `---\nid: ${id}\ndate: ${date}\ntitle: ${JSON.stringify(headline)}\n---\n${text}`;
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${id}.md`), file);
    words += wordCount(text);
    bytes += Buffer.byteLength(file);
  }
  const corpus = { dir, articles: count, words, bytes };
  writeFileSync(stampFile, JSON.stringify({ key: stampKey, ...corpus }));
  return corpus;
}
