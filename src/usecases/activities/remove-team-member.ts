import { writeAudit } from '../../data/audit-log.js';
import {
  deleteTeamMember,
  factsOf,
  findActivity,
  teamRoleOf,
} from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function removeTeamMember(
  ctx: UseCaseContext,
  input: { activityId: string; userId: string },
): Promise<void> {
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.manageActivity(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteTeamMember(trx, activity.id, input.userId);
    if (!removed) throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'activity.team_member_removed',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { userId: removed.userId, teamRole: removed.teamRole },
    });
  });
}
