// The case-level ratings of an activity's sampled cases: every inspector's rating by judgement
// area, the spread of ratings by area and cohort ("of 106 cases, 38 good, ..."), and, where two or
// more inspectors rated the same cases, how far they agree (the agreement engine, ordinal level on
// the framework's grade scale).
import { listCaseRatings, type CaseRating } from '../../data/repositories/case-ratings.js';
import { listSampleCases } from '../../data/repositories/sampling.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { computeAgreement, type AgreementReport } from '../../domain/agreement/index.js';
import {
  areaSpread,
  ratingsTableOf,
  type AreaSpread,
  type RatedCase,
} from '../../domain/judgements/case-rating-spread.js';
import { criteriaOf } from '../../domain/judgements/judgement-rules.js';
import type { UseCaseContext } from '../context.js';
import { judgementScope, type JudgementScope } from './judgement-access.js';

export interface CaseRatingView {
  rater: string;
  mine: boolean;
  grade: string;
  gradeLabel: string;
  criteriaMet: string[];
  criteriaNotMet: string[];
  note: string;
  ratedAt: Date;
}

export interface CaseRatingsArea {
  key: string;
  label: string;
  criteria: { key: string; text: string }[];
  spread: AreaSpread;
  /** Null until two inspectors have rated the same case for this area. */
  agreement: AgreementReport | null;
}

export interface CaseRatings {
  activity: JudgementScope['activity'];
  grades: { key: string; label: string }[];
  areas: CaseRatingsArea[];
  cases: {
    id: string;
    childRef: string;
    cohort: string;
    ratings: Record<string, CaseRatingView[]>;
  }[];
  mayRate: boolean;
}

const AGREEMENT_RESAMPLES = 1000;

function areaAgreement(scope: JudgementScope, rated: RatedCase[]): AgreementReport | null {
  if (!rated.some((c) => c.grades.length >= 2)) return null;
  return computeAgreement(ratingsTableOf(rated), {
    level: 'ordinal',
    categories: scope.fw.grades.map((g) => g.key),
    resamples: AGREEMENT_RESAMPLES,
    seed: 1,
  });
}

export async function getCaseRatings(
  ctx: UseCaseContext,
  activityId: string,
): Promise<CaseRatings> {
  const scope = await judgementScope(ctx, activityId);
  const [sampled, ratings] = await Promise.all([
    listSampleCases(ctx.db, scope.activity.id),
    listCaseRatings(ctx.db, scope.activity.id),
  ]);
  const me = actorUserId(ctx.actor);
  const grades = scope.fw.grades.map((g) => ({ key: g.key, label: g.label }));
  const labelOf = new Map(grades.map((g) => [g.key, g.label]));
  const bySampleCase = new Map<string, CaseRating[]>();
  for (const r of ratings)
    bySampleCase.set(r.sampleCaseId, [...(bySampleCase.get(r.sampleCaseId) ?? []), r]);
  const areas = scope.judgements.filter((j) => j.kind !== 'headline');
  const rated = (key: string): RatedCase[] =>
    sampled.map((c) => ({
      caseId: c.id,
      childRef: c.childRef,
      cohort: c.cohort,
      grades: (bySampleCase.get(c.id) ?? [])
        .filter((r) => r.judgementKey === key)
        .map((r) => ({ rater: r.raterLabel, grade: r.grade })),
    }));
  return {
    activity: scope.activity,
    grades,
    areas: areas.map((j) => {
      const cases = rated(j.key);
      return {
        key: j.key,
        label: j.title,
        criteria: criteriaOf(scope.fw, j.key),
        spread: areaSpread(grades, cases),
        agreement: areaAgreement(scope, cases),
      };
    }),
    cases: sampled.map((c) => {
      const mine = bySampleCase.get(c.id) ?? [];
      const byArea: Record<string, CaseRatingView[]> = {};
      for (const j of areas)
        byArea[j.key] = mine
          .filter((r) => r.judgementKey === j.key)
          .map((r) => ({
            rater: r.raterLabel,
            mine: r.raterId === me,
            grade: r.grade,
            gradeLabel: labelOf.get(r.grade) ?? r.grade,
            criteriaMet: r.criteriaMet,
            criteriaNotMet: r.criteriaNotMet,
            note: r.note,
            ratedAt: r.ratedAt,
          }));
      return { id: c.id, childRef: c.childRef, cohort: c.cohort, ratings: byArea };
    }),
    mayRate: policies.rateCase(ctx.actor, scope.facts, scope.panelMember),
  };
}
