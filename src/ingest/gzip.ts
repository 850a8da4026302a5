import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * Gzip archives of any supported format. An archive is decompressed whole, in memory, and kept for the
 * second read of its articles (the run reads articles in id order, so the rows of one archive are not
 * read one after the other): gzip has no random access, and decompressing it again per article would
 * make a run quadratic. Decompression is fast (hundreds of MB/s); the limits below bound the memory.
 */

/** Largest decompressed archive of many articles (jsonl, CSV, TSV): beyond it, split the archive. */
export const MAX_ARCHIVE_BYTES = 1 << 30;
/** Decompressed archives kept at once for second reads; the most recent one is always kept. */
const CACHE_BYTES = 256 << 20;

export type Decompressed = { ok: true; data: Buffer } | { ok: false; reason: string; oversized: boolean };

/** Decompresses a gzip file, stopping at `limit` bytes of output. */
export function gunzipFile(file: string, limit: number): Decompressed {
  const stat = statSync(file);
  const cached = cache.get(file);
  if (cached && cached.bytes === stat.size && cached.mtimeMs === stat.mtimeMs) {
    cache.delete(file);
    cache.set(file, cached);
    return cached.data.length > limit ? { ok: false, reason: oversize(limit), oversized: true } : { ok: true, data: cached.data };
  }
  const result = gunzipBytes(readFileSync(file), limit);
  if (result.ok) remember(file, { bytes: stat.size, mtimeMs: stat.mtimeMs, data: result.data });
  return result;
}

export function gunzipBytes(compressed: Buffer, limit: number): Decompressed {
  try {
    return { ok: true, data: gunzipSync(compressed, { maxOutputLength: Math.min(limit + 1, MAX_ARCHIVE_BYTES + 1) }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: oversize(limit), oversized: true };
    // zlib's own words: "unexpected end of file" (truncated), "incorrect header check" (not gzip).
    return { ok: false, reason: `corrupt gzip archive: ${(error as Error).message}`, oversized: false };
  }
}

function oversize(limit: number): string {
  return `decompresses to more than ${limit} bytes`;
}

interface CacheEntry {
  readonly bytes: number;
  readonly mtimeMs: number;
  readonly data: Buffer;
}

/** Most recently used last. */
const cache = new Map<string, CacheEntry>();

function remember(file: string, entry: CacheEntry): void {
  cache.delete(file);
  cache.set(file, entry);
  let total = 0;
  for (const kept of cache.values()) total += kept.data.length;
  for (const [key, kept] of cache) {
    if (total <= CACHE_BYTES || key === file) break;
    cache.delete(key);
    total -= kept.data.length;
  }
}
