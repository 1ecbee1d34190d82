// How far two lists of areas for improvement say the same things: a plain text-overlap measure,
// stated with every result so nobody mistakes it for more. Two areas match when their content
// words overlap by a Dice coefficient of at least MATCH_THRESHOLD (words of four letters or more,
// lower case, a plural "s" folded, common words left out); a list's alignment with another is the
// share of the areas on both sides that match at least one area on the other side.

export const MATCH_THRESHOLD = 0.3;

export const ALIGNMENT_METHOD =
  'Two areas for improvement match when at least 30% of their content words are shared (Dice ' +
  'coefficient of the words of four or more letters, plurals folded, common words left out). ' +
  'Alignment is the share of the areas on both sides that match an area on the other side.';

const COMMON = new Set([
  'about',
  'across',
  'after',
  'also',
  'always',
  'been',
  'being',
  'better',
  'from',
  'have',
  'into',
  'more',
  'most',
  'must',
  'needs',
  'over',
  'should',
  'some',
  'that',
  'their',
  'them',
  'they',
  'this',
  'those',
  'what',
  'when',
  'where',
  'which',
  'with',
  'within',
]);

export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    let w = m[0];
    if (w.length < 4 || COMMON.has(w)) continue;
    if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.add(w);
  }
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return (2 * both) / (a.size + b.size);
}

export interface Alignment {
  /** Share of the areas on both sides that match one on the other side, 0-1; null if none. */
  share: number | null;
  matched: number;
  total: number;
  /** Areas on the left with no match on the right, and the other way round. */
  onlyLeft: string[];
  onlyRight: string[];
}

export function alignment(left: string[], right: string[]): Alignment {
  const l = left.map(contentWords);
  const r = right.map(contentWords);
  const hit = (x: Set<string>, ys: Set<string>[]) => ys.some((y) => dice(x, y) >= MATCH_THRESHOLD);
  const lm = l.map((x) => hit(x, r));
  const rm = r.map((y) => hit(y, l));
  const matched = lm.filter(Boolean).length + rm.filter(Boolean).length;
  const total = left.length + right.length;
  return {
    share: total ? matched / total : null,
    matched,
    total,
    onlyLeft: left.filter((_, i) => !lm[i]),
    onlyRight: right.filter((_, i) => !rm[i]),
  };
}

/** "good" (60% or more), "partial" (30% to 60%) or "little" (under 30%). */
export function alignmentWord(share: number | null): string {
  if (share === null) return 'not measured (no areas for improvement on one side)';
  if (share >= 0.6) return 'good';
  if (share >= 0.3) return 'partial';
  return 'little';
}
