/**
 * The one place where UTF-16 indexes (what JavaScript and every library give us) become Unicode
 * code point offsets (what researchers' `text[start:end]` in Python counts).
 */
export type OffsetConverter = (utf16Index: number) => number;

export function codePointConverter(text: string): OffsetConverter {
  // Fast path: without astral characters (surrogate pairs) the two counts agree.
  if (!/[\uD800-\uDFFF]/.test(text)) return (index) => index;
  const table = new Uint32Array(text.length + 1);
  let codePoints = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = codePoints;
    const unit = text.charCodeAt(i);
    const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    if (isHighSurrogate) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // An index between the two halves maps to the character's own start.
        table[i + 1] = codePoints;
        i++;
      }
    }
    codePoints++;
  }
  table[text.length] = codePoints;
  return (index) => table[index]!;
}

/** Python-style slice by code points, for checks and tests. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
