import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateDates, formatDatesReport } from '../../src/eval/dates.js';

const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number> | string>;

describe('[dates] eval floors (TempEval-3 scoring)', () => {
  for (const file of ['timex-dev.jsonl', 'timex-meantime.jsonl']) {
    const goldPath = fileURLToPath(new URL(`../../../shared/eval/${file}`, import.meta.url));
    if (!existsSync(goldPath)) {
      it.skip(`skipped: ${goldPath} is absent (shared/eval is not checked out beside the repo)`, () => {});
      continue;
    }
    it(`${file} stays above the committed floors`, async () => {
      const report = await evaluateDates(goldPath);
      console.log(formatDatesReport(report));
      const floor = floors[file] as Record<string, number>;
      expect(report.relaxed.f1).toBeGreaterThanOrEqual(floor['relaxedF1']!);
      expect(report.strict.f1).toBeGreaterThanOrEqual(floor['strictF1']!);
      expect(report.valueF1).toBeGreaterThanOrEqual(floor['valueF1']!);
    }, 120_000);
  }
});
