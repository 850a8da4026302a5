import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, takeOutputLock } from '../../src/pipeline/output-lock.js';
import { makeTempDir } from '../helpers/temp-corpus.js';

/**
 * Two runs into one output folder: the second refuses (exit 2) with a message naming the folder and the
 * owner's pid; a lock left by a killed run is taken over. Real processes of the compiled CLI
 * (`npm test` builds first).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin', 'article-pipeline.js');
const seed = readFileSync(new URL('../../corpus/us-colombia-relations.md', import.meta.url), 'utf8');

function project(): string {
  const dir = makeTempDir({ 'corpus/seed.md': seed, 'corpus/plain.txt': 'Ministers Meet in Geneva\n\nThe foreign minister said on Tuesday that talks with Venezuela would resume next week in Caracas, easing months of tension.\n' });
  writeFileSync(path.join(dir, 'pipeline.config.json'), JSON.stringify({ outputs: { report: false } }));
  return dir;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function finished(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 60_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('one run per output folder', () => {
  it('a second run started while the first runs refuses with exit 2, and the first one finishes', async () => {
    const dir = project();
    const lock = path.join(dir, 'output', LOCK_FILE);
    const first = spawn(process.execPath, [bin, 'run', '--config', path.join(dir, 'pipeline.config.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(first);
    const firstDone = finished(first);
    await until(() => existsSync(lock), 'the first run to take the lock');
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: first.pid });

    const second = spawnSync(process.execPath, [bin, 'run', '--config', path.join(dir, 'pipeline.config.json')], { encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`the output folder ${path.join(dir, 'output')} is in use by another run (pid ${first.pid} on`);

    const done = await firstDone;
    expect(done.code, done.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(path.join(dir, 'output', 'json', 'plain.json'))).toBe(true);
  }, 120_000);

  it('a lock left by a killed run is detected as stale and taken over', async () => {
    const dir = project();
    const outputDir = path.join(dir, 'output');
    // A real process takes the lock, then dies by SIGKILL, with no chance to release it.
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `import(${JSON.stringify(path.join(root, 'src/pipeline/output-lock.ts'))}).then((m) => { require('node:fs').mkdirSync(${JSON.stringify(outputDir)}, { recursive: true }); m.takeOutputLock(${JSON.stringify(outputDir)}); console.log('locked'); setInterval(() => {}, 1000); })`], { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
    running.push(holder);
    const holderDone = finished(holder);
    await until(() => existsSync(path.join(outputDir, LOCK_FILE)), 'the holder to take the lock');
    expect(() => takeOutputLock(outputDir)).toThrow(/is in use by another run/u);
    holder.kill('SIGKILL');
    await holderDone;
    expect(JSON.parse(readFileSync(path.join(outputDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: holder.pid });

    const run = spawnSync(process.execPath, [bin, 'run', '--config', path.join(dir, 'pipeline.config.json')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(outputDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('releases the lock so the next run in the same process can take it', () => {
    const outputDir = makeTempDir();
    const lock = takeOutputLock(outputDir);
    expect(() => takeOutputLock(outputDir)).toThrow(/in use by another run/u);
    lock.release();
    lock.release();
    takeOutputLock(outputDir).release();
    expect(existsSync(path.join(outputDir, LOCK_FILE))).toBe(false);
  });
});
