import type { Activity } from '../../data/repositories/activities.js';
import type { UseCaseContext } from '../context.js';
import { activitiesVisibleTo } from '../shared/visible-activities.js';

/** Activities the actor may see (optionally for one LA), newest first. */
export async function listMyActivities(
  ctx: UseCaseContext,
  filter: { laId?: string; states?: string[] } = {},
): Promise<Activity[]> {
  return activitiesVisibleTo(ctx.db, ctx.actor, filter);
}
