// Take an action out of the draft (earlier submitted versions keep it).
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { editDraftItem, parseInput } from './scope.js';

export const RemovePlanActionInput = z.object({
  activityId: z.string().max(100),
  itemKey: z.string().max(100),
  actionId: z.string().max(20),
});
export type RemovePlanActionInput = z.input<typeof RemovePlanActionInput>;

export async function removePlanAction(
  ctx: UseCaseContext,
  raw: RemovePlanActionInput,
): Promise<void> {
  await editDraftItem(ctx, String(raw.activityId ?? ''), String(raw.itemKey ?? ''), (item) => {
    const input = parseInput(RemovePlanActionInput, raw);
    const i = item.actions.findIndex((a) => a.id === input.actionId);
    if (i < 0) throw new AppError('NOT_FOUND', { message: `No action ${input.actionId}.` });
    const [removed] = item.actions.splice(i, 1);
    return {
      result: undefined,
      action: 'action_plan.action_removed',
      before: { ...removed },
      after: { actionId: input.actionId },
    };
  });
}
