import { z } from 'zod';
import { listMemos as queryMemos, type Memo } from '../../data/repositories/memos.js';
import { memoTargetTypes } from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const ListMemosInput = z.object({
  activityId: z.string(),
  targetType: z.enum(memoTargetTypes).optional(),
  targetId: z.string().optional(),
});
export type ListMemosInput = z.input<typeof ListMemosInput>;

export async function listMemos(ctx: UseCaseContext, raw: ListMemosInput): Promise<Memo[]> {
  const input = ListMemosInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  return queryMemos(ctx.db, {
    activityId: activity.id,
    ...(input.targetType ? { targetType: input.targetType } : {}),
    ...(input.targetId ? { targetId: input.targetId } : {}),
  });
}
