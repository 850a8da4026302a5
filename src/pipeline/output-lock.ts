import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** The lock file a run holds in its output folder, so two runs never interleave their writes. */
export const LOCK_FILE = '.article-pipeline.lock';

/** The output folder is held by a live run. */
export class OutputLockedError extends Error {}

export interface OutputLock {
  readonly file: string;
  /** Removes the lock file if it is still this run's; safe to call twice. */
  release(): void;
}

interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

/**
 * Takes the output folder's lock: the file is linked into place whole (link fails on an existing file,
 * like O_EXCL), so of two runs starting at once exactly one creates it. A lock left by a run that was killed (its pid is not alive on this host)
 * is stale: it is removed and taken. A lock from another host cannot be checked and is never taken over.
 * Released when the run ends, and on process exit if the run could not release it.
 */
export function takeOutputLock(outputDir: string, now: () => Date = () => new Date()): OutputLock {
  const file = path.join(outputDir, LOCK_FILE);
  const content = `${JSON.stringify({ pid: process.pid, host: hostname(), started: now().toISOString() } satisfies Owner)}\n`;
  // Two attempts: the second after removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written whole under a private name, then linked into place: link() fails when the lock exists, as
    // O_EXCL does, and a reader never sees the lock file empty or half-written.
    const pending = `${file}.${process.pid}.${attempt}.tmp`;
    try {
      const fd = openSync(pending, 'w');
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      linkSync(pending, file);
    } catch (error) {
      try {
        unlinkSync(pending);
      } catch {
        // never created
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = readLock(file);
      if (held === null) continue; // released meanwhile
      const owner = parseOwner(held);
      if (owner && isStale(owner) && attempt === 0) {
        // Only the lock just read is removed: a run that took it over meanwhile wrote other content.
        if (readLock(file) === held) unlinkSync(file);
        continue;
      }
      throw new OutputLockedError(
        owner
          ? `the output folder ${outputDir} is in use by another run (pid ${owner.pid} on ${owner.host}, started ${owner.started}; lock file ${file}). Wait for it to finish or write to another folder (--out); if that run is gone, remove the lock file`
          : `the output folder ${outputDir} is being locked by another run (lock file ${file} is being written); wait for it to finish or write to another folder (--out)`,
      );
    }
    unlinkSync(pending);
    return holding(file, content);
  }
  throw new OutputLockedError(`the output folder ${outputDir} is in use by another run (lock file ${file} was taken while this run tried to take it)`);
}

function holding(file: string, content: string): OutputLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (readLock(file) === content) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on('exit', release);
  return { file, release };
}

function readLock(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseOwner(content: string): Owner | null {
  try {
    const owner = JSON.parse(content) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, started: String(owner.started ?? '?') } : null;
  } catch {
    // Empty or partial: its owner has created it and is writing it now.
    return null;
  }
}

/** Dead on this host: signal 0 checks that a process exists without touching it (EPERM: it exists). */
function isStale(owner: Owner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
