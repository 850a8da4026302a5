import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const INSTALL_HINT = `Chromium was not found at ${CHROMIUM_PATH}. The report's browser test needs Debian's chromium package: run "apt-get update && apt-get install -y chromium" (as .ci/run does).`;

export interface Chromium {
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}

/**
 * Debian's Chromium, headless, with everything that would reach the network switched off and a fresh
 * profile (playwright passes it as --user-data-dir), so a run never depends on the machine's browser state.
 */
export async function launchChromium(viewport = { width: 1366, height: 900 }): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(INSTALL_HINT);
  const profile = mkdtempSync(path.join(tmpdir(), 'report-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
