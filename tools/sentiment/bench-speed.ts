/**
 * Speed of sentence sentiment alone over the article texts of the shared eval files (segmented beforehand).
 * Run: npx tsx tools/sentiment/bench-speed.ts   (a script, never a unit test: timing depends on the machine)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDocument } from '../../src/segment/create-document.js';
import { DEFAULT_SENTIMENT_OPTIONS, readSentiment, type SentimentOptions } from '../../src/sentiment/score.js';

const evalDir = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
const texts: string[] = [];
for (const file of ['timex-dev.jsonl', 'ner-dev.jsonl', 'sentiment-nyt-dev.jsonl']) {
  const path = `${evalDir}${file}`;
  if (!existsSync(path)) continue;
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
}
const docs = texts.map((text, i) => createDocument({ id: `b${i}`, text }));
const words = docs.reduce((a, d) => a + d.tokens.filter((t) => /\w/u.test(t.value)).length, 0);
const runs = 5;
for (const method of ['rules', 'model'] as const) {
  const options: SentimentOptions = { ...DEFAULT_SENTIMENT_OPTIONS, method };
  let sink = 0;
  for (const d of docs.slice(0, 50)) for (const s of d.sentences) sink += readSentiment(d.tokens, s.tokenStart, s.tokenEnd, options).score;
  // CPU time of this process, not wall time: the shared machine is often busy with other work.
  const c0 = process.cpuUsage();
  for (let r = 0; r < runs; r++) for (const d of docs) for (const s of d.sentences) sink += readSentiment(d.tokens, s.tokenStart, s.tokenEnd, options).score;
  const cpu = process.cpuUsage(c0);
  const rate = Math.round((words * runs) / ((cpu.user + cpu.system) / 1e6)).toLocaleString('en-US');
  console.log(`${method}: ${docs.length} documents, ${words} words x ${runs} runs: ${rate} words/s of CPU time (checksum ${sink.toFixed(2)})`);
}
