import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText } from './xml-writer.js';

// What the escapes gave before values needing nothing were returned as they are.
const INVALID =
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const slowText = (s: string) =>
  s
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
const slowAttribute = (s: string) =>
  slowText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

describe('XML escaping', () => {
  const samples = [
    '',
    '6f0f1c57-2d1e-4c43-9d53-7a2f4f7d0b11',
    '2026-12-07T14:00:00.000Z',
    'E12 — Case file audit — 2026-06-02',
    'Plain words, commas; and “quotes”',
    'a & b < c > d "e"',
    'line\nbreak\r\nand\ttab',
    'bell\u0007 and form\u000cfeed',
    'emoji 👩‍👧 and a lone \ud800 surrogate and \udc00 another',
    '\ufffe\uffff',
    "O'Brien",
  ];
  it('gives what the full replacements give, for values that need work and values that do not', () => {
    for (const s of samples) {
      expect(escapeText(s)).toBe(slowText(s));
      expect(escapeAttribute(s)).toBe(slowAttribute(s));
    }
  });
  it('returns a value that needs nothing unchanged', () => {
    const s = 'E12 — Case file audit — 2026-06-02';
    expect(escapeAttribute(s)).toBe(s);
  });
});
