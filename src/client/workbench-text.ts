// Text positions for the workbench, in Unicode code points (what the server, PostgreSQL and
// REFI-QDA count), never UTF-16 units: "👩‍👧" is 3 code points and 5 units. The record's text is
// rendered as consecutive segments (<span>/<mark data-start="N">), each one text node, so a DOM
// position maps to a code point through its segment's start. Word and sentence steps for
// keyboard selection are here too. No DOM access in the pure functions (unit tested).

/** Code points of s. */
export function cpCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The UTF-16 index of code point cp in s (cp may be the length). */
export function cpIndex(s: string, cp: number): number {
  let i = 0;
  let n = 0;
  for (const ch of s) {
    if (n === cp) return i;
    i += ch.length;
    n++;
  }
  return s.length;
}

const WORD = /[\p{L}\p{N}\p{M}'’_-]/u;
const isWord = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);

/** The end of the word at or after position i (skipping spaces and punctuation first). */
export function nextWordEnd(chars: string[], i: number): number {
  let p = i;
  while (p < chars.length && !isWord(chars[p])) p++;
  while (p < chars.length && isWord(chars[p])) p++;
  return p;
}

/** The start of the word before position i. */
export function previousWordStart(chars: string[], i: number): number {
  let p = i;
  while (p > 0 && !isWord(chars[p - 1])) p--;
  while (p > 0 && isWord(chars[p - 1])) p--;
  return p;
}

/** The sentence around position i, without surrounding spaces: [start, end). */
export function sentenceAt(chars: string[], i: number): [number, number] {
  const space = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
  const closers = new Set(['"', '”', '’', "'", ')', ']']);
  // Whether a sentence starts at p: after a line break, or after spaces that follow . ! or ?
  // (closing quotes and brackets between them are part of the sentence before).
  const startsAt = (p: number): boolean => {
    if (p <= 0) return true;
    if (chars[p - 1] === '\n') return true;
    if (!space(chars[p - 1])) return false;
    let q = p - 1;
    while (q > 0 && space(chars[q])) q--;
    while (q > 0 && closers.has(chars[q]!)) q--;
    return ['.', '!', '?'].includes(chars[q]!);
  };
  let start = Math.min(Math.max(0, i), chars.length);
  while (start > 0 && !startsAt(start)) start--;
  let end = Math.max(start + 1, Math.min(i + 1, chars.length));
  while (end < chars.length && !startsAt(end)) end++;
  end = Math.min(end, chars.length);
  while (start < end && space(chars[start])) start++;
  while (end > start && space(chars[end - 1])) end--;
  return [start, end];
}

/** A span's words for messages, shortened past `max` code points. */
export function excerpt(chars: string[], start: number, end: number, max = 60): string {
  const words = chars.slice(start, end).join('');
  return end - start > max ? `${chars.slice(start, start + max - 1).join('')}…` : words;
}

/** The code point at which a DOM position (node, offset) falls within the text element. */
export function domToCp(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const segments = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const total = cpCount(root.textContent ?? '');
  if (node === root) {
    const seg = segments[offset];
    return seg ? Number(seg.dataset.start) : total;
  }
  const seg = (
    node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
  )?.closest<HTMLElement>('[data-start]');
  if (!seg) return null;
  const start = Number(seg.dataset.start);
  if (node.nodeType === Node.TEXT_NODE)
    return start + cpCount((node as Text).data.slice(0, offset));
  return offset === 0 ? start : start + cpCount(seg.textContent ?? '');
}

/** The DOM position (text node, UTF-16 offset) of a code point within the text element. */
export function cpToDom(root: HTMLElement, cp: number): { node: Node; offset: number } {
  const segments = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  let seg = segments[0];
  for (const s of segments) {
    if (Number(s.dataset.start) <= cp) seg = s;
    else break;
  }
  const text = seg?.firstChild;
  if (!seg || !text) return { node: root, offset: 0 };
  const data = (text as Text).data;
  return { node: text, offset: cpIndex(data, cp - Number(seg.dataset.start)) };
}
