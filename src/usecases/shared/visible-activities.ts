// The activities an actor may see (optionally for one LA), newest first: the actor's activity
// list and home page both read them this way.
import { listVisibleActivities, type Activity } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';

export async function visibleActivities(
  ctx: UseCaseContext,
  filter: { laId?: string; states?: string[] } = {},
): Promise<Activity[]> {
  const rows = await listVisibleActivities(ctx.db, ctx.actor, filter);
  // Belt and braces: the SQL filter and the policy must agree; never show what the policy denies.
  return rows.filter((a) =>
    policies.viewListedActivity(ctx.actor, {
      laId: a.laId,
      laRegion: a.laRegion,
      state: a.state,
      notifiedAt: a.notifiedAt,
    }),
  );
}
