// Candidate lines of enquiry from the data profile (docs/annex-a-profile.md, "Candidate rule"):
// an indicator that is markedly worse than its benchmarks, markedly different where no direction
// is better, or that contradicts what the LA's self-evaluation (SEF) says about it.
import type { Comparison } from './benchmarks.js';
import type { IndicatorDefinition } from './indicators.js';

export const sefClaims = ['strong', 'improving', 'weak'] as const;
export type SefClaim = (typeof sefClaims)[number];

/** Thresholds of "markedly": both must hold, so small bases and tiny gaps never qualify. */
export const RULE = {
  /** Relative difference from England (|LA − England| / England). */
  relative: 0.2,
  /** Absolute difference (percentage points, or rate points per 10,000). */
  absolute: 2,
  /** Fewer cases than this in the denominator: no candidate (too few to compare). */
  minDenominator: 10,
} as const;

export type CandidateReason = 'worse_than_benchmarks' | 'unusual' | 'sef_contradiction';

export interface Candidate {
  indicatorKey: string;
  reasons: CandidateReason[];
  /** Plain words: why it is proposed. */
  because: string[];
  suggestedTitle: string;
  value: number;
}

const fmt = (v: number, unit: IndicatorDefinition['unit']): string =>
  unit === 'percent' ? `${v}%` : unit === 'rate' ? `${v} per 10,000` : String(v);

/** +1 when `value` is better than `ref`, -1 when worse, 0 when polarity says neither. */
function direction(def: IndicatorDefinition, value: number, ref: number): number {
  if (def.polarity === 'neither' || value === ref) return 0;
  const higher = value > ref;
  return (def.polarity === 'higher') === higher ? 1 : -1;
}

function marked(value: number, ref: number): boolean {
  const abs = Math.abs(value - ref);
  return abs >= RULE.absolute && (ref === 0 || abs / Math.abs(ref) >= RULE.relative);
}

export function candidateFor(
  def: IndicatorDefinition,
  value: number | null,
  denominator: number | null,
  cmp: Comparison | null,
  claim: SefClaim | null,
): Candidate | null {
  if (value === null) return null;
  if (denominator !== null && denominator < RULE.minDenominator && def.unit === 'percent')
    return null;
  const reasons: CandidateReason[] = [];
  const because: string[] = [];
  const v = fmt(value, def.unit);
  const england = cmp?.england ?? null;
  const outsideSn =
    cmp && cmp.snMin !== null && cmp.snMax !== null && cmp.snCount >= 3
      ? value < cmp.snMin
        ? 'below'
        : value > cmp.snMax
          ? 'above'
          : null
      : null;
  const markedVsEngland = england !== null && marked(value, england);
  if (england !== null && (markedVsEngland || outsideSn)) {
    const dir = direction(def, value, england);
    const against = `England ${fmt(england, def.unit)}${
      cmp?.snAverage !== null && cmp?.snAverage !== undefined
        ? `, statistical neighbours ${fmt(cmp.snAverage, def.unit)} (range ${fmt(cmp.snMin ?? 0, def.unit)}–${fmt(cmp.snMax ?? 0, def.unit)})`
        : ''
    }`;
    if (def.polarity !== 'neither' && dir < 0) {
      reasons.push('worse_than_benchmarks');
      because.push(
        `${v} is worse than ${against}${outsideSn ? `; ${outsideSn} every statistical neighbour` : ''}.`,
      );
    } else if (def.polarity === 'neither') {
      reasons.push('unusual');
      because.push(`${v} differs markedly from ${against}.`);
    }
  }
  if (claim) {
    const ref = england ?? cmp?.laPublished ?? null;
    if (ref !== null && def.polarity !== 'neither') {
      const dir = direction(def, value, ref);
      const markedly = marked(value, ref) || outsideSn !== null;
      if ((claim === 'strong' || claim === 'improving') && dir < 0 && markedly) {
        reasons.push('sef_contradiction');
        because.push(
          `The self-evaluation says this is ${claim}, but ${v} is worse than England ${fmt(ref, def.unit)}.`,
        );
      } else if (claim === 'weak' && dir > 0 && markedly) {
        reasons.push('sef_contradiction');
        because.push(
          `The self-evaluation says this is weak, but ${v} is better than England ${fmt(ref, def.unit)}.`,
        );
      }
    }
    const published = cmp?.laPublished ?? null;
    if (
      claim === 'improving' &&
      published !== null &&
      direction(def, value, published) < 0 &&
      marked(value, published) &&
      !reasons.includes('sef_contradiction')
    ) {
      reasons.push('sef_contradiction');
      because.push(
        `The self-evaluation says this is improving, but ${v} is worse than the LA’s own published ${fmt(published, def.unit)} (${cmp?.year}).`,
      );
    }
  }
  if (!reasons.length) return null;
  return {
    indicatorKey: def.key,
    reasons,
    because,
    suggestedTitle: suggestedTitle(def, reasons),
    value,
  };
}

// The indicator's name is quoted as a name, so the sentence reads whatever the name is (a noun
// phrase, a plural, or "Topic: detail").
function suggestedTitle(def: IndicatorDefinition, reasons: CandidateReason[]): string {
  const figure = `the figure for “${def.title}”`;
  if (reasons.includes('sef_contradiction')) return `Test the self-evaluation against ${figure}`;
  if (reasons.includes('worse_than_benchmarks'))
    return `Why is ${figure} worse than in similar areas, and what difference does it make to children?`;
  return `Understand why ${figure} differs from similar areas`;
}
