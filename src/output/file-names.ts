import { createHash } from 'node:crypto';

/**
 * A file name for an article id that can never leave the output folder: every character outside
 * [A-Za-z0-9._-] is percent-encoded ("/" too, so "../x" becomes "..%2Fx"), a leading dot is
 * encoded, and very long ids are shortened with a hash so names stay unique.
 */
export function safeFileName(id: string): string {
  let name = '';
  for (const ch of id) {
    if (/^[A-Za-z0-9_-]$/u.test(ch) || ch === '.') name += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) name += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (name.startsWith('.')) name = `%2E${name.slice(1)}`;
  if (name.length > 180) name = `${name.slice(0, 160)}~${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
  return name;
}
