// One activity's "data used" statement (Munro rec 5): for every Annex A list, data profile
// indicator and other document requested, where the inspection used it. The inspectorate sees
// it as it grows; the LA's users only once the activity is published (NOT_FOUND before).
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import { loadDataUsedFacts } from '../../data/repositories/data-used.js';
import { policies } from '../../domain/access/policies.js';
import {
  buildDataUsedStatement,
  type DataUsedStatement,
} from '../../domain/data-used/statement.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface DataUsedView {
  activity: { id: string; title: string; laName: string; state: string; activityType: string };
  /** False while the inspection is under way (the counts may still grow). */
  final: boolean;
  statement: DataUsedStatement;
}

export async function getDataUsed(
  ctx: UseCaseContext,
  input: { activityId: string },
): Promise<DataUsedView> {
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewDataUsed(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const statement = buildDataUsedStatement(await loadDataUsedFacts(ctx.db, activity.id));
  return {
    activity: {
      id: activity.id,
      title: activity.title,
      laName: activity.laName,
      state: activity.state,
      activityType: activity.activityType,
    },
    final: activity.state === 'published',
    statement,
  };
}
