import { describe, expect, it } from 'vitest';
import { codePointConverter, sliceCodePoints } from '../../src/document/offsets.js';

describe('UTF-16 to code point offsets', () => {
  it('is the identity without astral characters', () => {
    const cp = codePointConverter('Bogotá and Washington');
    expect([cp(0), cp(7), cp(21)]).toEqual([0, 7, 21]);
  });
  it('counts an emoji as one character, as Python does', () => {
    const text = 'Flag 🇨🇴 and 😀 then Petro spoke.';
    const cp = codePointConverter(text);
    const start = text.indexOf('Petro');
    const offset = cp(start);
    expect(sliceCodePoints(text, offset, offset + 5)).toBe('Petro');
    expect(offset).toBe(start - 3); // three astral characters before it, each two UTF-16 units
    expect(cp(text.length)).toBe(Array.from(text).length);
  });
});
