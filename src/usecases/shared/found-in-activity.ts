// Item routes name their activity (/activities/:id/memos/:memoId). The use case serving them
// checks the item belongs to that activity: an item of another activity answers NOT_FOUND, as if
// it did not exist, before any access check, so ids cannot be probed across activities.
import { z } from 'zod';
import { AppError } from '../../errors.js';

/** The activity named in the URL, when the caller has one (routes always do). */
export const ActivityInPath = z.string().optional();

/** The item, if it exists and (when an activity is named) belongs to it; else NOT_FOUND. */
export function foundInActivity<T extends { activityId: string }>(
  item: T | null | undefined,
  activityId: string | undefined,
): T {
  if (!item || (activityId !== undefined && item.activityId !== activityId))
    throw new AppError('NOT_FOUND');
  return item;
}
