import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import { findUserById } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { teamRoles } from '../../domain/access/roles.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const AddTeamMemberInput = z.object({
  activityId: z.string(),
  userId: z.string().min(1, 'Select a person'),
  teamRole: z.enum(teamRoles),
});
export type AddTeamMemberInput = z.input<typeof AddTeamMemberInput>;

export async function addTeamMember(ctx: UseCaseContext, raw: AddTeamMemberInput): Promise<void> {
  const input = AddTeamMemberInput.parse(raw);
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.manageActivity(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabled) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'userId', value: input.userId, reason: 'No active account has this id' }],
    });
  }
  if (user.role !== 'inspector') {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'userId', reason: `${user.displayName} is not an inspector` }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('team_members')
      .select('team_role')
      .where('activity_id', '=', activity.id)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (input.teamRole === 'lead_inspector') {
      const lead = await trx
        .selectFrom('team_members')
        .select('user_id')
        .where('activity_id', '=', activity.id)
        .where('team_role', '=', 'lead_inspector')
        .where('user_id', '<>', user.id)
        .executeTakeFirst();
      if (lead)
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'teamRole', reason: 'This activity already has a lead inspector' }],
        });
    }
    await trx
      .insertInto('team_members')
      .values({ activity_id: activity.id, user_id: user.id, team_role: input.teamRole })
      .onConflict((oc) =>
        oc.columns(['activity_id', 'user_id']).doUpdateSet({ team_role: input.teamRole }),
      )
      .execute();
    await writeAudit(trx, ctx.actor, {
      action: 'activity.team_member_added',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: existing ? { userId: user.id, teamRole: existing.team_role } : null,
      after: { userId: user.id, displayName: user.displayName, teamRole: input.teamRole },
    });
  });
}
