import { sql } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { activityStates, checkTransition } from '../../domain/activities/lifecycle.js';
import { AppError } from '../../errors.js';
import { requireCatalog, type UseCaseContext } from '../context.js';

export const ChangeActivityStateInput = z.object({
  activityId: z.string(),
  toState: z.enum(activityStates),
  reason: z.string().trim().max(2000).nullish(),
  /** The version the person saw; a mismatch means someone else changed it first. */
  expectedVersion: z.coerce.number().int().optional(),
});
export type ChangeActivityStateInput = z.input<typeof ChangeActivityStateInput>;

export async function changeActivityState(
  ctx: UseCaseContext,
  raw: ChangeActivityStateInput,
): Promise<Activity> {
  const input = ChangeActivityStateInput.parse(raw);
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.manageActivity(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  const type = requireCatalog(ctx).activityType(activity.frameworkId, activity.activityType);
  const check = checkTransition(activity.state, input.toState, {
    pausedFrom: activity.pausedFrom,
    hasWrittenOutput: (type?.output ?? 'letter') !== 'none',
    reason: input.reason ?? null,
  });
  if (!check.allowed) {
    throw new AppError('INVALID_TRANSITION', {
      message: check.problem,
      details: [
        {
          field: check.problem?.startsWith('Give') ? 'reason' : 'toState',
          reason: check.problem ?? 'Not allowed',
        },
      ],
    });
  }
  const expected = input.expectedVersion ?? activity.version;
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('activities')
      .set({
        state: input.toState,
        paused_from: input.toState === 'paused' ? activity.state : null,
        notified_at:
          input.toState === 'notified' && !activity.notifiedAt ? new Date() : activity.notifiedAt,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', activity.id)
      .where('version', '=', expected)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    await trx
      .insertInto('activity_state_changes')
      .values({
        activity_id: activity.id,
        from_state: activity.state,
        to_state: input.toState,
        reason: input.reason ?? null,
        changed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      })
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'activity.state_changed',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { state: activity.state },
      after: { state: input.toState },
      reason: input.reason ?? null,
    });
  });
  const after = await findActivity(ctx.db, activity.id);
  if (!after) throw new AppError('INTERNAL');
  return after;
}
