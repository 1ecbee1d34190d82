// Keeping codings on their words when an evidence text is edited. A coding whose words are
// unchanged keeps them (its offsets shift with the edit, or it is found again nearby); a coding
// whose words were changed is flagged 'lost' for someone to look at, never silently moved onto
// other words.
import { cpLength } from './offsets.js';

export interface Anchor {
  start: number;
  end: number;
  /** The coded words as they were. */
  spanText: string;
  /** Already lost after an earlier edit: only found again by its words. */
  lost?: boolean;
}

export interface Reanchored {
  start: number;
  end: number;
  /**
   * ok: the same words, where the edit put them or found again unambiguously; moved: the words
   * occur several times and the nearest to where they were was taken (worth a look); lost: the
   * words were changed (flagged for review, never silently put onto other words).
   */
  status: 'ok' | 'moved' | 'lost';
}

/** The code points the two texts share at the start and at the end (not overlapping). */
export function commonEnds(before: string, after: string): { prefix: number; suffix: number } {
  const a = Array.from(before);
  const b = Array.from(after);
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

/** Re-anchors each coding made on `before` onto `after`. */
export function reanchor(before: string, after: string, anchors: readonly Anchor[]): Reanchored[] {
  const { prefix, suffix } = commonEnds(before, after);
  const oldLength = cpLength(before);
  const newLength = cpLength(after);
  const delta = newLength - oldLength;
  const changedEnd = oldLength - suffix;
  return anchors.map((a) => {
    if (a.lost) return relocate(after, a, a.start, newLength);
    if (a.end <= prefix) return { start: a.start, end: a.end, status: 'ok' };
    if (a.start >= changedEnd) return { start: a.start + delta, end: a.end + delta, status: 'ok' };
    return relocate(after, a, a.start < prefix ? a.start : a.start + delta, newLength);
  });
}

function relocate(after: string, a: Anchor, expected: number, newLength: number): Reanchored {
  const found = nearestOccurrence(after, a.spanText, expected);
  if (!found) return lostAt(a, newLength);
  const end = found.start + cpLength(a.spanText);
  const sure = found.count === 1 || found.start === expected;
  return { start: found.start, end, status: sure ? 'ok' : 'moved' };
}

/** A lost coding keeps its place as far as the new text allows (shown for review there). */
function lostAt(a: Anchor, newLength: number): Reanchored {
  const start = Math.min(a.start, Math.max(0, newLength - 1));
  return { start, end: Math.max(start + 1, Math.min(a.end, newLength)), status: 'lost' };
}

/** The code point offset of the occurrence of needle nearest to `expected`, and how many. */
export function nearestOccurrence(
  hay: string,
  needle: string,
  expected: number,
): { start: number; count: number } | null {
  if (needle.length === 0) return null;
  let best: number | null = null;
  let count = 0;
  let from = 0;
  let lastIndex = 0;
  let lastCp = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const i = hay.indexOf(needle, from);
    if (i < 0) break;
    lastCp += cpLength(hay.slice(lastIndex, i));
    lastIndex = i;
    const cp = lastCp;
    count++;
    if (best === null || Math.abs(cp - expected) < Math.abs(best - expected)) best = cp;
    if (count > 1 && cp > expected) break;
    from = i + 1;
  }
  return best === null ? null : { start: best, count };
}
