// An LA's action plans: one per published inspection or visit whose report has items to answer,
// newest first, with where each stands.
import { z } from 'zod';
import { listPublishedInspections, planStates } from '../../data/repositories/action-plans.js';
import {
  itemsFromReport,
  PLAN_STATUS_LABELS,
  planStatus,
  type PlanStatus,
} from '../../domain/action-plans/action-plan.js';
import type { UseCaseContext } from '../context.js';
import { laScope, parseInput } from './scope.js';

export const ListActionPlansInput = z.object({ laId: z.string().max(200) });

export interface ActionPlanSummary {
  activityId: string;
  title: string;
  publishedAt: Date;
  items: number;
  status: PlanStatus;
  statusLabel: string;
  latestVersion: number | null;
}

export async function listActionPlans(
  ctx: UseCaseContext,
  raw: z.input<typeof ListActionPlansInput>,
): Promise<{
  la: { id: string; name: string };
  plans: ActionPlanSummary[];
  can: { write: boolean };
}> {
  const input = parseInput(ListActionPlansInput, raw);
  const scope = await laScope(ctx, input.laId);
  const published = (await listPublishedInspections(ctx.db, scope.la.id))
    .map((p) => ({ p, items: itemsFromReport(p.document).length }))
    .filter((x) => x.items > 0);
  const states = await planStates(
    ctx.db,
    published.map((x) => x.p.activityId),
  );
  return {
    la: { id: scope.la.id, name: scope.la.name },
    plans: published.map(({ p, items }) => {
      const s = states.get(p.activityId)!;
      // Only the LA's own users see that a draft exists.
      const status = planStatus(
        s.hasDraft && scope.can.write ? { basedOnVersion: null } : null,
        s.latest,
      );
      return {
        activityId: p.activityId,
        title: p.title,
        publishedAt: p.publishedAt,
        items,
        status,
        statusLabel: PLAN_STATUS_LABELS[status],
        latestVersion: s.latest?.version ?? null,
      };
    }),
    can: { write: scope.can.write },
  };
}
