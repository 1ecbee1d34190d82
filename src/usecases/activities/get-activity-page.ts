import { listUsers } from '../../data/repositories/users.js';
import type { UseCaseContext } from '../context.js';
import { getActivity, type ActivityDetail } from './get-activity.js';

export interface ActivityPage {
  detail: ActivityDetail;
  /** Active inspectors who could join the team (only for those who manage the activity). */
  inspectors: { id: string; displayName: string; email: string }[];
}

/** An activity as its page shows it: the detail, plus the people a manager may add. */
export async function getActivityPage(
  ctx: UseCaseContext,
  activityId: string,
): Promise<ActivityPage> {
  const detail = await getActivity(ctx, activityId);
  if (!detail.can.manage) return { detail, inspectors: [] };
  const users = await listUsers(ctx.db, { role: 'inspector' });
  return {
    detail,
    inspectors: users
      .filter((u) => !u.disabled)
      .map((u) => ({ id: u.id, displayName: u.displayName, email: u.email })),
  };
}
