// The activity a burden use case is about, and the actor's facts on it (NOT_FOUND when it does
// not exist; each use case asks its own policy).
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import type { ActivityFacts } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function burdenScope(
  ctx: UseCaseContext,
  activityId: string,
): Promise<{ activity: Activity; facts: ActivityFacts }> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  return { activity, facts: factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor)) };
}
