// One row per LA for the regional and national views: current level and direction of travel,
// review dates, latest grades, last and next activity, the last self-evaluation and engagement
// meeting, what changed this quarter and any review asked for by a publication. Seven queries
// whatever the number of LAs.
import type { Kysely } from 'kysely';
import { latestJudgements } from '../../data/repositories/inspection-history.js';
import { countIntelligenceSince, latestOfKinds } from '../../data/repositories/intelligence.js';
import type { LocalAuthority } from '../../data/repositories/local-authorities.js';
import {
  currentRiskAssessments,
  lastHistoryEvents,
  nextPlannedActivities,
  openReviewRequests,
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
  /** The review is overdue, or was asked for (a publication) and not yet made. */
  overdue: boolean;
  /** Why a review was asked for before its date (an inspection published), if one is open. */
  reviewRequested: { on: string; reason: string } | null;
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
  const [risks, grades, last, next, kinds, fresh, requests] = await Promise.all([
    currentRiskAssessments(db, ids),
    latestJudgements(db, { laIds: ids }),
    lastHistoryEvents(db, ids),
    nextPlannedActivities(db, ids, today),
    latestOfKinds(db, ids, ['self_evaluation', 'engagement_meeting']),
    countIntelligenceSince(db, ids, since),
    openReviewRequests(db, ids),
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
    const request = requests.get(la.id);
    const due = risk?.current.nextReviewOn ?? null;
    const nextReviewOn = request && (!due || request.requestedOn < due) ? request.requestedOn : due;
    return {
      la: { id: la.id, name: la.name, region: la.ofstedRegion },
      level: risk && model ? labelOf(model.levels, risk.current.overallLevel) : null,
      direction,
      directionLabel: direction ? directionLabels[direction] : null,
      assessedOn: risk?.current.assessedOn ?? null,
      nextReviewOn,
      overdue: request !== undefined || (nextReviewOn !== null && nextReviewOn < today),
      reviewRequested: request ? { on: request.requestedOn, reason: request.reason } : null,
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
