/**
 * CPU cost of the tension stage per sentence, over the article texts of the shared eval files (segmented,
 * entity-tagged and sentiment-scored beforehand), and how many sentences have a typed main event (those
 * the PLOVER type classifier may read), then the type classifier's dot products alone over the main events
 * it decides (not asserted or reported). Run: npx tsx tools/tension/bench-stage-cost.ts
 * A script, never a unit test: timing depends on the machine and its load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDocument } from '../../src/segment/create-document.js';
import { entitiesConfigSchema, extractEntities } from '../../src/entities/index.js';
import { scoreSentiment, sentimentConfigSchema } from '../../src/sentiment/index.js';
import { ploverTypeFeatures, scoreTension, tensionConfigSchema } from '../../src/tension/index.js';
import { classifyType, PLOVER_TYPE_MODEL } from '../../src/tension/model/type-model.js';

const evalDir = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
const texts: string[] = [];
for (const file of ['timex-dev.jsonl', 'ner-dev.jsonl', 'tension-plover.jsonl']) {
  const path = `${evalDir}${file}`;
  if (!existsSync(path)) continue;
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
}
const entities = entitiesConfigSchema.parse({});
const config = tensionConfigSchema.parse({});
const sentiment = sentimentConfigSchema.parse({});
const docs = texts.map((text, i) => scoreSentiment(extractEntities(createDocument({ id: `b${i}`, text }), entities), sentiment));
const sentences = docs.reduce((a, d) => a + d.sentences.length, 0);
const typed = docs.reduce((a, d) => a + scoreTension(d, config).sentences.filter((s) => s.tension?.events.some((e) => e.ploverType !== null)).length, 0);
const runs = 10;
// CPU time of this process, not wall time: the shared machine is often busy with other work.
const c0 = process.cpuUsage();
for (let r = 0; r < runs; r++) for (const d of docs) scoreTension(d, config);
const cpu = process.cpuUsage(c0);
const micros = (cpu.user + cpu.system) / (sentences * runs);
console.log(`${docs.length} documents, ${sentences} sentences (${typed} with a typed event) x ${runs} runs: ${micros.toFixed(1)} µs of CPU per sentence for the tension stage`);

// The type classifier alone, on the main events it decides (features built beforehand).
const decided = docs.flatMap((d) => ploverTypeFeatures(d, config)).filter((f) => f.modality !== 'asserted' && f.modality !== 'reported');
let checksum = 0;
const c1 = process.cpuUsage();
for (let r = 0; r < runs * 10; r++) for (const f of decided) checksum += classifyType(PLOVER_TYPE_MODEL, f.features).probabilities[0]!;
const cpu1 = process.cpuUsage(c1);
console.log(`type classifier: ${decided.length} main events decided (${((100 * decided.length) / sentences).toFixed(1)}% of sentences), ${((cpu1.user + cpu1.system) / (decided.length * runs * 10)).toFixed(1)} µs of CPU each (checksum ${checksum.toFixed(3)})`);
