import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateEntities, formatEntitiesReport, type ScoredType } from '../../src/eval/entities.js';

const goldPath = fileURLToPath(new URL('../../../shared/eval/ner-dev.jsonl', import.meta.url));
const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number> | string>;
const present = existsSync(goldPath);

describe('[entities] eval floor on ner-dev.jsonl', () => {
  if (!present) {
    it.skip(`skipped: ${goldPath} is absent (shared/eval is not checked out beside the repo)`, () => {});
    return;
  }
  it('stays above the committed floors (cross-validated exact F1)', async () => {
    const report = await evaluateEntities(goldPath);
    console.log(formatEntitiesReport(report));
    expect(report.system).toMatch(/cross-validation/u);
    for (const source of ['meantime-en', 'wikigold']) {
      const scores = report.sources[source];
      expect(scores, source).toBeDefined();
      const floor = floors[source] as Record<string, number>;
      expect(scores!.exact.micro.f1, `${source} micro`).toBeGreaterThanOrEqual(floor['micro']!);
      for (const type of ['ORG', 'PERSON', 'LOC'] as ScoredType[]) {
        expect(scores!.exact.types[type].f1, `${source} ${type}`).toBeGreaterThanOrEqual(floor[type]!);
      }
    }
  }, 120_000);
});
