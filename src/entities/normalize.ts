const SIMPLE = /^[a-z0-9]+$/u;
const cache = new Map<string, string>();

/** Lookup key for names: lower case, no diacritics, no dots, single spaces ("Bogotá" = "bogota", "U.S." = "us"). */
export function nameKey(text: string): string {
  const lower = text.toLowerCase();
  // Most tokens are plain ASCII words: skip the Unicode normalization, which dominates the cost otherwise.
  if (SIMPLE.test(lower)) return lower;
  let key = cache.get(text);
  if (key !== undefined) return key;
  key = lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']/gu, "'")
    .replace(/\./gu, '')
    .replace(/[\s\-‐–]+/gu, ' ')
    .trim();
  if (cache.size > 50_000) cache.clear();
  cache.set(text, key);
  return key;
}
