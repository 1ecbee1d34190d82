// The job runner's side of a programme solve (enqueue-programme-solve.ts): act as the person who
// asked (their access is checked again now, by the solving use case), solve with progress written
// to the job's row, and save the run.
import { findUserById } from '../../data/repositories/users.js';
import { toActor } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import type { ProgrammeSolveJobInput } from './enqueue-programme-solve.js';
import { pinProgrammeRun } from './pin-programme-run.js';
import { resolveProgrammeRun } from './resolve-programme-run.js';
import { runProgrammeSolve } from './run-programme-solve.js';
import type { SavedSolve } from './saved-runs.js';
import type { ProgrammeProgress } from './solve-programme.js';
import { whatIfProgrammeRun } from './what-if-programme-run.js';

export interface ProgrammeSolveJobOutcome {
  runId: string;
  status: string;
  objective: number | null;
  gap: number | null;
  placements: number;
  hardBreaches: number;
}

export async function runProgrammeSolveJob(
  ctx: UseCaseContext,
  job: { id: string; ownerId: string | null; input: Record<string, unknown> },
  onProgress: (p: ProgrammeProgress) => void,
): Promise<ProgrammeSolveJobOutcome> {
  if (!policies.runJobs(ctx.actor)) throw new AppError('FORBIDDEN');
  const owner = job.ownerId ? await findUserById(ctx.db, job.ownerId) : null;
  if (!owner || owner.disabled)
    throw new AppError('FORBIDDEN', {
      message: 'The account that asked for this solve is no longer active; nothing was solved.',
    });
  const as: UseCaseContext = { ...ctx, actor: toActor(owner) };
  const { mode, input } = job.input as unknown as ProgrammeSolveJobInput;
  const run: Record<
    ProgrammeSolveJobInput['mode'],
    (c: UseCaseContext, raw: never, p: (p: ProgrammeProgress) => void) => Promise<SavedSolve>
  > = {
    new: runProgrammeSolve,
    resolve: resolveProgrammeRun,
    pin: pinProgrammeRun,
    'what-if': whatIfProgrammeRun,
  };
  const saved = await run[mode](as, input as never, onProgress);
  const s = saved.solved.solution;
  return {
    runId: saved.runId,
    status: s.status,
    objective: s.objective,
    gap: s.gap,
    placements: s.plan?.placements.length ?? 0,
    hardBreaches: s.hardBreaches.length,
  };
}
