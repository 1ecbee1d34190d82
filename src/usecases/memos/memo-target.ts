// A memo's target must exist in the memo's activity.
import type { Kysely } from 'kysely';
import type { DB } from '../../data/schema.js';
import type { MemoTargetType } from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import { isUuid } from '../../data/repositories/users.js';

const tables = {
  evidence: 'evidence_records',
  code: 'codes',
  coding: 'codings',
  case: 'cases',
  line_of_enquiry: 'lines_of_enquiry',
} as const;

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
  const missing = new AppError('VALIDATION_FAILED', {
    details: [
      {
        field: 'targetId',
        value: targetId ?? '',
        reason: `No such ${targetType} in this activity`,
      },
    ],
  });
  if (!targetId || !isUuid(targetId)) throw missing;
  const row = await db
    .selectFrom(tables[targetType])
    .select('id')
    .where('id', '=', targetId)
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  if (!row) throw missing;
  return targetId;
}
