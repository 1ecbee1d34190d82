import { z } from 'zod';
import { listAuditEvents, type AuditEventView } from '../../data/audit-log.js';
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const ListAuditInput = z.object({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  activityId: z.string().uuid().optional(),
  actorId: z.string().uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  before: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListAuditInput = z.input<typeof ListAuditInput>;

/** Admins and the national team browse everything; an activity's QAM and lead its own trail. */
export async function listAuditEventsForActor(
  ctx: UseCaseContext,
  raw: ListAuditInput,
): Promise<AuditEventView[]> {
  const input = ListAuditInput.parse(raw);
  if (!policies.viewAllAudit(ctx.actor)) {
    if (!input.activityId) throw new AppError('FORBIDDEN');
    const activity = await findActivity(ctx.db, input.activityId);
    if (!activity) throw new AppError('NOT_FOUND');
    const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
    if (!policies.viewActivity(ctx.actor, facts)) throw new AppError('NOT_FOUND');
    if (!policies.viewActivityAudit(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  }
  return listAuditEvents(ctx.db, {
    ...(input.action ? { action: input.action } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.activityId ? { activityId: input.activityId } : {}),
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.before !== undefined ? { afterSeq: input.before } : {}),
    limit: input.limit,
    order: 'desc',
  });
}
