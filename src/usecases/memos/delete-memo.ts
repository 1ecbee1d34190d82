import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteMemoRow, findMemo } from '../../data/repositories/memos.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const DeleteMemoInput = z.object({ memoId: z.string(), activityId: ActivityInPath });
export type DeleteMemoInput = z.input<typeof DeleteMemoInput>;

/** Deletes a memo; the audit event keeps its text. */
export async function deleteMemo(ctx: UseCaseContext, raw: DeleteMemoInput): Promise<void> {
  const input = DeleteMemoInput.parse(raw);
  const memo = foundInActivity(await findMemo(ctx.db, input.memoId), input.activityId);
  const { activity } = await evidenceScope(ctx, memo.activityId, 'write');
  await ctx.db.transaction().execute(async (trx) => {
    await deleteMemoRow(trx, memo.id);
    await writeAudit(trx, ctx.actor, {
      action: 'memo.deleted',
      entityType: 'memo',
      entityId: memo.id,
      activityId: activity.id,
      laId: activity.laId,
      before: {
        targetType: memo.targetType,
        targetId: memo.targetId,
        title: memo.title,
        text: memo.text,
      },
    });
  });
}
