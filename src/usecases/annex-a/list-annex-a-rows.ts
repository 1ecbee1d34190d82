// The current Annex A rows of an activity (pseudonymised, normalised), for the data profile and
// case sampling: one list or all, optionally only flagged rows. Same access as the report.
import { listAnnexARows, type AnnexARow } from '../../data/repositories/annex-a-rows.js';
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function listAnnexARowsForActivity(
  ctx: UseCaseContext,
  input: {
    activityId: string;
    list?: number;
    severity?: 'error' | 'query' | 'flagged';
    limit?: number;
    offset?: number;
  },
): Promise<AnnexARow[]> {
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewAnnexA(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const { activityId: _id, ...filter } = input;
  return listAnnexARows(ctx.db, activity.id, filter);
}
