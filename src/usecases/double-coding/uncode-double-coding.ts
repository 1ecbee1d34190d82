// A coder removes one of their own codings in a double coding, until they have finished.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteDoubleCoding } from '../../data/repositories/double-coding.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { assignmentScope } from './double-coding-scope.js';

export const UncodeDoubleCodingInput = z.object({
  activityId: z.string(),
  assignmentId: z.string(),
  codingId: z.string(),
});

export async function uncodeDoubleCoding(
  ctx: UseCaseContext,
  raw: z.input<typeof UncodeDoubleCodingInput>,
): Promise<void> {
  const input = UncodeDoubleCodingInput.parse(raw);
  const s = await assignmentScope(ctx, input.activityId, input.assignmentId);
  const me = actorUserId(ctx.actor);
  if (!me || !policies.codeDoubleCoding(ctx.actor, s.facts, s.isCoder))
    throw new AppError('FORBIDDEN', { message: 'Only the assigned coders code here.' });
  if (s.assignment.coders.find((c) => c.userId === me)?.finishedAt)
    throw new AppError('CONFLICT', { message: 'You have finished this double coding.' });
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteDoubleCoding(trx, s.assignment.id, input.codingId, me)))
      throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'double_coding.uncoded',
      entityType: 'double_coding_assignment',
      entityId: s.assignment.id,
      activityId: s.activity.id,
      laId: s.activity.laId,
    });
  });
}
