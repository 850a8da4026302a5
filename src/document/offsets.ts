/**
 * The one place where UTF-16 indexes (what JavaScript and every library give us) become Unicode
 * code point offsets (what researchers' `text[start:end]` in Python counts), and back: the writer
 * converts to code points, the readers of published JSON (report, regression diff) convert back.
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

/**
 * Code points (the JSON's offsets) to UTF-16 indexes of `text`; null past the end of the text or for a
 * non-integer. Without astral characters the two counts agree, which is the common case and costs nothing.
 */
export function utf16Converter(text: string): (codePoint: number) => number | null {
  // No `u` flag: with it a surrogate pair is one character and the class never matches.
  if (!/[\uD800-\uDFFF]/.test(text)) return (cp) => (Number.isInteger(cp) && cp >= 0 && cp <= text.length ? cp : null);
  const table: number[] = [];
  let index = 0;
  for (const ch of text) {
    table.push(index);
    index += ch.length;
  }
  table.push(index);
  return (cp) => (Number.isInteger(cp) ? (table[cp] ?? null) : null);
}

/** Python-style slice by code points, for checks and tests. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
