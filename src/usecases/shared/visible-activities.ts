// The activities an actor may see: the home page and the activity list both show them.
import type { Kysely } from 'kysely';
import { listVisibleActivities, type Activity } from '../../data/repositories/activities.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';

/** Activities the actor may see (optionally for one LA), newest first. */
export async function activitiesVisibleTo(
  db: Kysely<DB>,
  actor: Actor,
  filter: { laId?: string; states?: string[] } = {},
): Promise<Activity[]> {
  const rows = await listVisibleActivities(db, actor, filter);
  // Belt and braces: the SQL filter and the policy must agree; never show what the policy denies.
  return rows.filter((a) =>
    policies.viewActivity(actor, {
      laId: a.laId,
      laRegion: a.laRegion,
      state: a.state,
      notifiedAt: a.notifiedAt,
      teamRole: actor.kind === 'user' && actor.role === 'inspector' ? 'team_inspector' : null,
    }),
  );
}
