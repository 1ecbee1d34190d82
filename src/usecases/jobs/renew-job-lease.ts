// A job runner says it is still working on a job (the heartbeat), with the job's progress when it
// has moved: the lease is extended so no other server takes the job over. False when this runner
// no longer holds the job (its lease ran out and another server claimed it).
import { now, nowMs } from '../../clock.js';
import { renewJobLease as renew } from '../../data/repositories/jobs.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function renewJobLease(
  ctx: UseCaseContext,
  input: { jobId: string; runBy: string; leaseMs: number; progress?: Record<string, unknown> },
): Promise<boolean> {
  if (!policies.runJobs(ctx.actor)) throw new AppError('FORBIDDEN');
  return renew(ctx.db, input.jobId, {
    runBy: input.runBy,
    leaseUntil: new Date(nowMs() + input.leaseMs),
    at: now(),
    ...(input.progress ? { progress: input.progress } : {}),
  });
}
