// The progress and outcome of a programme solve started from the programme pages, read from the
// job's row so that any app server can answer. Only the person who started it may see it.
import { findJob } from '../../data/repositories/jobs.js';
import { isUuid } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { PROGRAMME_SOLVE_JOB, type ProgrammeSolveJobInput } from './enqueue-programme-solve.js';
import type { ProgrammeSolveJobOutcome } from './run-programme-solve-job.js';

export interface ProgrammeSolveJobView {
  id: string;
  region: string;
  /** The run a re-solve started from, if any. */
  fromRunId: string | null;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** queued, model, solving, diagnosing, done. */
  phase: string;
  seconds: number;
  timeLimitSeconds: number | null;
  objective: number | null;
  gap: number | null;
  attempts: number;
  outcome: ProgrammeSolveJobOutcome | null;
  error: { code: string; message: string } | null;
}

export async function getProgrammeSolveJob(
  ctx: UseCaseContext,
  input: { jobId: string },
): Promise<ProgrammeSolveJobView> {
  const job = isUuid(input.jobId) ? await findJob(ctx.db, input.jobId) : null;
  if (!job || job.kind !== PROGRAMME_SOLVE_JOB || !policies.viewJob(ctx.actor, job.ownerId))
    throw new AppError('NOT_FOUND');
  const p = job.progress as {
    phase?: string;
    seconds?: number;
    objective?: number | null;
    gap?: number | null;
  };
  const i = job.input as Partial<ProgrammeSolveJobInput>;
  return {
    id: job.id,
    region: i.region ?? '',
    fromRunId: i.fromRunId ?? null,
    state: job.state,
    phase: p.phase ?? job.state,
    seconds: p.seconds ?? 0,
    timeLimitSeconds: i.timeLimitSeconds ?? null,
    objective: p.objective ?? null,
    gap: p.gap ?? null,
    attempts: job.attempts,
    outcome: job.outcome as ProgrammeSolveJobOutcome | null,
    error: job.error as ProgrammeSolveJobView['error'],
  };
}
