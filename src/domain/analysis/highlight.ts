// Highlighting search hits by Unicode code-point offsets (the unit codings use), so the workbench
// can mark them in the full text. The database decides which records match; here each word of a
// hit is given its English stem (looked up in the database, the same stemmer the index uses) and
// the query's words and phrases are found among them. Phrases are matched word by word, so
// "child protection plan" marks that phrase only, never a lone "plan" elsewhere.
import type { TextQuery } from './text-query.js';

export interface WordToken {
  /** Code points, 0-based. */
  start: number;
  /** Code points, exclusive. */
  end: number;
  text: string;
}

/** The words of a text (runs of letters and digits) with their code-point offsets. */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  let cp = 0;
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    cp += cpCount(text, last, m.index);
    const len = cpCount(text, m.index, m.index + m[0].length);
    out.push({ start: cp, end: cp + len, text: m[0] });
    cp += len;
    last = m.index + m[0].length;
  }
  return out;
}

function cpCount(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The lower-cased forms to stem: every word of the texts and of the query's leaves. */
export function wordsToStem(texts: string[], leaves: TextQuery[]): string[] {
  const set = new Set<string>();
  for (const t of texts) for (const w of wordTokens(t)) set.add(w.text.toLowerCase());
  for (const l of leaves)
    if ('text' in l) for (const w of wordTokens(l.text)) set.add(w.text.toLowerCase());
  return [...set];
}

/** Stem of each lower-cased word (empty: a stop word, ignored by search). */
export type StemMap = ReadonlyMap<string, readonly string[]>;

export type Range = [start: number, end: number];

interface StemmedLeaf {
  kind: 'word' | 'prefix' | 'phrase';
  /** Per word: its stems (null for a stop word, which matches any word in a phrase). */
  words: Array<readonly string[] | null>;
}

function stemLeaf(leaf: TextQuery, stems: StemMap): StemmedLeaf | null {
  if (leaf.kind !== 'word' && leaf.kind !== 'prefix' && leaf.kind !== 'phrase') return null;
  const words = wordTokens(leaf.text).map((w) => {
    const s = stems.get(w.text.toLowerCase());
    return s && s.length > 0 ? s : null;
  });
  while (words.length > 0 && words[0] === null) words.shift();
  while (words.length > 0 && words.at(-1) === null) words.pop();
  if (words.length === 0) return null;
  return { kind: leaf.kind, words };
}

function tokenMatches(tokenStems: readonly string[], want: readonly string[], prefix: boolean) {
  return want.some((w) => tokenStems.some((t) => (prefix ? t.startsWith(w) : t === w)));
}

/** Where the query's positive words and phrases occur in a text, merged and in order. */
export function highlightRanges(
  text: string,
  leaves: TextQuery[],
  stems: StemMap,
  limit = 200,
): Range[] {
  const tokens = wordTokens(text);
  const tokenStems = tokens.map((t) => stems.get(t.text.toLowerCase()) ?? []);
  const ranges: Range[] = [];
  for (const leaf of leaves) {
    const s = stemLeaf(leaf, stems);
    if (!s) continue;
    const prefix = s.kind === 'prefix';
    for (let i = 0; i + s.words.length <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < s.words.length && ok; k++) {
        const want = s.words[k];
        if (want) ok = tokenMatches(tokenStems[i + k]!, want, prefix && k === s.words.length - 1);
      }
      if (ok) ranges.push([tokens[i]!.start, tokens[i + s.words.length - 1]!.end]);
    }
  }
  return mergeRanges(ranges).slice(0, limit);
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

export interface Snippet {
  /** Code points of the snippet within the whole text. */
  start: number;
  end: number;
  text: string;
  /** Highlights inside the snippet, as offsets within the whole text. */
  highlights: Range[];
}

/**
 * Up to `max` short extracts around the first highlights (about `context` code points either
 * side, widened to whole words), or the opening of the text when nothing is highlighted.
 */
export function buildSnippets(
  text: string,
  ranges: Range[],
  opts: { context?: number; max?: number } = {},
): Snippet[] {
  const context = opts.context ?? 60;
  const max = opts.max ?? 3;
  const cps = Array.from(text);
  const n = cps.length;
  const isSpace = (i: number) => i <= 0 || i >= n || /\s/u.test(cps[i]!);
  const widenLeft = (i: number) => {
    let j = Math.max(0, i);
    for (let k = 0; k < 20 && j > 0 && !isSpace(j - 1); k++) j--;
    return j;
  };
  const widenRight = (i: number) => {
    let j = Math.min(n, i);
    for (let k = 0; k < 20 && j < n && !isSpace(j); k++) j++;
    return j;
  };
  if (ranges.length === 0) {
    const end = widenRight(Math.min(n, context * 2));
    return n === 0 ? [] : [{ start: 0, end, text: cps.slice(0, end).join(''), highlights: [] }];
  }
  const windows: Array<{ start: number; end: number; highlights: Range[] }> = [];
  for (const r of ranges) {
    const start = widenLeft(r[0] - context);
    const end = widenRight(r[1] + context);
    const last = windows.at(-1);
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.highlights.push(r);
    } else {
      if (windows.length === max) break;
      windows.push({ start, end, highlights: [r] });
    }
  }
  return windows.map((w) => ({
    start: w.start,
    end: w.end,
    text: cps.slice(w.start, w.end).join(''),
    highlights: w.highlights,
  }));
}
