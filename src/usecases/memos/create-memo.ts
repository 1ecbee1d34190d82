import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findMemo, insertMemo, type Memo } from '../../data/repositories/memos.js';
import { memoTargetTypes } from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { checkMemoTarget } from './memo-target.js';

export const CreateMemoInput = z.object({
  activityId: z.string(),
  targetType: z.enum(memoTargetTypes),
  /** The evidence record, code, coding, case or line of enquiry; none for the activity. */
  targetId: z.string().nullish(),
  title: z.string().trim().max(300).nullish(),
  text: z.string().trim().min(1, 'Write the memo').max(100_000),
});
export type CreateMemoInput = z.input<typeof CreateMemoInput>;

export async function createMemo(ctx: UseCaseContext, raw: CreateMemoInput): Promise<Memo> {
  const input = CreateMemoInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'write');
  const targetId = await checkMemoTarget(ctx.db, activity.id, input.targetType, input.targetId);
  const by = actorRef(ctx.actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const memoId = await insertMemo(trx, {
      activityId: activity.id,
      targetType: input.targetType,
      targetId,
      title: input.title || null,
      text: input.text,
      createdBy: by,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'memo.created',
      entityType: 'memo',
      entityId: memoId,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        targetType: input.targetType,
        targetId,
        title: input.title || null,
        text: input.text,
      },
    });
    return memoId;
  });
  const memo = await findMemo(ctx.db, id);
  if (!memo) throw new AppError('INTERNAL');
  return memo;
}
