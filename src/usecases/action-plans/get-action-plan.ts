// The action plan of one published inspection: each item of the report with the LA's actions and
// dated progress, where the plan stands, its versions, and the monitoring views the actor may see.
// The LA's own users see their draft; everyone else sees the latest submitted version.
import { z } from 'zod';
import { listPlanVersions } from '../../data/repositories/action-plans.js';
import {
  ITEM_KIND_LABELS,
  mergeItems,
  PLAN_STATUS_LABELS,
  planStatus,
  type PlanItem,
  type PlanStatus,
} from '../../domain/action-plans/action-plan.js';
import type { UseCaseContext } from '../context.js';
import { viewsByItem, type ItemViewShown } from './plan-views.js';
import { parseInput, planScope, workingItems } from './scope.js';

export const GetActionPlanInput = z.object({ activityId: z.string().max(100) });

export interface ActionPlanPage {
  inspection: { activityId: string; title: string; publishedAt: Date };
  la: { id: string; name: string };
  status: PlanStatus;
  statusLabel: string;
  /** What the page shows: the draft for its writers, else the latest version. */
  showing: 'draft' | 'latest_version' | 'nothing_submitted';
  items: (PlanItem & { kindLabel: string; views: ItemViewShown[] })[];
  draft: { basedOnVersion: number | null } | null;
  versions: {
    version: number;
    submittedAt: Date;
    submittedBy: string;
    response: { kind: string; at: Date; by: string; comment: string | null } | null;
  }[];
  can: { write: boolean; respond: boolean };
}

export async function getActionPlan(
  ctx: UseCaseContext,
  raw: z.input<typeof GetActionPlanInput>,
): Promise<ActionPlanPage> {
  const input = parseInput(GetActionPlanInput, raw);
  const scope = await planScope(ctx, input.activityId);
  const [versions, views] = await Promise.all([
    listPlanVersions(ctx.db, scope.inspection.activityId),
    viewsByItem(ctx, scope),
  ]);
  const latest = versions[0] ?? null;
  const working = scope.can.write ? await workingItems(ctx.db, scope) : null;
  const items = working?.items ?? mergeItems(scope.reportItems, latest?.items ?? null);
  const draft = working?.hasDraft ? { basedOnVersion: working.basedOnVersion } : null;
  const status = planStatus(draft, latest);
  return {
    inspection: {
      activityId: scope.inspection.activityId,
      title: scope.inspection.title,
      publishedAt: scope.inspection.publishedAt,
    },
    la: { id: scope.la.id, name: scope.la.name },
    status,
    statusLabel: PLAN_STATUS_LABELS[status],
    showing: draft ? 'draft' : latest ? 'latest_version' : 'nothing_submitted',
    items: items.map((i) => ({
      ...i,
      kindLabel: ITEM_KIND_LABELS[i.kind],
      views: views.get(i.key) ?? [],
    })),
    draft,
    versions: versions.map((v) => ({
      version: v.version,
      submittedAt: v.submittedAt,
      submittedBy: v.submittedBy.label,
      response: v.response
        ? {
            kind: v.response.kind,
            at: v.response.at,
            by: v.response.by.label,
            comment: v.response.comment,
          }
        : null,
    })),
    can: { write: scope.can.write, respond: scope.can.respond },
  };
}
