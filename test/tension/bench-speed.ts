/**
 * Speed of the tension stage alone (cues, actors), over the article texts of the shared eval files,
 * segmented, entity-tagged and sentiment-scored beforehand. Run: npx tsx test/tension/bench-speed.ts
 * Not a test: timing belongs in a script, never in a unit test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDocument } from '../../src/segment/create-document.js';
import { entitiesConfigSchema, extractEntities } from '../../src/entities/index.js';
import { scoreSentiment, sentimentConfigSchema } from '../../src/sentiment/index.js';
import { scoreTension, tensionConfigSchema } from '../../src/tension/index.js';

const evalDir = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
const texts: string[] = [];
for (const file of ['timex-dev.jsonl', 'ner-dev.jsonl']) {
  const path = `${evalDir}${file}`;
  if (!existsSync(path)) continue;
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
}
const entities = entitiesConfigSchema.parse({});
const config = tensionConfigSchema.parse({});
const sentiment = sentimentConfigSchema.parse({});
const docs = texts.map((text, i) => scoreSentiment(extractEntities(createDocument({ id: `b${i}`, text }), entities), sentiment));
const words = docs.reduce((a, d) => a + d.tokens.filter((t) => /\w/u.test(t.value)).length, 0);
for (const d of docs.slice(0, 20)) scoreTension(d, config);
const runs = 5;
// CPU time of this process, not wall time: the shared machine is often busy with other work.
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (let r = 0; r < runs; r++) for (const d of docs) scoreTension(d, config);
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(c0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rate = (s: number): string => Math.round((words * runs) / s).toLocaleString('en-US');
console.log(`${docs.length} documents, ${words} words x ${runs} runs: ${rate(cpuSeconds)} words/s of CPU time (${rate(wall)} words/s wall) for the tension stage alone`);
