import { realpathSync } from 'node:fs';
import path from 'node:path';

/** `outside`: the path is refused for good; otherwise the file could not be read (perhaps for a moment). */
export type CorpusPathCheck = { readonly ok: true } | { readonly ok: false; readonly outside: boolean; readonly reason: string };

/**
 * A job names a file by its path relative to the corpus root. Jobs come from Redis, which anyone with
 * its password can write to, so a path is used only when it is relative, has no `..` step, and
 * resolves (symbolic links followed) to a file inside the root.
 */
export function checkInsideCorpus(corpusDir: string, relPath: string): CorpusPathCheck {
  const outside: CorpusPathCheck = { ok: false, outside: true, reason: `job names ${JSON.stringify(relPath)}, which is not a path inside the corpus folder: refused` };
  if (relPath === '' || relPath.includes('\0') || path.isAbsolute(relPath) || /^[A-Za-z]:/u.test(relPath)) return outside;
  if (relPath.split(/[/\\]/u).some((step) => step === '..' || step === '' || step === '.')) return outside;
  let real: string;
  try {
    real = realpathSync(path.join(corpusDir, relPath));
  } catch (error) {
    return { ok: false, outside: false, reason: `cannot read ${relPath} (${(error as NodeJS.ErrnoException).code ?? String(error)}): it was in the corpus when the coordinator scanned it` };
  }
  const fromRoot = path.relative(realpathSync(corpusDir), real);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !path.isAbsolute(fromRoot) ? { ok: true } : outside;
}
