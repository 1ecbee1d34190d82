// Dates the demo inspection's notification and its move on site: the demo is seeded today for
// fieldwork that began days ago, so the LA is shown as told before the planned start, not at
// the moment of seeding.
import { dateFieldworkMoves } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function dateDemoFieldwork(
  ctx: UseCaseContext,
  activityId: string,
  at: { notified: Date; onSite: Date },
): Promise<void> {
  if (!policies.seedDemo(ctx.actor)) throw new AppError('FORBIDDEN');
  await dateFieldworkMoves(ctx.db, activityId, at);
}
