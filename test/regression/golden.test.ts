import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { checkGolden, formatDiffReport } from '../../src/regression/index.js';
import { offsetMismatches } from '../helpers/check-output.js';

/**
 * The repository's own regression check: every article of corpus/ and of the golden fixtures is
 * analyzed afresh and compared with the JSON committed under test/golden/. A change fails with the
 * readable diff; after reviewing it, `npm run golden:update` rewrites the files (commit them apart
 * from logic changes). `UPDATE_GOLDEN=1 npx vitest run test/regression/golden.test.ts` does the same.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

const GOLDEN_CASES = [
  { name: 'corpus', config: 'pipeline.config.json', golden: 'test/golden/corpus' },
  { name: 'fixtures', config: 'test/golden/fixtures/pipeline.config.json', golden: 'test/golden/fixtures/expected' },
] as const;

describe('[regression/golden] committed golden outputs', () => {
  for (const c of GOLDEN_CASES) {
    it(`${c.name}: a fresh run matches ${c.golden}`, async () => {
      const loaded = loadConfig(path.join(root, c.config));
      if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
      // One thread: worker start-up costs more than these few articles; the output is the same.
      const result = await checkGolden({ ...loaded.value, config: { ...loaded.value.config, concurrency: 1 } }, path.join(root, c.golden), { update });
      expect(result.run.rejected, result.run.errors.map((e) => `${e.file}: ${e.reason}`).join('\n')).toBe(0);
      if (!update && result.report.totals.changes > 0) {
        throw new Error(`outputs differ from ${c.golden}:\n\n${formatDiffReport(result.report, { limitPerArticle: 40 })}\nReview the diff; if it is intended, run \`npm run golden:update\` and commit the golden files.`);
      }
    }, 120_000);
  }

  it('every golden annotation slices back to its text (code-point offsets)', () => {
    for (const c of GOLDEN_CASES) {
      const dir = path.join(root, c.golden);
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        const json = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { text: string };
        expect(offsetMismatches(json), `${c.golden}/${name}`).toEqual([]);
      }
    }
  });
});
