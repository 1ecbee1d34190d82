// A consistency panel member comments on, or challenges, the judgements (all of them or one).
// Challenges must be answered by the lead before the judgements go to quality assurance.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  addPanelComment as insertComment,
  type PanelComment,
} from '../../data/repositories/judgement-workflow.js';
import { lockJudgementSet } from '../../data/repositories/judgements.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notifyTurn } from '../shared/turn-notifications.js';
import { assertOpen, judgementOf, judgementScope } from './judgement-access.js';

export const AddPanelCommentInput = z.object({
  activityId: z.string(),
  judgementKey: z.string().nullish(),
  kind: z.enum(['comment', 'challenge']),
  text: z.string().trim().min(1, 'Write the comment').max(5000),
});
export type AddPanelCommentInput = z.input<typeof AddPanelCommentInput>;

export async function addPanelComment(
  ctx: UseCaseContext,
  raw: AddPanelCommentInput,
): Promise<PanelComment> {
  const input = AddPanelCommentInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  assertOpen(scope);
  const key = input.judgementKey ? judgementOf(scope, input.judgementKey).key : null;
  if (!policies.commentOnJudgements(ctx.actor, scope.facts, scope.panelMember))
    throw new AppError('FORBIDDEN', { message: 'Only consistency panel members comment here.' });
  return ctx.db.transaction().execute(async (trx) => {
    const set = await lockJudgementSet(trx, scope.activity.id);
    if (set.stage !== 'consistency_panel')
      throw new AppError('INVALID_TRANSITION', {
        message: 'The panel comments while the judgements are at the consistency panel.',
      });
    const c = await insertComment(
      trx,
      scope.activity.id,
      { judgementKey: key, kind: input.kind, text: input.text },
      actorRef(ctx.actor),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'judgement.panel_comment_added',
      entityType: 'judgement_panel_comment',
      entityId: c.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      after: { kind: c.kind, judgementKey: key, text: c.text },
    });
    await notifyTurn(trx, ctx.actor, scope.activity, 'panel_comment', ['lead']);
    return c;
  });
}
