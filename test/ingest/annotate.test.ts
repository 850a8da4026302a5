import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { captureIo } from '../helpers/temp-corpus.js';

describe('article-pipeline annotate FILE.html', () => {
  it('extracts the page and prints the analyzed article, dated from the page', async () => {
    const { io, out, err } = captureIo();
    const exit = await main(['annotate', fileURLToPath(new URL('./fixtures/city-hall-budget.html', import.meta.url))], io);
    expect(err()).toBe('');
    expect(exit).toBe(0);
    const json = JSON.parse(out()) as { dct: string; headline: { text: string }; metadata: Record<string, string>; entities: Array<{ text: string; type: string }> };
    expect(json.dct).toBe('2026-01-14');
    expect(json.headline.text).toBe('Council Approves $1.2 Billion Budget After Late-Night Vote');
    expect(json.metadata.source).toBe('The Riverton Ledger');
    expect(json.entities.map((e) => e.text)).toContain('Elena Brandt');
  }, 60_000);
  it('names the page and the reason when it has no article', async () => {
    const { io, err } = captureIo();
    const file = fileURLToPath(new URL('./fixtures/section-front.html', import.meta.url));
    expect(await main(['annotate', file], io)).toBe(1);
    expect(err()).toBe(`article-pipeline: ${file}: article text of 67 characters is under the minimum of 200 (ingest.html.minChars)\n`);
  }, 60_000);
});
