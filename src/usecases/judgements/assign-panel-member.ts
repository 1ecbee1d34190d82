// Assign an inspector to an activity's consistency panel. Panel members are inspectors who are
// NOT on the activity's team (that is the point of the panel); the lead, the QAM, the region's
// staff or an administrator assigns them. They then read the judgements and comment or challenge.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listTeam } from '../../data/repositories/activities.js';
import { addPanelMember } from '../../data/repositories/judgement-workflow.js';
import { lockJudgementSet } from '../../data/repositories/judgements.js';
import { findUserByEmail, findUserById } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notifyTurn } from '../shared/turn-notifications.js';
import { assertOpen, judgementScope } from './judgement-access.js';

export const AssignPanelMemberInput = z.object({
  activityId: z.string(),
  /** The inspector's account id or email address. */
  user: z.string().trim().min(1).max(320),
});
export type AssignPanelMemberInput = z.input<typeof AssignPanelMemberInput>;

export async function assignPanelMember(
  ctx: UseCaseContext,
  raw: AssignPanelMemberInput,
): Promise<{ userId: string; added: boolean }> {
  const input = AssignPanelMemberInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  assertOpen(scope);
  if (!policies.assignJudgementPanel(ctx.actor, scope.facts)) throw new AppError('FORBIDDEN');
  const isId = /^[0-9a-f-]{36}$/i.test(input.user);
  const user = isId
    ? await findUserById(ctx.db, input.user)
    : await findUserByEmail(ctx.db, input.user);
  const invalid = (reason: string) =>
    new AppError('VALIDATION_FAILED', { details: [{ field: 'user', value: input.user, reason }] });
  if (!user || user.disabled) throw invalid('Choose an active inspector account');
  if (!policies.sitOnJudgementPanel(user))
    throw invalid('Only inspectors sit on a consistency panel');
  if ((await listTeam(ctx.db, scope.activity.id)).some((m) => m.userId === user.id))
    throw invalid(`${user.displayName} is on this activity’s team; the panel must be independent`);
  return ctx.db.transaction().execute(async (trx) => {
    const set = await lockJudgementSet(trx, scope.activity.id);
    if (set.stage === 'final')
      throw new AppError('INVALID_TRANSITION', { message: 'The judgements are final.' });
    const added = await addPanelMember(trx, scope.activity.id, user.id, actorRef(ctx.actor));
    if (added)
      await writeAudit(trx, ctx.actor, {
        action: 'judgement.panel_member_assigned',
        entityType: 'judgement_set',
        entityId: scope.activity.id,
        activityId: scope.activity.id,
        laId: scope.activity.laId,
        after: { userId: user.id, displayName: user.displayName },
      });
    if (added)
      await notifyTurn(
        trx,
        ctx.actor,
        scope.activity,
        set.stage === 'consistency_panel' ? 'judgements_at_panel' : 'panel_assigned',
        ['panel'],
        { onlyUserIds: [user.id] },
      );
    return { userId: user.id, added };
  });
}
