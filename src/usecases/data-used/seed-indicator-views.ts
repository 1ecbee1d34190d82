// The demo's view log: that these people looked at these indicators on these days, as the data
// profile page records when a person opens it. Only the demo seeder (the system actor) may.
import { recordIndicatorViews } from '../../data/repositories/data-used.js';
import { policies } from '../../domain/access/policies.js';
import { startOfDayInEngland } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function seedIndicatorViews(
  ctx: UseCaseContext,
  input: {
    activityId: string;
    views: Array<{ userId: string; day: string; indicatorKeys: string[] }>;
  },
): Promise<void> {
  if (!policies.seedDemo(ctx.actor)) throw new AppError('FORBIDDEN');
  for (const v of input.views)
    await recordIndicatorViews(ctx.db, {
      activityId: input.activityId,
      userId: v.userId,
      indicatorKeys: v.indicatorKeys,
      day: v.day,
      at: new Date(startOfDayInEngland(v.day).getTime() + 9 * 3_600_000),
    });
}
