/** Lookup key for names: lower case, no diacritics, no dots, single spaces ("Bogotá" = "bogota", "U.S." = "us"). */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/gu, "'")
    .replace(/\./gu, '')
    .replace(/[\s\-‐–]+/gu, ' ')
    .trim();
}
