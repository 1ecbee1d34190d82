// A job runner records how a job ended: done with its outcome, or failed with its error (an
// AppError's code, message and details; anything else as INTERNAL, its text kept out). The stored
// upload the job read is deleted in the same transaction: child-level files are not kept.
import { now } from '../../clock.js';
import { deleteJobFile, finishJob as finish } from '../../data/repositories/jobs.js';
import { policies } from '../../domain/access/policies.js';
import { AppError, errorCatalogue, isAppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export type JobEnd =
  | { state: 'done'; outcome: Record<string, unknown>; progress?: Record<string, unknown> }
  | { state: 'failed'; error: unknown };

/** A failure as stored on the job and shown to its owner. */
export function jobError(err: unknown): Record<string, unknown> {
  if (isAppError(err)) return { code: err.code, message: err.message, details: err.details };
  return { code: 'INTERNAL', message: errorCatalogue.INTERNAL.message, details: [] };
}

/** Returns false when the runner no longer held the job (another server took it over). */
export async function finishJob(
  ctx: UseCaseContext,
  input: { jobId: string; runBy: string },
  end: JobEnd,
): Promise<boolean> {
  if (!policies.runJobs(ctx.actor)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (trx) => {
    const changed = await finish(trx, input.jobId, {
      state: end.state,
      runBy: input.runBy,
      at: now(),
      ...(end.state === 'done'
        ? { outcome: end.outcome, ...(end.progress ? { progress: end.progress } : {}) }
        : { error: jobError(end.error) }),
    });
    if (changed) await deleteJobFile(trx, input.jobId);
    return changed;
  });
}
