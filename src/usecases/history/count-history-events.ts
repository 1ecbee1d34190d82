// How many inspection-history events are stored, in all and by activity type for a period: the
// national picture a researcher (or the conformance check) reads. History is public information.
import { countHistory, countHistoryByType } from '../../data/repositories/inspection-history.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface CountHistoryEventsInput {
  /** First and last start dates (inclusive, YYYY-MM-DD) of the period counted by type. */
  period?: { from: string; to: string; publishedBy?: string };
}

export interface HistoryEventCounts {
  total: number;
  /** Per activity type, only when a period was asked for. */
  byType?: Record<string, number>;
}

export async function countHistoryEvents(
  ctx: UseCaseContext,
  input: CountHistoryEventsInput = {},
): Promise<HistoryEventCounts> {
  if (!policies.viewLaRegister(ctx.actor)) throw new AppError('NOT_FOUND');
  const total = await countHistory(ctx.db);
  if (!input.period) return { total };
  return { total, byType: await countHistoryByType(ctx.db, input.period) };
}
