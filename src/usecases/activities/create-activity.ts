import { findActivity, type Activity } from '../../data/repositories/activities.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import {
  checkNewActivity,
  CreateActivityInput,
  insertNewActivity,
} from '../shared/new-activity.js';

export { CreateActivityInput };

export async function createActivity(
  ctx: UseCaseContext,
  raw: CreateActivityInput,
): Promise<Activity> {
  const checked = await checkNewActivity(ctx, raw);
  const id = await ctx.db
    .transaction()
    .execute((trx) => insertNewActivity(trx, ctx.actor, checked));
  const created = await findActivity(ctx.db, id);
  if (!created) throw new AppError('INTERNAL');
  return created;
}
