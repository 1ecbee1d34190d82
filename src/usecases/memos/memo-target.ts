// A memo's target must exist in the memo's activity.
import type { Kysely } from 'kysely';
import { memoTargetExists } from '../../data/repositories/memos.js';
import type { DB } from '../../data/schema.js';
import type { MemoTargetType } from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';

export async function checkMemoTarget(
  db: Kysely<DB>,
  activityId: string,
  targetType: MemoTargetType,
  targetId: string | null | undefined,
): Promise<string | null> {
  if (targetType === 'activity') {
    if (targetId && targetId !== activityId)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'targetId', reason: 'A memo on the activity has no other target' }],
      });
    return null;
  }
  if (!targetId || !(await memoTargetExists(db, activityId, targetType, targetId)))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'targetId',
          value: targetId ?? '',
          reason: `No such ${targetType} in this activity`,
        },
      ],
    });
  return targetId;
}
