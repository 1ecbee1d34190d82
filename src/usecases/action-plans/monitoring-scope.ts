// A monitoring visit's (or the next inspection's) first step: the visit, what the actor may do on
// it, and the plan it reviews: the one its views were recorded against, else the LA's latest
// published inspection other than the visit with items to answer.
import {
  findPublishedInspection,
  listPublishedInspections,
  type PublishedInspection,
} from '../../data/repositories/action-plans.js';
import { factsOf, findActivityWithTeamRole } from '../../data/repositories/activities.js';
import { listVisitViews } from '../../data/repositories/monitoring-views.js';
import type { Activity } from '../../domain/activities/activity.js';
import { itemsFromReport } from '../../domain/action-plans/action-plan.js';
import type { MonitoringView } from '../../domain/action-plans/monitoring.js';
import {
  EVIDENCE_CLOSED_STATES,
  policies,
  type ActivityFacts,
} from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface MonitoringScope {
  visit: Activity;
  facts: ActivityFacts;
  plan: PublishedInspection | null;
  views: MonitoringView[];
  closed: boolean;
  can: { record: boolean; viewEvidence: boolean };
}

export async function monitoringScope(
  ctx: UseCaseContext,
  visitId: string,
): Promise<MonitoringScope> {
  const found = await findActivityWithTeamRole(ctx.db, visitId.slice(0, 100), ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  const facts = factsOf(found.activity, found.teamRole);
  if (!policies.viewMonitoringReview(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const views = await listVisitViews(ctx.db, found.activity.id);
  const plan = views[0]
    ? await findPublishedInspection(ctx.db, views[0].planActivityId)
    : ((await listPublishedInspections(ctx.db, found.activity.laId)).find(
        (p) => p.activityId !== found.activity.id && itemsFromReport(p.document).length > 0,
      ) ?? null);
  return {
    visit: found.activity,
    facts,
    plan,
    views,
    closed: EVIDENCE_CLOSED_STATES.has(found.activity.state),
    can: {
      record: policies.recordMonitoringView(ctx.actor, facts),
      viewEvidence: policies.viewEvidence(ctx.actor, facts),
    },
  };
}
