// The LA submits its action plan: the draft becomes the next numbered version, which never
// changes afterwards (but for the region's answer); earlier versions stay readable.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deletePlanDraft, insertPlanVersion } from '../../data/repositories/action-plans.js';
import {
  submissionProblems,
  type ActionPlanVersion,
} from '../../domain/action-plans/action-plan.js';
import { AppError } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { parseInput, planScope, workingItems } from './scope.js';

export const SubmitActionPlanInput = z.object({ activityId: z.string().max(100) });
export type SubmitActionPlanInput = z.input<typeof SubmitActionPlanInput>;

export async function submitActionPlan(
  ctx: UseCaseContext,
  raw: SubmitActionPlanInput,
): Promise<ActionPlanVersion> {
  const input = parseInput(SubmitActionPlanInput, raw);
  const scope = await planScope(ctx, input.activityId);
  if (!scope.can.write) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (trx) => {
    const working = await workingItems(trx, scope, { lock: true });
    if (!working.hasDraft && working.basedOnVersion !== null)
      throw new AppError('VALIDATION_FAILED', {
        message: `Nothing has changed since version ${working.basedOnVersion}: change the plan first.`,
      });
    const problems = submissionProblems(working.items);
    if (problems.length) throw new AppError('ACTION_PLAN_INCOMPLETE', { details: problems });
    const { activityId, laId } = scope.inspection;
    // The draft row is locked: the latest version cannot move under us.
    const version = (working.basedOnVersion ?? 0) + 1;
    const saved = await insertPlanVersion(
      trx,
      { activityId, laId, version, items: working.items },
      actorRef(ctx.actor),
      now(),
    );
    await deletePlanDraft(trx, activityId);
    await writeAudit(trx, ctx.actor, {
      action: 'action_plan.submitted',
      entityType: 'action_plan',
      entityId: saved.id,
      activityId,
      laId,
      after: {
        version,
        items: saved.items.length,
        actions: saved.items.reduce((n, i) => n + i.actions.length, 0),
        updates: saved.items.reduce((n, i) => n + i.updates.length, 0),
      },
    });
    return saved;
  });
}
