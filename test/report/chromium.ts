import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sparticuzChromium from '@sparticuz/chromium';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * The browser comes from the npm package @sparticuz/chromium (a headless Chromium build shipped
 * brotli-compressed inside the package), so `npm ci` is the whole set-up: no apt step, no download.
 */
const PACKAGE_JSON = path.join(path.dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..', '..', 'package.json');
const PACKAGE_VERSION = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;

/**
 * One folder per package version, so an upgrade never runs an older unpacked binary. The package
 * itself would reuse any `$TMPDIR/chromium` it finds, even one half written by a killed run or by
 * another checkout's test running at the same time.
 */
export const CHROMIUM_DIR = path.join(tmpdir(), `article-pipeline-chromium-${PACKAGE_VERSION}`);
export const CHROMIUM_PATH = path.join(CHROMIUM_DIR, 'chromium');

export const INSTALL_HINT = `Chromium from @sparticuz/chromium ${PACKAGE_VERSION} could not be unpacked to ${CHROMIUM_DIR}: run "npm ci" and check that the temp folder has ~250 MB free.`;

/**
 * Its flags for serverless machines are fine here, except three. `--single-process` makes closing one
 * context kill the whole browser. `--disable-web-security` and `--allow-running-insecure-content` would
 * let a report page do what a reader's browser refuses from file://, so this test could no longer catch it.
 */
const DROPPED_FLAGS = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

/** Nothing that would reach the network on its own. */
const OFFLINE_FLAGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The unpacked binary, unpacking it on first use (~200 MB, a few seconds). The package unpacks into
 * `os.tmpdir()`, read from TMPDIR at each call: it is pointed at a fresh staging folder for the unpack,
 * which is then renamed into place whole, so CHROMIUM_DIR only ever holds a complete browser.
 */
async function unpackedChromium(): Promise<string> {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const staging = mkdtempSync(path.join(tmpdir(), 'article-pipeline-chromium-unpack-'));
  const previousTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    const unpacked = await sparticuzChromium.executablePath();
    if (path.dirname(unpacked) !== staging) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
  }
  try {
    renameSync(staging, CHROMIUM_DIR);
  } catch (error) {
    // Another run finished its unpack first: its folder is complete, keep it.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(CHROMIUM_PATH)) throw error;
  }
  return CHROMIUM_PATH;
}

export interface Chromium {
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}

/**
 * Headless Chromium with a fresh profile (playwright passes it as --user-data-dir), so a run never
 * depends on any browser state left on the machine.
 */
export async function launchChromium(viewport = { width: 1366, height: 900 }): Promise<Chromium> {
  let executablePath: string;
  try {
    executablePath = await unpackedChromium();
  } catch (error) {
    throw new Error(`${INSTALL_HINT} (${(error as Error).message})`);
  }
  const args = [...sparticuzChromium.args.filter((flag) => !DROPPED_FLAGS.has(flag)), ...OFFLINE_FLAGS];
  const profile = mkdtempSync(path.join(tmpdir(), 'report-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport, args });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
