// Inter-coder agreement on the coding of one text by two or more coders, per code, through the
// agreement engine:
// - character level: every character is a unit, coded or not coded with the code by each coder
//   (runs of characters coded alike are one unit weighted by their length; the bootstrap
//   resamples runs, not single characters, since neighbouring characters are not independent);
//   Krippendorff's alpha here is the binary (nominal) alpha over characters, a common stand-in for
//   Krippendorff's unitizing alpha;
// - segment level: each stretch of text some coder coded with the code (overlapping and touching
//   spans of all coders merged) is a unit; a coder agrees if they coded any of it with the code.
// Text nobody coded with any code is left out by default (it would inflate agreement on long
// documents); the result says which choice was made.
// Pooled over several texts (the records of a double coding), the texts are laid end to end with
// a break between them that no unit crosses; "all spans" then pools every code's segments into
// one table for a single Krippendorff's alpha. A code is compared over the coded text of every
// text, so a text where nobody used it counts as agreement that it is not there.
import { computeAgreement } from './engine.js';
import type { AgreementReport, RatingsTable } from './types.js';

export interface CodedSpan {
  coder: string;
  code: string;
  /** Code points, 0-based, end exclusive (as codings are stored). */
  start: number;
  end: number;
}

export interface CodingAgreementOptions {
  coders: string[];
  textLength: number;
  /** Count text nobody coded as agreement that it is not coded (default false: left out). */
  includeUncoded?: boolean;
  resamples?: number;
  seed?: number;
  /** Offsets where one text ends and the next begins (pooled texts): no unit crosses one. */
  breaks?: number[];
}

export interface CodeAgreement {
  code: string;
  characterLevel: AgreementReport;
  segmentLevel: AgreementReport;
  /** Characters counted at the character level. */
  characters: number;
}

export interface CodingAgreement {
  uncodedText: 'excluded' | 'included';
  coders: string[];
  codes: CodeAgreement[];
}

const CODED = 'coded';
const NOT_CODED = 'not coded';

function boundaries(spans: CodedSpan[], length: number, breaks: number[] = []): number[] {
  const b = new Set<number>([0, length, ...breaks]);
  for (const s of spans) {
    b.add(s.start);
    b.add(s.end);
  }
  return [...b].filter((x) => x >= 0 && x <= length).sort((a, c) => a - c);
}

const covers = (s: CodedSpan, from: number, to: number) => s.start <= from && s.end >= to;

function characterTable(
  code: string,
  spans: CodedSpan[],
  o: CodingAgreementOptions,
): { table: RatingsTable; characters: number } {
  const cuts = boundaries(spans, o.textLength, o.breaks);
  const units: RatingsTable['units'] = [];
  let characters = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k]!;
    const to = cuts[k + 1]!;
    if (to <= from) continue;
    const inside = spans.filter((s) => covers(s, from, to));
    if (!o.includeUncoded && inside.length === 0) continue;
    characters += to - from;
    units.push({
      id: `${from}-${to}`,
      weight: to - from,
      ratings: o.coders.map((c) =>
        inside.some((s) => s.coder === c && s.code === code) ? CODED : NOT_CODED,
      ),
    });
  }
  return { table: { unit: 'character', raters: o.coders, units }, characters };
}

function segmentTable(
  code: string,
  spans: CodedSpan[],
  coders: string[],
  breaks: number[] = [],
): RatingsTable {
  const cut = new Set(breaks);
  const mine = spans
    .filter((s) => s.code === code)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const segments: { start: number; end: number; coders: Set<string> }[] = [];
  for (const s of mine) {
    const last = segments[segments.length - 1];
    if (last && (s.start < last.end || (s.start === last.end && !cut.has(s.start)))) {
      last.end = Math.max(last.end, s.end);
      last.coders.add(s.coder);
    } else segments.push({ start: s.start, end: s.end, coders: new Set([s.coder]) });
  }
  return {
    unit: 'text span',
    raters: coders,
    units: segments.map((g) => ({
      id: `${g.start}-${g.end}`,
      ratings: coders.map((c) => (g.coders.has(c) ? CODED : NOT_CODED)),
    })),
  };
}

/** Agreement per code (codes in name order) between the coders of one text. */
export function codingAgreement(spans: CodedSpan[], o: CodingAgreementOptions): CodingAgreement {
  const valid = spans.filter((s) => s.end > s.start && o.coders.includes(s.coder));
  const codes = [...new Set(valid.map((s) => s.code))].sort();
  const options = {
    level: 'nominal' as const,
    categories: [CODED, NOT_CODED],
    resamples: o.resamples,
    seed: o.seed,
  };
  return {
    uncodedText: o.includeUncoded ? 'included' : 'excluded',
    coders: o.coders,
    codes: codes.map((code) => {
      const { table, characters } = characterTable(code, valid, o);
      return {
        code,
        characters,
        characterLevel: computeAgreement(table, options),
        segmentLevel: computeAgreement(segmentTable(code, valid, o.coders, o.breaks), options),
      };
    }),
  };
}

export interface PooledCodingAgreement extends CodingAgreement {
  /** Characters of all the texts together. */
  textLength: number;
  /** Every code's segments in one table: Krippendorff's alpha over all spans. */
  allSpans: AgreementReport;
}

/**
 * Agreement per code pooled over several texts (each with its own spans, offsets in the text),
 * and over all spans of every code.
 */
export function pooledCodingAgreement(
  texts: { spans: CodedSpan[]; textLength: number }[],
  o: Omit<CodingAgreementOptions, 'textLength' | 'breaks'>,
): PooledCodingAgreement {
  const spans: CodedSpan[] = [];
  const breaks: number[] = [];
  let offset = 0;
  for (const t of texts) {
    for (const s of t.spans)
      if (s.end > s.start && s.start >= 0 && s.end <= t.textLength)
        spans.push({ ...s, start: s.start + offset, end: s.end + offset });
    offset += t.textLength;
    breaks.push(offset);
  }
  const pooled = codingAgreement(spans, { ...o, textLength: offset, breaks });
  const valid = spans.filter((s) => o.coders.includes(s.coder));
  const units = pooled.codes.flatMap((c) =>
    segmentTable(c.code, valid, o.coders, breaks).units.map((u) => ({
      ...u,
      id: `${c.code}:${u.id}`,
    })),
  );
  return {
    ...pooled,
    textLength: offset,
    allSpans: computeAgreement(
      { unit: 'text span', raters: o.coders, units },
      { level: 'nominal', categories: [CODED, NOT_CODED], resamples: o.resamples, seed: o.seed },
    ),
  };
}
