import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { captureIo, makeTempDir } from '../helpers/temp-corpus.js';

const ARTICLE_A = `Ministers Meet in Geneva

GENEVA — The foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday and agreed to resume border talks next month, easing months of tension.
`;
const ARTICLE_B = `Sanctions Widen

WASHINGTON — The United States imposed new sanctions on Iranian oil exports on Friday, and Tehran condemned the measures as economic warfare.
`;

let dir: string;
let config: string;
let golden: string;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { io, out, err } = captureIo();
  const code = await main(args, io);
  return { code, out: out(), err: err() };
}

beforeAll(() => {
  dir = makeTempDir({ 'corpus/geneva-talks.txt': ARTICLE_A, 'corpus/iran-sanctions.txt': ARTICLE_B });
  config = path.join(dir, 'pipeline.config.json');
  writeFileSync(config, JSON.stringify({ defaults: { publicationDate: '2025-06-10' }, outputs: { report: false }, concurrency: 1 }));
  golden = path.join(dir, 'golden');
});

describe('[regression/check] golden outputs of a corpus', () => {
  it('refuses a golden folder that does not exist yet (exit 2), and --update creates it', async () => {
    const missing = await cli('check', '--config', config, '--golden', golden);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/golden is not a folder.*--update/u);
    const update = await cli('check', '--config', config, '--golden', golden, '--update');
    expect(update.code).toBe(0);
    expect(update.out).toContain('updated: 2 written, 0 removed');
    const json = JSON.parse(readFileSync(path.join(golden, 'geneva-talks.json'), 'utf8')) as { id: string; dct: string };
    expect(json).toMatchObject({ id: 'geneva-talks', dct: '2025-06-10' });
  });

  it('exits 0 when a fresh run matches the golden files', async () => {
    const again = await cli('check', '--config', config, '--golden', golden);
    expect(again.code).toBe(0);
    expect(again.out).toContain('result: no changes');
  });

  it('exits 1 with the readable diff when an output changed, and --update accepts it', async () => {
    const file = path.join(golden, 'geneva-talks.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { dct: string };
    writeFileSync(file, `${JSON.stringify({ ...json, dct: '2025-06-09' }, null, 2)}\n`);
    writeFileSync(path.join(golden, 'retired.json'), readFileSync(path.join(golden, 'iran-sanctions.json'), 'utf8').replace('"id": "iran-sanctions"', '"id": "retired"'));
    const changed = await cli('check', '--config', config, '--golden', golden);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('dct: "2025-06-09" -> "2025-06-10"');
    expect(changed.out).toContain('only in old: "retired"');
    expect(changed.err).toContain('run again with --update');
    expect((await cli('check', '--config', config, '--golden', golden, '--fail-on', 'entities,dates')).code).toBe(0);
    const update = await cli('check', '--config', config, '--golden', golden, '--update');
    expect(update.out).toContain('updated: 1 written, 1 removed');
    expect((await cli('check', '--config', config, '--golden', golden)).code).toBe(0);
    // Four runs, each starting a worker thread (the time budget analyzes in workers) from source.
  }, 120_000);

  it('reports an article that left the corpus as only in old', async () => {
    rmSync(path.join(dir, 'corpus', 'iran-sanctions.txt'));
    const result = await cli('check', '--config', config, '--golden', golden, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ totals: { onlyOld: 1, onlyNew: 0 }, articles: [{ id: 'iran-sanctions', status: 'only_old' }] });
  });
});
