import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { serializeArticleJson, type ArticleJson } from '../../src/output/article-json.js';
import { analyzeCorpus } from '../../src/pipeline/analyze-corpus.js';
import { writeReport } from '../../src/report/index.js';
import { makeTempDir } from '../helpers/temp-corpus.js';
import { CHROMIUM_PATH, INSTALL_HINT, launchChromium, type Chromium } from './chromium.js';
import { ensureTimexes, SCRIPT_ARTICLE, SEED_TIMEXES } from './fixtures.js';

/**
 * End to end in a real browser: run the pipeline on a copy of corpus/ (plus an article containing
 * <script>), write the report, open its pages from file:// in headless Chromium (the npm package
 * @sparticuz/chromium, see chromium.ts), check what a reader sees, and fail on any console error or any
 * request that is not a local file.
 */

// Names that exist in the page, where the callbacks given to `evaluate` run (the project compiles without the DOM library).
declare const document: { readonly scripts: { readonly length: number }; readonly activeElement: { readonly classList: { contains(name: string): boolean }; getAttribute(name: string): string | null; readonly tagName: string } | null };
declare function getComputedStyle(element: unknown, pseudo?: string): { readonly backgroundColor: string; readonly content: string; readonly textDecorationLine: string; readonly textDecorationStyle: string };

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = path.join(REPO, 'test-results');

let dir: string;
let outDir: string;
let browser: Chromium | undefined;
let launchError: Error | null = null;
let page: Page;
let seedJson: ArticleJson;
const consoleErrors: string[] = [];
const networkRequests: string[] = [];

/** The file:// URL of a report page; throws the launch failure first, so each test names it. */
const url = (rel: string): string => {
  if (launchError) throw launchError;
  return pathToFileURL(path.join(outDir, 'report', rel)).href;
};

beforeAll(async () => {
  dir = makeTempDir();
  cpSync(path.join(REPO, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  writeFileSync(path.join(dir, 'corpus', 'script-article.md'), SCRIPT_ARTICLE);
  const loaded = validateConfig({ concurrency: 1 }, path.join(dir, 'pipeline.config.json'));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  outDir = loaded.value.outputDir;
  await analyzeCorpus(loaded.value);

  const seedFile = path.join(outDir, 'json', 'us-colombia-relations.json');
  seedJson = JSON.parse(readFileSync(seedFile, 'utf8')) as ArticleJson;
  if (ensureTimexes(seedJson, SEED_TIMEXES)) {
    // Said out loud: until the dates stage is wired into the pipeline, the date marks are checked on fixture values.
    console.warn('[report/browser] the pipeline wrote no timexes layer (dates stage not wired yet): checking date marks on fixture timexes of the seed article');
    writeFileSync(seedFile, serializeArticleJson(seedJson));
  }
  await writeReport(outDir);

  // A missing or broken Chromium fails every test below with the reason, never skips them.
  try {
    browser = await launchChromium();
  } catch (error) {
    launchError = error as Error;
    return;
  }
  browser.context.on('request', (request) => {
    if (!request.url().startsWith('file:')) networkRequests.push(request.url());
  });
  // Nothing may leave the machine even if a page asked for it.
  await browser.context.route(/^(?!file:)/u, (route) => route.abort());
  page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('dialog', (dialog) => {
    consoleErrors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  mkdirSync(RESULTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('[report/browser] the report in headless Chromium', () => {
  it('has Chromium installed and running', () => {
    // The launch failure first: it carries the reason (unpack or start-up), the path check only the symptom.
    expect(launchError?.message ?? null).toBeNull();
    expect(existsSync(CHROMIUM_PATH), INSTALL_HINT).toBe(true);
  });

  it('shows the corpus page with its counts and visible charts', async () => {
    await page.goto(url('index.html'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('Corpus report');
    const articles = readdirSync(path.join(outDir, 'json')).length;
    expect(await page.locator('#h-articles').textContent()).toBe(`Articles (${articles})`);

    const tension = page.locator('#tension-chart');
    expect(await tension.isVisible()).toBe(true);
    expect(await tension.locator('a').count()).toBe(articles);
    const box = await tension.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(120);

    const timeline = page.locator('#timeline-chart');
    expect(await timeline.isVisible()).toBe(true);
    // "February 3" in the seed article of 2026-01-14 is drawn in February.
    const february = timeline.locator('rect.bar-mentioned', { has: page.locator('title', { hasText: /^Feb 2026: \d+ dates mentioned$/u }) });
    expect(await february.count()).toBe(1);
    expect(await february.isVisible()).toBe(true);
    expect(await page.locator('#entity-chart').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'report-corpus.png'), fullPage: true });
  });

  it('opens an article page from the corpus page', async () => {
    await page.goto(url('index.html'));
    await page.locator('#h-articles + table a', { hasText: 'Petro to Meet Donald Trump' }).click();
    await page.waitForURL(/us-colombia-relations\.html$/u);
    expect(await page.locator('h1').textContent()).toBe('Petro to Meet Donald Trump at the White House as US-Colombia Tensions Ease');
  });

  it('highlights the entities of the seed article, each with a visible type tag', async () => {
    await page.goto(url('articles/us-colombia-relations.html'));
    const entities = (seedJson.entities as unknown[]).length;
    const marks = page.locator('#text mark.ent:not(.cont)');
    expect(await marks.count()).toBe(entities);
    const first = marks.first();
    expect(await first.isVisible()).toBe(true);
    const look = await first.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, tag: getComputedStyle(el, '::after').content }));
    expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.tag).toMatch(/^"(PER|ORG|GPE|LOC|NORP|FAC)"$/u);
    expect(await page.locator('.legend').isVisible()).toBe(true);
  });

  it('shows the normalized value of a date on hover', async () => {
    await page.goto(url('articles/us-colombia-relations.html'));
    const date = page.locator('.tx[tabindex]', { hasText: 'February 3' });
    expect(await date.getAttribute('data-value')).toBe('2026-02-03');
    const tip = date.locator('.tip');
    expect(await tip.isVisible()).toBe(false);
    await date.hover();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('2026-02-03');
  });

  it('shows the normalized value of a date on keyboard focus', async () => {
    await page.goto(url('articles/us-colombia-relations.html'));
    await page.mouse.move(0, 0);
    let focused = '';
    for (let i = 0; i < 60 && !focused.startsWith('tx'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.classList.contains('tx') ? `tx ${document.activeElement.getAttribute('data-value')}` : document.activeElement?.tagName ?? ''));
    }
    expect(focused).toMatch(/^tx \S+/u);
    const tip = page.locator('.tx:focus > .tip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(focused.slice(3));
    await page.screenshot({ path: path.join(RESULTS, 'report-article-focus.png') });
  });

  it('underlines tension cues and gives each sentence its score in the margin', async () => {
    await page.goto(url('articles/us-colombia-relations.html'));
    const sentences = seedJson.sentences as Array<{ tension?: { cues: unknown[] } }>;
    const cues = sentences.reduce((n, s) => n + (s.tension?.cues.length ?? 0), 0);
    const cueMarks = page.locator('.cue[tabindex]');
    expect(await cueMarks.count()).toBe(cues);
    const conflict = page.locator('.cue.pol-conflict[tabindex]').first();
    expect(await conflict.isVisible()).toBe(true);
    const line = await conflict.evaluate((el) => ({ line: getComputedStyle(el).textDecorationLine, style: getComputedStyle(el).textDecorationStyle }));
    expect(line).toEqual({ line: 'underline', style: 'wavy' });
    const margins = page.locator('.sent[id] .margin b');
    expect(await margins.count()).toBe(sentences.length);
    expect(await margins.first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'report-article.png'), fullPage: true });
  });

  it('links the article JSON to the real file', async () => {
    await page.goto(url('articles/us-colombia-relations.html'));
    const href = await page.locator('a', { hasText: 'article JSON' }).getAttribute('href');
    expect(existsSync(fileURLToPath(new URL(href!, page.url())))).toBe(true);
  });

  it('shows <script> in an article as text and runs nothing', async () => {
    await page.goto(url('articles/script-article.html'));
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.locator('h1').textContent()).toBe('Embassy site shows <script>alert(1)</script> & <b>bold</b> tags');
    const shown = page.getByText('<script>alert("x")</script>', { exact: false });
    expect(await shown.first().isVisible()).toBe(true);
  });

  it('logged no console error and made no network request on any page', () => {
    if (launchError) throw launchError;
    expect(consoleErrors).toEqual([]);
    expect(networkRequests).toEqual([]);
  });
});
