// Record dated evidence of progress on an item (what has changed, as of a day): the plan's record
// over time. Updates are only added, never edited: each submitted version keeps those it had.
import { z } from 'zod';
import { nextId, type ProgressUpdate } from '../../domain/action-plans/action-plan.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { editDraftItem, isoDate, parseInput } from './scope.js';

export const AddProgressUpdateInput = z.object({
  activityId: z.string().max(100),
  itemKey: z.string().max(100),
  /** The day the progress is as of (default today). */
  on: isoDate.optional(),
  text: z
    .string()
    .trim()
    .min(1, 'Enter the progress made')
    .max(3000, 'Keep the update to 3,000 characters'),
});
export type AddProgressUpdateInput = z.input<typeof AddProgressUpdateInput>;

export async function addProgressUpdate(
  ctx: UseCaseContext,
  raw: AddProgressUpdateInput,
): Promise<ProgressUpdate> {
  return editDraftItem(ctx, String(raw.activityId ?? ''), String(raw.itemKey ?? ''), (item) => {
    const input = parseInput(AddProgressUpdateInput, raw);
    const today = todayInEngland();
    const on = input.on ?? today;
    if (on > today)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'on', reason: 'The date must be today or earlier' }],
      });
    const update = {
      id: nextId('U', item.updates),
      on,
      text: input.text,
      by: actorRef(ctx.actor).label,
    };
    item.updates.push(update);
    item.updates.sort((a, b) => a.on.localeCompare(b.on));
    return { result: update, action: 'action_plan.update_added', after: { ...update } };
  });
}
