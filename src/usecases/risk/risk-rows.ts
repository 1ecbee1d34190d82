// One row per LA for the regional and national views: current level and direction of travel,
// review dates, latest grades, last and next activity, the last self-evaluation and engagement
// meeting, what changed this quarter and any review asked for by a publication. One query
// whatever the number of LAs (data/repositories/risk-views.ts).
import type { Kysely } from 'kysely';
import type { LocalAuthority } from '../../data/repositories/local-authorities.js';
import { riskViewFacts } from '../../data/repositories/risk-views.js';
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
  /** The LAs are every current LA (the national view): the query need not name them. */
  opts: { everyLa?: boolean } = {},
): Promise<RiskRow[]> {
  const since = quarterStart(today);
  const facts = await riskViewFacts(db, opts.everyLa ? 'all' : las.map((l) => l.id), {
    today,
    since,
    kinds: ['self_evaluation', 'engagement_meeting'],
  });
  return las.map((la) => {
    const f = facts.get(la.id);
    const current = f?.current ?? null;
    const model = current ? riskModel({ id: current.modelId }) : null;
    const previousLevel = f?.previousLevel ?? null;
    const direction =
      current && model ? directionOfTravel(model, previousLevel, current.overallLevel) : null;
    const overall = f?.latestGraded?.overall as GradeKey | null | undefined;
    const l = f?.lastEvent;
    const n = f?.nextPlanned;
    const request = f?.openRequest ?? undefined;
    const due = current?.nextReviewOn ?? null;
    const nextReviewOn = request && (!due || request.requestedOn < due) ? request.requestedOn : due;
    return {
      la: { id: la.id, name: la.name, region: la.ofstedRegion },
      level: current && model ? labelOf(model.levels, current.overallLevel) : null,
      direction,
      directionLabel: direction ? directionLabels[direction] : null,
      assessedOn: current?.assessedOn ?? null,
      nextReviewOn,
      overdue: request !== undefined || (nextReviewOn !== null && nextReviewOn < today),
      reviewRequested: request ? { on: request.requestedOn, reason: request.reason } : null,
      latestGrade:
        f?.latestGraded && overall && gradeLabels[overall]
          ? { key: overall, label: gradeLabels[overall], startDate: f.latestGraded.startDate }
          : null,
      lastActivity: l ? { label: typeLabel(l.activityType), date: l.startDate } : null,
      // The earliest open activity: one under way (started, not yet published) comes first.
      nextActivity: n
        ? {
            label: `${typeLabel(n.activityType)}${n.plannedStart <= today ? ' (under way)' : ''}`,
            date: n.plannedStart,
          }
        : null,
      lastSelfEvaluation: f?.latestOfKinds.self_evaluation ?? null,
      lastEngagementMeeting: f?.latestOfKinds.engagement_meeting ?? null,
      newIntelligenceThisQuarter: f?.newSince ?? 0,
      levelChangedThisQuarter:
        current !== null &&
        current.assessedOn >= since &&
        previousLevel !== null &&
        previousLevel !== current.overallLevel,
    };
  });
}
