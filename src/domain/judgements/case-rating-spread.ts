// The spread of case-level ratings behind a judgement (the Slough point: "of 106 cases, 38 good, 36
// requires improvement, 32 inadequate"), by judgement area and by cohort, and the ratings table the
// agreement engine measures inspectors' agreement on (cases rated by two or more inspectors).
import type { RatingsTable } from '../agreement/index.js';

export interface RatedCase {
  caseId: string;
  /** The child's pseudonymous reference, shown to people. */
  childRef: string;
  cohort: string;
  /** The inspectors' grades for one judgement area, by inspector. */
  grades: { rater: string; grade: string }[];
}

export interface GradeCount {
  grade: string;
  label: string;
  count: number;
}

export interface Spread {
  /** Cases rated at least once. */
  cases: number;
  /** Cases whose inspectors all gave the same grade, counted under it. */
  counts: GradeCount[];
  /** Cases whose inspectors gave different grades (counted apart, never averaged). */
  ratedDifferently: number;
  sentence: string;
}

export interface AreaSpread extends Spread {
  byCohort: (Spread & { cohort: string })[];
}

function spreadOf(grades: readonly { key: string; label: string }[], cases: RatedCase[]): Spread {
  const rated = cases.filter((c) => c.grades.length > 0);
  const counts = grades.map((g) => ({ grade: g.key, label: g.label, count: 0 }));
  let ratedDifferently = 0;
  for (const c of rated) {
    const distinct = new Set(c.grades.map((g) => g.grade));
    if (distinct.size > 1) ratedDifferently++;
    else {
      const hit = counts.find((x) => x.grade === c.grades[0]!.grade);
      if (hit) hit.count++;
    }
  }
  const parts = counts.filter((x) => x.count > 0).map((x) => `${x.count} ${x.label.toLowerCase()}`);
  if (ratedDifferently > 0)
    parts.push(`${ratedDifferently} rated differently by different inspectors`);
  const sentence =
    rated.length === 0
      ? 'No cases rated yet'
      : `Of ${rated.length} case${rated.length === 1 ? '' : 's'}, ${parts.join(', ')}`;
  return { cases: rated.length, counts, ratedDifferently, sentence };
}

/** The spread for one judgement area, overall and per cohort (cohorts in the order first met). */
export function areaSpread(
  grades: readonly { key: string; label: string }[],
  cases: RatedCase[],
): AreaSpread {
  const cohorts = [...new Set(cases.map((c) => c.cohort))];
  return {
    ...spreadOf(grades, cases),
    byCohort: cohorts.map((cohort) => ({
      cohort,
      ...spreadOf(
        grades,
        cases.filter((c) => c.cohort === cohort),
      ),
    })),
  };
}

/** Cases as units, inspectors as raters: what the agreement engine measures. */
export function ratingsTableOf(cases: RatedCase[]): RatingsTable {
  const raters = [...new Set(cases.flatMap((c) => c.grades.map((g) => g.rater)))].sort();
  return {
    unit: 'case',
    raters,
    units: cases
      .filter((c) => c.grades.length > 0)
      .map((c) => ({
        id: c.childRef,
        ratings: raters.map((r) => c.grades.find((g) => g.rater === r)?.grade ?? null),
      })),
  };
}
