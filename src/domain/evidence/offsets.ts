// Text offsets in Unicode code points, 0-based, end exclusive: the unit REFI-QDA requires and
// the unit PostgreSQL's substr()/char_length() count in a UTF-8 database. JavaScript strings are
// UTF-16, so every offset crossing the boundary goes through these helpers ("👩‍👧" is 3 code
// points and 5 UTF-16 code units; "ë" precomposed is 1 code point).

/** Number of code points in s. */
export function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The UTF-16 index of code point `cp` (cp may equal the length: the end of the string). */
export function cpToUtf16(s: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp; n++) {
    if (i >= s.length) return -1;
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** The code point offset of UTF-16 index i (i must not fall inside a surrogate pair). */
export function utf16ToCp(s: string, i: number): number {
  return cpLength(s.slice(0, i));
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** s between code points start (inclusive) and end (exclusive). */
export function cpSlice(s: string, start: number, end?: number): string {
  const a = cpToUtf16(s, start);
  if (a < 0) return '';
  if (end === undefined) return s.slice(a);
  const b = cpToUtf16(s, end);
  return s.slice(a, b < 0 ? s.length : b);
}

/** Why a span is not valid for a text, or null when it is. */
export function spanProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'Offsets must be whole numbers';
  if (start < 0) return 'The start must be 0 or more';
  if (end <= start) return 'The end must be after the start';
  const length = cpLength(text);
  if (end > length) return `The end (${end}) is beyond the text (${length} code points)`;
  return null;
}

/**
 * Makes text safe and stable to store and to count in: NFC (so "e" + combining diaeresis and
 * "ë" are one code point either way), LF line endings, no NUL, no lone surrogates (PostgreSQL
 * cannot store them), no trailing whitespace at the end of the whole text.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '')
    .replace(/\s+$/u, '');
}
