// A job runner asks for the next job it can run. The oldest waiting job of the kinds it runs is
// claimed with a lease (`for update skip locked`: two servers never claim the same one). A job
// whose lease ran out (the server running it stopped) is claimed again when its kind can safely
// run twice and it has attempts left; otherwise it is failed here with a clear reason and the
// failure is audited, and the next job is looked at.
import { now, nowMs } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import { finishJob, lockNextJob, markJobRunning, type Job } from '../../data/repositories/jobs.js';
import { policies } from '../../domain/access/policies.js';
import { AppError, errorCatalogue } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface ClaimedJob {
  id: string;
  kind: string;
  ownerId: string | null;
  activityId: string | null;
  input: Record<string, unknown>;
  /** 1 on the first run; more when a stopped server's job is run again. */
  attempt: number;
}

export interface ClaimOptions {
  kinds: string[];
  /** Who runs it (host and process), recorded on the job. */
  runBy: string;
  leaseMs: number;
}

/** Why a job whose server stopped is not run again, or null when it may be. */
export function whyNotAgain(job: Job): string | null {
  if (!job.rerunnable)
    return `The server running it (${job.runBy ?? 'unknown'}) stopped before it finished, and a ${job.kind} job is not run twice because it may have had effects that cannot be undone.`;
  if (job.attempts >= job.maxAttempts)
    return `The server running it stopped before it finished, ${job.attempts} times in all (the last: ${job.runBy ?? 'unknown'}); it is not tried again.`;
  return null;
}

export async function claimNextJob(
  ctx: UseCaseContext,
  opts: ClaimOptions,
): Promise<ClaimedJob | null> {
  if (!policies.runJobs(ctx.actor)) throw new AppError('FORBIDDEN');
  for (;;) {
    const outcome = await ctx.db.transaction().execute(async (trx) => {
      const at = now();
      const job = await lockNextJob(trx, opts.kinds, at);
      if (!job) return null;
      const reason = job.state === 'running' ? whyNotAgain(job) : null;
      if (reason) {
        await finishJob(trx, job.id, {
          state: 'failed',
          runBy: null,
          at,
          error: {
            code: 'JOB_INTERRUPTED',
            message: errorCatalogue.JOB_INTERRUPTED.message,
            details: [{ reason }],
          },
        });
        await writeAudit(trx, ctx.actor, {
          action: 'job.abandoned',
          entityType: 'job',
          entityId: job.id,
          activityId: job.activityId,
          before: { state: 'running', runBy: job.runBy, attempts: job.attempts },
          after: { state: 'failed' },
          reason,
        });
        return 'again' as const;
      }
      await markJobRunning(trx, job.id, {
        runBy: opts.runBy,
        leaseUntil: new Date(nowMs() + opts.leaseMs),
        at,
      });
      return {
        id: job.id,
        kind: job.kind,
        ownerId: job.ownerId,
        activityId: job.activityId,
        input: job.input,
        attempt: job.attempts + 1,
      } satisfies ClaimedJob;
    });
    if (outcome !== 'again') return outcome;
  }
}
