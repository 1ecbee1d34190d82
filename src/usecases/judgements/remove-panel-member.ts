// Remove an inspector from an activity's consistency panel (their comments stay).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { removePanelMember as deleteMember } from '../../data/repositories/judgement-workflow.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { assertOpen, judgementScope } from './judgement-access.js';

export const RemovePanelMemberInput = z.object({ activityId: z.string(), userId: z.uuid() });
export type RemovePanelMemberInput = z.input<typeof RemovePanelMemberInput>;

export async function removePanelMember(
  ctx: UseCaseContext,
  raw: RemovePanelMemberInput,
): Promise<void> {
  const input = RemovePanelMemberInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  assertOpen(scope);
  if (!policies.assignJudgementPanel(ctx.actor, scope.facts)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteMember(trx, scope.activity.id, input.userId)))
      throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'judgement.panel_member_removed',
      entityType: 'judgement_set',
      entityId: scope.activity.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: { userId: input.userId },
    });
  });
}
