// The lead inspector answers a panel comment or challenge (changing a judgement, if persuaded, is
// a separate edit with its reason in the change history).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findPanelComment, respondToComment } from '../../data/repositories/judgement-workflow.js';
import { lockJudgementSet } from '../../data/repositories/judgements.js';
import { isUuid } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { assertOpen, judgementScope } from './judgement-access.js';

export const RespondToPanelCommentInput = z.object({
  activityId: z.string(),
  commentId: z.string(),
  response: z.string().trim().min(1, 'Write the answer').max(5000),
});
export type RespondToPanelCommentInput = z.input<typeof RespondToPanelCommentInput>;

export async function respondToPanelComment(
  ctx: UseCaseContext,
  raw: RespondToPanelCommentInput,
): Promise<void> {
  const input = RespondToPanelCommentInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  assertOpen(scope);
  if (!policies.answerPanelComments(ctx.actor, scope.facts, scope.panelMember))
    throw new AppError('FORBIDDEN', { message: 'The lead inspector answers the panel.' });
  if (!isUuid(input.commentId)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction().execute(async (trx) => {
    const set = await lockJudgementSet(trx, scope.activity.id);
    const c = await findPanelComment(trx, input.commentId, { forUpdate: true });
    if (!c || c.activityId !== scope.activity.id) throw new AppError('NOT_FOUND');
    if (set.stage !== 'consistency_panel')
      throw new AppError('INVALID_TRANSITION', {
        message: 'Panel comments are answered while the judgements are at the consistency panel.',
      });
    await respondToComment(trx, c.id, input.response, actorRef(ctx.actor));
    await writeAudit(trx, ctx.actor, {
      action: 'judgement.panel_comment_answered',
      entityType: 'judgement_panel_comment',
      entityId: c.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: { response: c.response },
      after: { response: input.response },
    });
  });
}
