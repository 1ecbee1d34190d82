// One submitted version of a plan as it was submitted, with what changed since the one before.
import { z } from 'zod';
import { findPlanVersion } from '../../data/repositories/action-plans.js';
import {
  ITEM_KIND_LABELS,
  itemChanges,
  mergeItems,
  type ActionPlanVersion,
  type PlanItem,
} from '../../domain/action-plans/action-plan.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { parseInput, planScope } from './scope.js';

export const GetActionPlanVersionInput = z.object({
  activityId: z.string().max(100),
  version: z.coerce.number().int().min(1).max(100_000),
});

export interface ActionPlanVersionPage {
  inspection: { activityId: string; title: string };
  la: { id: string; name: string };
  version: Omit<ActionPlanVersion, 'items'>;
  items: (PlanItem & {
    kindLabel: string;
    changes: { actionsAdded: number; actionsRemoved: number; updatesAdded: number } | null;
  })[];
  canRespond: boolean;
}

export async function getActionPlanVersion(
  ctx: UseCaseContext,
  raw: z.input<typeof GetActionPlanVersionInput>,
): Promise<ActionPlanVersionPage> {
  const scope = await planScope(ctx, String(raw.activityId ?? ''));
  const input = parseInput(GetActionPlanVersionInput, raw);
  const id = scope.inspection.activityId;
  const [v, previous] = await Promise.all([
    findPlanVersion(ctx.db, id, input.version),
    input.version > 1 ? findPlanVersion(ctx.db, id, input.version - 1) : null,
  ]);
  if (!v) throw new AppError('NOT_FOUND');
  const items = mergeItems(scope.reportItems, v.items);
  const changes = previous
    ? new Map(
        itemChanges(mergeItems(scope.reportItems, previous.items), items).map((c) => [c.key, c]),
      )
    : null;
  const { items: _stored, ...version } = v;
  return {
    inspection: { activityId: id, title: scope.inspection.title },
    la: { id: scope.la.id, name: scope.la.name },
    version,
    items: items.map((i) => ({
      ...i,
      kindLabel: ITEM_KIND_LABELS[i.kind],
      changes: changes?.get(i.key) ?? null,
    })),
    canRespond: scope.can.respond && !v.response,
  };
}
