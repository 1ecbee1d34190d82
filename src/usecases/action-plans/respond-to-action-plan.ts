// The region answers a submitted version: it acknowledges it, or returns it with comments for the
// LA to revise and submit again. Once per version; the LA sees who answered, when and why.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { answerPlanVersion, findPlanVersion } from '../../data/repositories/action-plans.js';
import type { ActionPlanVersion } from '../../domain/action-plans/action-plan.js';
import { AppError } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { parseInput, planScope } from './scope.js';

export const RespondToActionPlanInput = z
  .object({
    activityId: z.string().max(100),
    version: z.coerce.number().int().min(1).max(100_000),
    decision: z.enum(['acknowledge', 'return'], { message: 'Choose acknowledge or return' }),
    comment: z.string().trim().max(3000, 'Keep the comments to 3,000 characters').default(''),
  })
  .refine((v) => v.decision !== 'return' || v.comment.length > 0, {
    path: ['comment'],
    message: 'Say what the local authority should change',
  });
export type RespondToActionPlanInput = z.input<typeof RespondToActionPlanInput>;

export async function respondToActionPlan(
  ctx: UseCaseContext,
  raw: RespondToActionPlanInput,
): Promise<ActionPlanVersion> {
  const scope = await planScope(ctx, String(raw.activityId ?? ''));
  const input = parseInput(RespondToActionPlanInput, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await findPlanVersion(trx, scope.inspection.activityId, input.version, {
      lock: true,
    });
    if (!v) throw new AppError('NOT_FOUND');
    if (!scope.can.respond) throw new AppError('FORBIDDEN');
    if (v.response)
      throw new AppError('ACTION_PLAN_ANSWERED', {
        message: `Version ${v.version} was ${v.response.kind} by ${v.response.by.label} already.`,
      });
    const kind = input.decision === 'acknowledge' ? 'acknowledged' : 'returned';
    const done = await answerPlanVersion(trx, v.id, {
      kind,
      by: actorRef(ctx.actor),
      at: now(),
      comment: input.comment || null,
    });
    if (!done) throw new AppError('ACTION_PLAN_ANSWERED');
    await writeAudit(trx, ctx.actor, {
      action: kind === 'acknowledged' ? 'action_plan.acknowledged' : 'action_plan.returned',
      entityType: 'action_plan',
      entityId: v.id,
      activityId: scope.inspection.activityId,
      laId: scope.inspection.laId,
      after: { version: v.version, comment: input.comment || null },
    });
    return done;
  });
}
