// How many activities, codes, evidence records, memos and audit events are stored: an operator's
// check that a refused import left nothing behind (used by the conformance checks).
import {
  countStoredRecords as countInStore,
  type StoredRecordCounts,
} from '../../data/repositories/statistics.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function countStoredRecords(ctx: UseCaseContext): Promise<StoredRecordCounts> {
  if (!policies.viewAllAudit(ctx.actor)) throw new AppError('NOT_FOUND');
  return countInStore(ctx.db);
}
