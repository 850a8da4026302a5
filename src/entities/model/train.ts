import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDocument } from '../../pipeline/create-document.js';
import { readGold, type GoldDocument } from '../../eval/entities.js';
import { entitiesConfigSchema } from '../config.js';
import { typeCandidates } from '../index.js';
import { candidateCounts, candidateFeatures } from './features.js';
import type { EntityModel } from './index.js';
import { MODEL_LABELS } from './index.js';
import { trainPerceptron, type TrainingExample } from './perceptron.js';

export const ATTRIBUTION =
  'Trained on ner-dev.jsonl: MEANTIME English (NewsReader; Wikinews texts) CC BY 4.0, (c) 2015 Fondazione Bruno Kessler, ' +
  'VU University Amsterdam, Universidad del País Vasco; and WikiGold (Balasuriya et al. 2009; Wikipedia texts) CC BY 4.0.';

/** One example per candidate: its gold type when a gold entity has exactly its span, else NONE. */
export function buildExamples(docs: readonly GoldDocument[]): TrainingExample[] {
  const config = entitiesConfigSchema.parse({ model: false });
  const examples: TrainingExample[] = [];
  for (const gold of docs) {
    const doc = createDocument({ id: gold.id, text: gold.text });
    const { candidates, typings } = typeCandidates(doc, config);
    const counts = candidateCounts(candidates);
    const labels = new Map(gold.entities.map((e) => [`${e.start}:${e.end}`, e.type]));
    candidates.forEach((c, i) => {
      const label = labels.get(`${c.start}:${c.end}`) ?? 'NONE';
      examples.push({ features: candidateFeatures(doc, c, typings[i] ?? null, counts), label: (MODEL_LABELS as readonly string[]).includes(label) ? label : 'MISC' });
    });
  }
  return examples;
}

export function trainEntityModel(docs: readonly GoldDocument[], trainedOn: string): EntityModel {
  const weights = trainPerceptron(buildExamples(docs), MODEL_LABELS);
  return { ...weights, trainedOn, documents: docs.map((d) => d.id).sort(), attribution: ATTRIBUTION };
}

/** `npx tsx src/entities/model/train.ts [gold.jsonl]` rewrites weights.json (deterministic). */
async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const goldPath = process.argv[2] ?? join(here, '../../../../shared/eval/ner-dev.jsonl');
  const docs = await readGold(goldPath);
  const model = trainEntityModel(docs, basename(goldPath));
  writeFileSync(join(here, 'weights.json'), JSON.stringify(model) + '\n');
  console.log(`entities model: ${docs.length} documents, ${Object.keys(model.weights).length} features -> ${join(here, 'weights.json')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
