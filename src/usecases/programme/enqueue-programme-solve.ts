// Queues a solve of a programme as a background job (kind 'programme.solve'): a new solve of a
// region, or a saved run solved again (as it was, with a pin, or with a what-if). The request
// answers at once; a job runner solves (HiGHS in a worker thread) acting as the person who asked
// (run-programme-solve-job.ts), writes its progress to the job's row and saves the run. The input
// is checked here with the solving use case's own schema, and access here and again when the job
// runs. Audited (job.enqueued).
import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { now } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import { insertJob } from '../../data/repositories/jobs.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { PinProgrammeRunInput } from './pin-programme-run.js';
import { ResolveProgrammeRunInput } from './resolve-programme-run.js';
import { RunProgrammeSolveInput } from './run-programme-solve.js';
import { parse, readRunToResolve } from './saved-runs.js';
import { resolveRegion } from './solve-programme.js';
import { WhatIfProgrammeRunInput } from './what-if-programme-run.js';

export const PROGRAMME_SOLVE_JOB = 'programme.solve';

export type ProgrammeSolveMode = 'new' | 'resolve' | 'pin' | 'what-if';

/** Each mode's input: the schema of the use case the job runs. */
export const programmeSolveSchemas: Record<ProgrammeSolveMode, ZodType> = {
  new: RunProgrammeSolveInput,
  resolve: ResolveProgrammeRunInput,
  pin: PinProgrammeRunInput,
  'what-if': WhatIfProgrammeRunInput,
};

export interface ProgrammeSolveJobInput {
  mode: ProgrammeSolveMode;
  input: Record<string, unknown>;
  /** The region's name (or England), for the progress page. */
  region: string;
  /** The run a re-solve starts from. */
  fromRunId: string | null;
  timeLimitSeconds: number | null;
}

export async function enqueueProgrammeSolve(
  ctx: UseCaseContext,
  mode: ProgrammeSolveMode,
  raw: Record<string, unknown>,
): Promise<{ jobId: string; region: string }> {
  // Access before the rest of the input: whoever may not solve the region (or re-solve the run)
  // learns nothing, not even what is wrong with their request.
  let region: string;
  let fromRunId: string | null = null;
  if (mode === 'new') {
    const r = resolveRegion(typeof raw.region === 'string' ? raw.region : '');
    if (!policies.solveProgramme(ctx.actor, r)) throw new AppError('NOT_FOUND');
    region = r ?? 'England';
  } else {
    const view = await readRunToResolve(ctx, typeof raw.runId === 'string' ? raw.runId : '');
    region = view.run.region;
    fromRunId = view.run.id;
  }
  const input = parse(programmeSolveSchemas[mode], raw) as Record<string, unknown>;
  const limit = typeof input.timeLimitSeconds === 'number' ? input.timeLimitSeconds : null;
  const stored: ProgrammeSolveJobInput = {
    mode,
    input: raw,
    region,
    fromRunId,
    timeLimitSeconds: limit,
  };
  const jobId = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await insertJob(trx, {
      id: jobId,
      kind: PROGRAMME_SOLVE_JOB,
      ownerId: actorUserId(ctx.actor),
      activityId: null,
      input: { ...stored },
      progress: { phase: 'queued', seconds: 0 },
      // Nothing is saved until the solve ends, so a solve cut short may run again.
      rerunnable: true,
      maxAttempts: 2,
      at: now(),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'job.enqueued',
      entityType: 'job',
      entityId: jobId,
      after: { kind: PROGRAMME_SOLVE_JOB, mode, region, fromRunId },
    });
  });
  return { jobId, region };
}
