// A coder says they have finished: their codings are then fixed, and once every coder has
// finished the assignment is no longer blind.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { markCoderFinished } from '../../data/repositories/double-coding.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { assignmentScope } from './double-coding-scope.js';

export const FinishDoubleCodingInput = z.object({
  activityId: z.string(),
  assignmentId: z.string(),
});

export async function finishDoubleCoding(
  ctx: UseCaseContext,
  raw: z.input<typeof FinishDoubleCodingInput>,
): Promise<void> {
  const input = FinishDoubleCodingInput.parse(raw);
  const s = await assignmentScope(ctx, input.activityId, input.assignmentId);
  const me = actorUserId(ctx.actor);
  if (!me || !policies.codeDoubleCoding(ctx.actor, s.facts, s.isCoder))
    throw new AppError('FORBIDDEN', { message: 'Only the assigned coders finish their coding.' });
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markCoderFinished(trx, s.assignment.id, me)))
      throw new AppError('CONFLICT', { message: 'You have already finished.' });
    await writeAudit(trx, ctx.actor, {
      action: 'double_coding.finished',
      entityType: 'double_coding_assignment',
      entityId: s.assignment.id,
      activityId: s.activity.id,
      laId: s.activity.laId,
    });
  });
}
