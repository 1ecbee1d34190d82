// The monitoring views beside each item of a plan, as the actor may see them: published visits'
// views for everyone who reads the plan; views of visits not yet published only for the
// inspectorate (policies.viewUnpublishedMonitoringViews). Shared by the plan's read use cases.
import { listPlanViews } from '../../data/repositories/monitoring-views.js';
import { MONITORING_VIEW_LABELS } from '../../domain/action-plans/monitoring.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import type { PlanScope } from './scope.js';

export interface ItemViewShown {
  visitId: string;
  visitTitle: string;
  published: boolean;
  view: string;
  viewLabel: string;
  reason: string;
  recordedAt: Date;
  recordedBy: string;
}

export async function viewsByItem(
  ctx: UseCaseContext,
  scope: PlanScope,
): Promise<Map<string, ItemViewShown[]>> {
  const all = await listPlanViews(ctx.db, scope.inspection.activityId);
  const out = new Map<string, ItemViewShown[]>();
  for (const v of all) {
    const published = policies.viewPublishedMonitoringViews(ctx.actor, scope.facts, v.visitState);
    if (!published && !scope.can.seeUnpublishedViews) continue;
    const list = out.get(v.itemKey) ?? [];
    list.push({
      visitId: v.visitId,
      visitTitle: v.visitTitle,
      published: v.visitState === 'published',
      view: v.view,
      viewLabel: MONITORING_VIEW_LABELS[v.view],
      reason: v.reason,
      recordedAt: v.recordedAt,
      recordedBy: v.recordedBy.label,
    });
    out.set(v.itemKey, list);
  }
  return out;
}
