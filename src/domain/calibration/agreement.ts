// Calibration figures: how inspectors' blind ratings of vignettes sit against the reference grade
// a national panel agreed, and against each other. Every statistic comes from the agreement engine.
// Privacy (decided here so every front door applies it alike): an inspector's own figures are
// theirs alone; national staff see only groups (a region, a quarter) of at least
// MIN_INSPECTORS_PER_GROUP inspectors, never a named person's figures.
import {
  computeAgreement,
  type AgreementReport,
  type AgreementResult,
} from '../agreement/index.js';

export const MIN_INSPECTORS_PER_GROUP = 3;

export interface GradeScale {
  key: string;
  label: string;
}

/** One inspector's rating of one vignette, with the vignette's reference grade. */
export interface RatedVignette {
  vignetteId: string;
  inspectorId: string;
  reference: string;
  grade: string;
}

export interface FigureWithInterval {
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface ReferenceAgreement {
  ratings: number;
  inspectors: number;
  /** Share of ratings equal to the reference grade. */
  exact: FigureWithInterval;
  /** Share within one grade of the reference. */
  withinOne: FigureWithInterval;
  /** Krippendorff's alpha (ordinal) between the ratings and the reference grades. */
  alpha: FigureWithInterval;
  /** Ratings above (more generous than) and below the reference. */
  higher: number;
  lower: number;
}

const figure = (r: AgreementResult | undefined): FigureWithInterval => ({
  value: r?.value ?? null,
  lower: r?.interval?.lower ?? null,
  upper: r?.interval?.upper ?? null,
});

const find = (report: AgreementReport, statistic: string, level?: string) =>
  report.results.find(
    (r) => r.statistic === statistic && (level === undefined || r.level === level),
  );

/**
 * Agreement with the reference: each rating is a unit rated twice, by the inspector and by the
 * reference panel (an ordinal scale in the framework's order, best first).
 */
export function agreementWithReference(
  rated: RatedVignette[],
  scale: GradeScale[],
  options: { resamples?: number; seed?: number } = {},
): ReferenceAgreement {
  const order = new Map(scale.map((g, i) => [g.key, i]));
  const report = computeAgreement(
    {
      unit: 'vignette rating',
      raters: ['reference', 'inspector'],
      units: rated.map((r, i) => ({
        id: `${r.vignetteId}:${r.inspectorId}:${i}`,
        ratings: [r.reference, r.grade],
      })),
    },
    {
      level: 'ordinal',
      categories: scale.map((g) => g.key),
      resamples: rated.length >= 2 ? (options.resamples ?? 1000) : 0,
      seed: options.seed ?? 1,
    },
  );
  let higher = 0;
  let lower = 0;
  for (const r of rated) {
    const d = (order.get(r.grade) ?? 0) - (order.get(r.reference) ?? 0);
    if (d < 0) higher++;
    if (d > 0) lower++;
  }
  return {
    ratings: rated.length,
    inspectors: new Set(rated.map((r) => r.inspectorId)).size,
    exact: figure(find(report, 'percent-agreement')),
    withinOne: figure(find(report, 'agreement-within-one')),
    alpha: figure(find(report, 'krippendorff-alpha', 'ordinal')),
    higher,
    lower,
  };
}

export interface BetweenInspectors {
  inspectors: number;
  vignettes: number;
  alpha: FigureWithInterval;
  fleiss: FigureWithInterval;
  exact: FigureWithInterval;
}

/** Agreement among the inspectors of one exercise (vignettes are the units). */
export function agreementBetweenInspectors(
  vignetteIds: string[],
  inspectorIds: string[],
  gradeOf: (vignetteId: string, inspectorId: string) => string | null,
  scale: GradeScale[],
  options: { resamples?: number; seed?: number } = {},
): BetweenInspectors {
  const report = computeAgreement(
    {
      unit: 'vignette',
      raters: inspectorIds,
      units: vignetteIds.map((v) => ({ id: v, ratings: inspectorIds.map((i) => gradeOf(v, i)) })),
    },
    {
      level: 'ordinal',
      categories: scale.map((g) => g.key),
      resamples: options.resamples ?? 1000,
      seed: options.seed ?? 1,
    },
  );
  return {
    inspectors: inspectorIds.length,
    vignettes: vignetteIds.length,
    alpha: figure(find(report, 'krippendorff-alpha', 'ordinal')),
    fleiss: figure(find(report, 'fleiss-kappa')),
    exact: figure(find(report, 'percent-agreement')),
  };
}

export interface GradeSpread {
  grade: string;
  label: string;
  count: number;
  reference: boolean;
}

/** How many inspectors gave each grade, in scale order, the reference grade marked. */
export function gradeSpread(
  grades: string[],
  scale: GradeScale[],
  reference: string,
): GradeSpread[] {
  return scale.map((g) => ({
    grade: g.key,
    label: g.label,
    count: grades.filter((x) => x === g.key).length,
    reference: g.key === reference,
  }));
}

/** England's calendar quarter of a date, as "2026 Q4" (the national view's period). */
export function quarterOf(isoDate: string): string {
  const [y, m] = isoDate.split('-');
  return `${y} Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

export interface GroupFigures {
  group: string;
  /** Null when the group has fewer than MIN_INSPECTORS_PER_GROUP inspectors (not shown). */
  agreement: ReferenceAgreement | null;
  inspectors: number;
}

/** Agreement with the reference per group (region or quarter), small groups withheld. */
export function groupedAgreement(
  rated: (RatedVignette & { group: string })[],
  scale: GradeScale[],
  options: { resamples?: number; seed?: number } = {},
): GroupFigures[] {
  const groups = new Map<string, RatedVignette[]>();
  for (const r of rated) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, list]) => {
      const inspectors = new Set(list.map((r) => r.inspectorId)).size;
      return {
        group,
        inspectors,
        agreement:
          inspectors >= MIN_INSPECTORS_PER_GROUP
            ? agreementWithReference(list, scale, options)
            : null,
      };
    });
}
