import type { Activity } from '../../data/repositories/activities.js';
import type { UseCaseContext } from '../context.js';
import { visibleActivities } from '../shared/visible-activities.js';

/** Activities the actor may see (optionally for one LA), newest first. */
export async function listMyActivities(
  ctx: UseCaseContext,
  filter: { laId?: string; states?: string[] } = {},
): Promise<Activity[]> {
  return visibleActivities(ctx, filter);
}
