import { describe, expect, it } from 'vitest';
import { cpLength, cpSlice, cpToUtf16, normaliseText, spanProblem, utf16ToCp } from './offsets.js';

const ZOE = 'Zoë 👩‍👧 said…';

describe('code-point offsets', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(ZOE.length).toBe(15);
    expect(cpLength(ZOE)).toBe(13);
    expect(cpLength('')).toBe(0);
    expect(cpLength('😀😀')).toBe(2);
  });

  it('converts between code points and UTF-16 indices both ways', () => {
    // Z o ë ␠ 👩 ZWJ 👧 ␠ s a i d …
    expect(cpToUtf16(ZOE, 4)).toBe(4);
    expect(cpToUtf16(ZOE, 5)).toBe(6);
    expect(cpToUtf16(ZOE, 7)).toBe(9);
    expect(cpToUtf16(ZOE, 13)).toBe(15);
    expect(cpToUtf16(ZOE, 14)).toBe(-1);
    for (let cp = 0; cp <= 13; cp++) expect(utf16ToCp(ZOE, cpToUtf16(ZOE, cp))).toBe(cp);
  });

  it('slices by code points so that emoji sequences and accents round-trip', () => {
    expect(cpSlice(ZOE, 0, 3)).toBe('Zoë');
    expect(cpSlice(ZOE, 4, 7)).toBe('👩‍👧');
    expect(cpSlice(ZOE, 8)).toBe('said…');
    expect(cpSlice(ZOE, 0, 13)).toBe(ZOE);
  });

  it('validates spans against a text', () => {
    expect(spanProblem(ZOE, 0, 13)).toBeNull();
    expect(spanProblem(ZOE, 0, 14)).toMatch(/beyond the text \(13 code points\)/);
    expect(spanProblem(ZOE, 3, 3)).toMatch(/after the start/);
    expect(spanProblem(ZOE, -1, 2)).toMatch(/0 or more/);
    expect(spanProblem(ZOE, 0.5, 2)).toMatch(/whole numbers/);
  });

  it('normalises text to NFC with LF line endings and no lone surrogates or NUL', () => {
    expect(normaliseText('Zoe\u0308\r\nline\rtwo\u0000  \n')).toBe('Zoë\nline\ntwo');
    expect(cpLength(normaliseText('Zoe\u0308'))).toBe(3);
    expect(normaliseText('a\ud800b')).toBe('a\ufffdb');
    expect(normaliseText('👩‍👧')).toBe('👩‍👧');
  });
});
