import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { writeReport } from '../../src/report/index.js';
import { makeTempDir } from '../helpers/temp-corpus.js';
import { SCRIPT_ARTICLE, SEED_TEXT } from './fixtures.js';

const UNSAFE = JSON.stringify({ id: '../../escape/me', date: '2026-03-02', text: 'The foreign minister said on Tuesday that talks with Venezuela would resume next week in Caracas, easing months of tension.' });

let dir: string;
let outDir: string;
let pages: number;

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}

beforeAll(async () => {
  dir = makeTempDir({
    'corpus/us-colombia-relations.md': SEED_TEXT,
    'corpus/script-article.md': SCRIPT_ARTICLE,
    'corpus/unsafe.json': UNSAFE,
    'corpus/bad/empty.txt': '',
  });
  const loaded = validateConfig({ concurrency: 1, outputs: { report: false } }, path.join(dir, 'pipeline.config.json'));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  outDir = loaded.value.outputDir;
  await analyzeCorpus(loaded.value);
  ({ pages } = await writeReport(outDir));
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('[report/write-report] writeReport on a run output folder', () => {
  it('writes the corpus page and one page per analyzed article, all inside report/', () => {
    expect(pages).toBe(4);
    expect(readdirSync(path.join(outDir, 'report', 'articles')).sort()).toEqual(['%2E.%2F..%2Fescape%2Fme.html', 'script-article.html', 'us-colombia-relations.html']);
    expect(existsSync(path.join(outDir, 'report', 'index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'escape'))).toBe(false);
  });

  it('links pages and JSON with hrefs that resolve to the real files', () => {
    const index = readFileSync(path.join(outDir, 'report', 'index.html'), 'utf8');
    const unsafeHref = 'articles/%252E.%252F..%252Fescape%252Fme.html';
    expect(index).toContain(`<a href="${unsafeHref}">`);
    expect(existsSync(path.join(outDir, 'report', decodeURIComponent(unsafeHref)))).toBe(true);
    const page = readFileSync(path.join(outDir, 'report', 'articles', '%2E.%2F..%2Fescape%2Fme.html'), 'utf8');
    const jsonHref = /<a href="([^"]+)">article JSON<\/a>/u.exec(page)?.[1];
    expect(jsonHref).toBe('../../json/%252E.%252F..%252Fescape%252Fme.json');
    expect(existsSync(path.resolve(outDir, 'report', 'articles', decodeURIComponent(jsonHref!)))).toBe(true);
  });

  it('lists the rejected file on the corpus page', () => {
    const index = readFileSync(path.join(outDir, 'report', 'index.html'), 'utf8');
    expect(index).toContain('<li><b>1</b>rejected</li>');
    expect(index).toContain('<code>bad/empty.txt</code>');
  });

  it('writes the same bytes again (no time in any page), and removes pages of articles that are gone', async () => {
    const before = snapshot(path.join(outDir, 'report'));
    writeFileSync(path.join(outDir, 'report', 'articles', 'gone.html'), 'old');
    await writeReport(outDir);
    expect(snapshot(path.join(outDir, 'report'))).toEqual(before);
  });

  it('reports an unreadable article JSON on the corpus page instead of failing', async () => {
    const copy = makeTempDir();
    for (const [rel, content] of snapshot(outDir)) {
      if (rel.startsWith('report')) continue;
      const full = path.join(copy, rel);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    writeFileSync(path.join(copy, 'json', 'script-article.json'), '{ truncated');
    const result = await writeReport(copy);
    expect(result.pages).toBe(3);
    const index = readFileSync(path.join(copy, 'report', 'index.html'), 'utf8');
    expect(index).toContain('Article JSON that could not be read (1)');
    // Without a manifest, every json/*.json is reported.
    rmSync(path.join(copy, 'manifest.json'));
    writeFileSync(path.join(copy, 'json', 'script-article.json'), readFileSync(path.join(outDir, 'json', 'script-article.json')));
    expect((await writeReport(copy)).pages).toBe(4);
    rmSync(copy, { recursive: true, force: true });
  });
});
