import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findActivityWithTeamRole, factsOf } from '../../data/repositories/activities.js';
import { findPlanItem, markPlanItem } from '../../data/repositories/fieldwork.js';
import { policies } from '../../domain/access/policies.js';
import { consentStates, infoSheetStates, planStatuses } from '../../domain/fieldwork/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const MarkFieldworkItemInput = z.object({
  activityId: z.string(),
  kind: z.enum(['visit', 'conversation', 'observation']),
  itemId: z.string(),
  status: z.enum(planStatuses, { message: 'Choose done, cancelled or planned' }),
  /** A case visit done: the minutes spent on the case. */
  minutesSpent: z.coerce.number().int().min(0).max(1440).nullish(),
  consent: z.enum(consentStates).optional(),
  infoSheet: z.enum(infoSheetStates).optional(),
});
export type MarkFieldworkItemInput = z.input<typeof MarkFieldworkItemInput>;

/**
 * Marks a planned case visit, conversation or observation done, cancelled or back to planned:
 * the lead, or the inspector it is allocated to.
 */
export async function markFieldworkItem(
  ctx: UseCaseContext,
  raw: MarkFieldworkItemInput,
): Promise<{ kind: string; id: string; status: string }> {
  const input = MarkFieldworkItemInput.parse(raw);
  const found = await findActivityWithTeamRole(ctx.db, input.activityId, ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  const facts = factsOf(found.activity, found.teamRole);
  if (!policies.viewFieldworkPlan(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const item = await findPlanItem(ctx.db, input.kind, input.itemId);
  if (!item || item.activityId !== found.activity.id) throw new AppError('NOT_FOUND');
  if (!policies.markFieldworkItem(ctx.actor, facts, item.allocatedTo))
    throw new AppError('FORBIDDEN', {
      message: 'Only the lead inspector or the inspector it is allocated to can mark it.',
    });
  const extra = {
    ...(input.kind === 'visit' && input.minutesSpent !== undefined
      ? { minutesSpent: input.minutesSpent ?? null }
      : {}),
    ...(input.kind === 'conversation' && input.consent ? { consent: input.consent } : {}),
    ...(input.kind === 'conversation' && input.infoSheet ? { infoSheet: input.infoSheet } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await markPlanItem(trx, input.kind, input.itemId, input.status, extra);
    await writeAudit(trx, ctx.actor, {
      action: 'fieldwork.item_marked',
      entityType: `fieldwork_${input.kind}`,
      entityId: input.itemId,
      activityId: found.activity.id,
      laId: found.activity.laId,
      before: { status: item.status },
      after: { status: input.status, ...extra },
    });
  });
  return { kind: input.kind, id: input.itemId, status: input.status };
}
