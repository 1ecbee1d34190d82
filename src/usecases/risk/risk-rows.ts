// One row per LA for the regional and national views: current level and direction of travel,
// review dates, latest grades, last and next activity, the last self-evaluation and engagement
// meeting, and what changed this quarter. Five queries whatever the number of LAs.
import type { Kysely } from 'kysely';
import { latestJudgements } from '../../data/repositories/inspection-history.js';
import { countIntelligenceSince, latestOfKinds } from '../../data/repositories/intelligence.js';
import type { LocalAuthority } from '../../data/repositories/local-authorities.js';
import {
  currentRiskAssessments,
  lastHistoryEvents,
  nextPlannedActivities,
} from '../../data/repositories/risk-assessments.js';
import type { DB } from '../../data/schema.js';
import {
  activityTypeLabels,
  gradeLabels,
  type GradeKey,
  type HistoryActivityType,
} from '../../domain/history/types.js';
import { directionOfTravel, directionLabels, type Direction } from '../../domain/risk/combine.js';
import { riskModel } from '../../domain/risk/installed.js';
import { labelOf, type Labelled } from './get-risk-picture.js';

export interface RiskRow {
  la: { id: string; name: string; region: string | null };
  level: Labelled | null;
  direction: Direction | null;
  directionLabel: string | null;
  assessedOn: string | null;
  nextReviewOn: string | null;
  overdue: boolean;
  latestGrade: { key: GradeKey; label: string; startDate: string } | null;
  lastActivity: { label: string; date: string } | null;
  nextActivity: { label: string; date: string } | null;
  lastSelfEvaluation: string | null;
  lastEngagementMeeting: string | null;
  newIntelligenceThisQuarter: number;
  levelChangedThisQuarter: boolean;
}

/** The first day of the calendar quarter a day falls in. */
export function quarterStart(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

const typeLabel = (t: string) =>
  activityTypeLabels[t as HistoryActivityType] ?? t.replace(/_/g, ' ');

export async function riskRows(
  db: Kysely<DB>,
  las: readonly LocalAuthority[],
  today: string,
): Promise<RiskRow[]> {
  const ids = las.map((l) => l.id);
  const since = quarterStart(today);
  const [risks, grades, last, next, kinds, fresh] = await Promise.all([
    currentRiskAssessments(db, ids),
    latestJudgements(db, { laIds: ids }),
    lastHistoryEvents(db, ids),
    nextPlannedActivities(db, ids, today),
    latestOfKinds(db, ids, ['self_evaluation', 'engagement_meeting']),
    countIntelligenceSince(db, ids, since),
  ]);
  return las.map((la) => {
    const risk = risks.get(la.id);
    const model = risk ? riskModel({ id: risk.current.modelId }) : null;
    const direction =
      risk && model
        ? directionOfTravel(model, risk.previousLevel, risk.current.overallLevel)
        : null;
    const grade = grades.get(la.id);
    const overall = grade?.grades.overall_effectiveness;
    const l = last.get(la.id);
    const n = next.get(la.id);
    return {
      la: { id: la.id, name: la.name, region: la.ofstedRegion },
      level: risk && model ? labelOf(model.levels, risk.current.overallLevel) : null,
      direction,
      directionLabel: direction ? directionLabels[direction] : null,
      assessedOn: risk?.current.assessedOn ?? null,
      nextReviewOn: risk?.current.nextReviewOn ?? null,
      overdue: risk !== undefined && risk.current.nextReviewOn < today,
      latestGrade:
        grade && overall
          ? { key: overall, label: gradeLabels[overall], startDate: grade.startDate }
          : null,
      lastActivity: l ? { label: typeLabel(l.activityType), date: l.startDate } : null,
      nextActivity: n ? { label: typeLabel(n.activityType), date: n.plannedStart } : null,
      lastSelfEvaluation: kinds.get(la.id)?.self_evaluation ?? null,
      lastEngagementMeeting: kinds.get(la.id)?.engagement_meeting ?? null,
      newIntelligenceThisQuarter: fresh.get(la.id) ?? 0,
      levelChangedThisQuarter:
        risk !== undefined &&
        risk.current.assessedOn >= since &&
        risk.previousLevel !== null &&
        risk.previousLevel !== risk.current.overallLevel,
    };
  });
}
