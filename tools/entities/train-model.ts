import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainEntityModel } from '../../src/entities/model/fit.js';
import { readEntityGold } from '../../src/eval/gold.js';

/**
 * `npx tsx tools/entities/train-model.ts [gold.jsonl]` rewrites src/entities/data/model-weights.json
 * (deterministic: the entity tests check that training on ner-dev.jsonl gives the committed file).
 */
const goldPath = process.argv[2] ?? fileURLToPath(new URL('../../../shared/eval/ner-dev.jsonl', import.meta.url));
const out = fileURLToPath(new URL('../../src/entities/data/model-weights.json', import.meta.url));
const docs = await readEntityGold(goldPath);
const model = trainEntityModel(docs, basename(goldPath));
writeFileSync(out, JSON.stringify(model) + '\n');
console.log(`entities model: ${docs.length} documents, ${Object.keys(model.weights).length} features -> ${out}`);
