// How the workbench shows a record's codings: the text cut at every coding boundary into
// segments, each knowing which codings cover it (codings overlap and nest freely), and each
// code's colour mapped onto a fixed palette of stylesheet classes (the page's content security
// policy allows no inline styles, and a fixed palette keeps every highlight readable).
import { cpLength, cpSlice } from '../evidence/offsets.js';

export interface SpanLike {
  id: string;
  /** Code points, 0-based, inclusive. */
  start: number;
  /** Code points, 0-based, exclusive. */
  end: number;
}

export interface Segment {
  /** Code points, 0-based. */
  start: number;
  end: number;
  text: string;
  /** Codings covering the whole segment, outermost (longest) first. */
  codingIds: string[];
}

/**
 * The text as consecutive segments covering it exactly (concatenated they give the text back),
 * cut wherever a coding starts or ends. Spans outside the text are clipped.
 */
export function segmentText(text: string, spans: SpanLike[]): Segment[] {
  const length = cpLength(text);
  const clipped = spans
    .map((s) => ({ id: s.id, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, length]);
  for (const s of clipped) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  // Longest first, so the innermost coding is last (it is the one whose colour shows).
  const ordered = [...clipped].sort((a, b) => b.end - b.start - (a.end - a.start));
  const out: Segment[] = [];
  // Slice by UTF-16 index once per cut rather than re-walking the text for each segment.
  const chars = Array.from(text);
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({
      start,
      end,
      text: chars.slice(start, end).join(''),
      codingIds: ordered.filter((s) => s.start <= start && s.end >= end).map((s) => s.id),
    });
  }
  if (out.length === 0) out.push({ start: 0, end: 0, text: '', codingIds: [] });
  return out;
}

/** The words of a span, for labels ("“listens to her”"), shortened past `max` code points. */
export function spanExcerpt(text: string, start: number, end: number, max = 80): string {
  const words = cpSlice(text, start, end);
  return cpLength(words) > max ? `${cpSlice(words, 0, max - 1).trimEnd()}…` : words;
}

/** The palette the stylesheet knows (GOV.UK colours); a code's colour shows as the nearest. */
export const PALETTE = [
  '1d70b8',
  '00703c',
  '912b88',
  'f47738',
  '4c2c92',
  'd4351c',
  '28a197',
  'd53880',
  'b58840',
  '5694ca',
  '85994b',
  '505a5f',
] as const;

const rgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(0, 2), 16),
  parseInt(hex.slice(2, 4), 16),
  parseInt(hex.slice(4, 6), 16),
];

/** The stylesheet class for a code colour ('#rrggbb' or null): `app-wb-c-<palette hex>`. */
export function colourClass(colour: string | null): string {
  const hex = colour?.replace(/^#/, '').toLowerCase() ?? '';
  if (!/^[0-9a-f]{6}$/.test(hex)) return 'app-wb-c-505a5f';
  const [r, g, b] = rgb(hex);
  let best: string = PALETTE[0];
  let bestDistance = Infinity;
  for (const p of PALETTE) {
    const [pr, pg, pb] = rgb(p);
    // Weighted for the eye's sensitivity to green ("redmean" would be closer; this is enough).
    const d = 3 * (r - pr) ** 2 + 4 * (g - pg) ** 2 + 2 * (b - pb) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = p;
    }
  }
  return `app-wb-c-${best}`;
}
