// Add an action to an item of the LA's action plan, or change one (with `actionId`): what will be
// done, who owns it, a dated milestone and how the LA will know it made a difference. Saved in the
// draft; the region sees it once the plan is submitted.
import { z } from 'zod';
import { nextId, type PlanAction } from '../../domain/action-plans/action-plan.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { editDraftItem, isoDate, parseInput } from './scope.js';

const text = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters`);

export const SavePlanActionInput = z.object({
  activityId: z.string().max(100),
  itemKey: z.string().max(100),
  actionId: z.string().max(20).optional(),
  action: text(2000, 'the action'),
  owner: text(200, 'the owner'),
  milestone: text(500, 'the milestone'),
  dueOn: isoDate,
  impactMeasure: text(1000, 'the measure of impact'),
});
export type SavePlanActionInput = z.input<typeof SavePlanActionInput>;

export async function savePlanAction(
  ctx: UseCaseContext,
  raw: SavePlanActionInput,
): Promise<PlanAction> {
  // Who may write is checked before what was sent (a reader gets FORBIDDEN, others NOT_FOUND).
  return editDraftItem(ctx, String(raw.activityId ?? ''), String(raw.itemKey ?? ''), (item) => {
    const input = parseInput(SavePlanActionInput, raw);
    const fields = {
      action: input.action,
      owner: input.owner,
      milestone: input.milestone,
      dueOn: input.dueOn,
      impactMeasure: input.impactMeasure,
    };
    if (input.actionId) {
      const i = item.actions.findIndex((a) => a.id === input.actionId);
      if (i < 0) throw new AppError('NOT_FOUND', { message: `No action ${input.actionId}.` });
      const before = item.actions[i]!;
      const changed = { ...before, ...fields };
      item.actions[i] = changed;
      return {
        result: changed,
        action: 'action_plan.action_changed',
        before: { ...before },
        after: { ...changed },
      };
    }
    const added = { id: nextId('A', item.actions), ...fields };
    item.actions.push(added);
    return { result: added, action: 'action_plan.action_added', after: { ...added } };
  });
}
