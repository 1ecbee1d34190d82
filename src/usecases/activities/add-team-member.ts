import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  factsOf,
  findActivity,
  hasOtherLead,
  teamRoleOf,
  teamRoleOfUser,
  upsertTeamMember,
} from '../../data/repositories/activities.js';
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
  if (!policies.joinActivityTeam(user)) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'userId', reason: `${user.displayName} is not an inspector` }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await teamRoleOfUser(trx, activity.id, user.id);
    if (input.teamRole === 'lead_inspector' && (await hasOtherLead(trx, activity.id, user.id)))
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'teamRole', reason: 'This activity already has a lead inspector' }],
      });
    await upsertTeamMember(trx, activity.id, user.id, input.teamRole);
    await writeAudit(trx, ctx.actor, {
      action: 'activity.team_member_added',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: existing ? { userId: user.id, teamRole: existing } : null,
      after: { userId: user.id, displayName: user.displayName, teamRole: input.teamRole },
    });
  });
}
