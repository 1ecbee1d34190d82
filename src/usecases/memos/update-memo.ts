import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findMemo, updateMemoIfVersion, type Memo } from '../../data/repositories/memos.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const UpdateMemoInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  memoId: z.string(),
  expectedVersion: z.number().int().min(1),
  title: z.string().trim().max(300).nullable().optional(),
  text: z.string().trim().min(1).max(100_000).optional(),
});
export type UpdateMemoInput = z.input<typeof UpdateMemoInput>;

export async function updateMemo(ctx: UseCaseContext, raw: UpdateMemoInput): Promise<Memo> {
  const input = UpdateMemoInput.parse(raw);
  const found = foundInActivity(await findMemo(ctx.db, input.memoId), input.activityId);
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  const next = {
    title: input.title === undefined ? found.title : input.title || null,
    text: input.text ?? found.text,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateMemoIfVersion(trx, found.id, input.expectedVersion, next)))
      throw new AppError('CONFLICT', {
        message: 'Someone else changed this memo since you opened it. Reload and try again.',
      });
    await writeAudit(trx, ctx.actor, {
      action: 'memo.updated',
      entityType: 'memo',
      entityId: found.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { title: found.title, text: found.text },
      after: next,
    });
  });
  const memo = await findMemo(ctx.db, found.id);
  if (!memo) throw new AppError('INTERNAL');
  return memo;
}
