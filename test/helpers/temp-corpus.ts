import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throwaway folder with the given files (relative path -> content); returns its path. */
export function makeTempDir(files: Record<string, string | Uint8Array> = {}, prefix = 'article-pipeline-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** Captures what the CLI prints, for in-process runs of `main`. */
export function captureIo(stdin = ''): { io: { stdout: (t: string) => void; stderr: (t: string) => void; isTTY: boolean; readStdin: () => string }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, readStdin: () => stdin },
    out: () => out,
    err: () => err,
  };
}
