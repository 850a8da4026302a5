import type { Dateline, Span, TextSpan } from '../document/types.js';

/**
 * Datelines open the first body paragraph: upper-case place names, optionally joined by "/" or ",",
 * an optional date or agency in parentheses, then a dash ("BOGOTÁ / WASHINGTON —",
 * "LONDON, March 3 (Reuters) -", "NEW YORK (AP) —").
 */
const PLACE = String.raw`\p{Lu}[\p{Lu}.'’\-]*(?: \p{Lu}[\p{Lu}.'’\-]*)*`;
const DATELINE = new RegExp(
  String.raw`^(${PLACE}(?:\s*[/,]\s*${PLACE})*)(?:,\s*[\p{L}.]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+`,
  'u',
);

export function findDateline(text: string, paragraphs: readonly Span[], headline: TextSpan | null): Dateline | null {
  const paragraph = paragraphs.find((p) => !headline || p.start >= headline.end);
  if (!paragraph) return null;
  const body = text.slice(paragraph.start, paragraph.end);
  const match = DATELINE.exec(body);
  if (!match) return null;
  const placesText = match[1]!;
  // A dateline's places are at least two letters of capitals; a sentence opening like "A —" is not one.
  if (!/\p{Lu}{2}/u.test(placesText)) return null;
  const places: TextSpan[] = [];
  const placeRe = new RegExp(PLACE, 'gu');
  for (let m = placeRe.exec(placesText); m; m = placeRe.exec(placesText)) {
    const start = paragraph.start + m.index;
    places.push({ start, end: start + m[0].length, text: m[0] });
  }
  const trimmed = match[0].replace(/\s+$/u, '');
  return { start: paragraph.start, end: paragraph.start + trimmed.length, text: trimmed, places };
}
