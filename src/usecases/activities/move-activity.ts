import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  factsOf,
  findActivity,
  moveActivityDates,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { checkScheduling, enforceScheduling } from '../shared/activity-rules.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');

export const MoveActivityInput = z.object({
  activityId: z.string(),
  plannedStart: isoDate,
  plannedEnd: isoDate.nullish(),
  ruleReason: z.string().trim().max(2000).nullish(),
  expectedVersion: z.coerce.number().int().optional(),
});
export type MoveActivityInput = z.input<typeof MoveActivityInput>;

/** States in which the dates are still a plan (once the LA is told, the dates are fixed). */
const MOVABLE = new Set(['planned', 'deferred']);

/** Moves a planned activity to new dates, checked against the framework's scheduling rules. */
export async function moveActivity(ctx: UseCaseContext, raw: MoveActivityInput): Promise<Activity> {
  const input = MoveActivityInput.parse(raw);
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.rescheduleActivity(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  if (!MOVABLE.has(activity.state))
    throw new AppError('INVALID_TRANSITION', {
      message:
        'Only a planned or deferred activity can be moved: the authority has been told of this one.',
    });
  const end = input.plannedEnd ?? null;
  if (end && end < input.plannedStart)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'plannedEnd',
          value: end,
          reason: 'The end date must be on or after the start date',
        },
      ],
    });
  const check = await checkScheduling(ctx, {
    laId: activity.laId,
    frameworkId: activity.frameworkId,
    activityType: activity.activityType,
    start: input.plannedStart,
    end,
    exceptActivityId: activity.id,
  });
  const scheduling = enforceScheduling(check, input.ruleReason);
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await moveActivityDates(
      trx,
      activity.id,
      { start: input.plannedStart, end },
      input.expectedVersion ?? activity.version,
    );
    if (!moved) throw new AppError('CONFLICT');
    await writeAudit(trx, ctx.actor, {
      action: 'activity.rescheduled',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { plannedStart: activity.plannedStart, plannedEnd: activity.plannedEnd },
      after: { plannedStart: input.plannedStart, plannedEnd: end, scheduling },
    });
  });
  const after = await findActivity(ctx.db, activity.id);
  if (!after) throw new AppError('INTERNAL');
  return after;
}
