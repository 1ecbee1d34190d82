// Finished jobs are kept for an hour (their owner's progress page shows the outcome), then
// deleted with anything stored for them: their outcomes may name rows of child-level files.
import { nowMs } from '../../clock.js';
import { deleteFinishedJobs } from '../../data/repositories/jobs.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const KEEP_FINISHED_JOBS_MS = 60 * 60 * 1000;

export async function forgetFinishedJobs(ctx: UseCaseContext): Promise<number> {
  if (!policies.runJobs(ctx.actor)) throw new AppError('FORBIDDEN');
  return deleteFinishedJobs(ctx.db, new Date(nowMs() - KEEP_FINISHED_JOBS_MS));
}
