import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The eval floors are a ratchet: a floor may rise with the scores, never fall. Every committed version
 * of each floors file is read from git history, and each floor now must be at least the highest it has
 * been (a floor may not disappear either). Skipped, visibly, where there is no git history (an export).
 */
const FLOOR_FILES = ['test/entities/floors.json', 'test/dates/floors.json', 'test/tension/floors.json'];
const root = fileURLToPath(new URL('../../', import.meta.url));

const git = (...args: string[]): string | null => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return null;
  }
};

/** Numeric leaves of a floors file by key path ("tension-plover.macroF1"). */
function floorsOf(json: unknown, prefix = ''): Map<string, number> {
  const found = new Map<string, number>();
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    for (const [key, value] of Object.entries(json)) {
      const keyPath = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'number') found.set(keyPath, value);
      else for (const [k, v] of floorsOf(value, keyPath)) found.set(k, v);
    }
  }
  return found;
}

const history = git('rev-parse', '--is-inside-work-tree') === 'true\n' && existsSync(`${root}.git`);

describe('eval floors only move up', () => {
  if (!history) {
    it.skip('skipped: no git history here', () => {});
    return;
  }
  for (const file of FLOOR_FILES) {
    it(`${file} is at or above every committed version of it`, () => {
      const current = floorsOf(JSON.parse(readFileSync(`${root}${file}`, 'utf8')));
      const commits = (git('log', '--format=%H', '--', file) ?? '').split('\n').filter((c) => c !== '');
      expect(commits.length, `${file} has no committed version`).toBeGreaterThan(0);
      for (const commit of commits) {
        const text = git('show', `${commit}:${file}`);
        if (text === null) continue; // the commit deleted or moved the file
        for (const [key, floor] of floorsOf(JSON.parse(text))) {
          expect(current.has(key), `${file}: floor ${key} (${floor} at ${commit.slice(0, 7)}) was removed`).toBe(true);
          expect(current.get(key)!, `${file}: floor ${key} is ${current.get(key)}, below ${floor} at ${commit.slice(0, 7)}`).toBeGreaterThanOrEqual(floor);
        }
      }
    });
  }
});
