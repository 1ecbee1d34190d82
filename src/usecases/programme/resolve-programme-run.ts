// Solves a saved run again with its own options (pins and what-ifs included), against today's
// data: the new run records the one it started from.
import { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import { parse, readRunToResolve, resolveFrom, type SavedSolve } from './saved-runs.js';
import type { ProgrammeProgress } from './solve-programme.js';

export const ResolveProgrammeRunInput = z.object({
  runId: z.string().min(1),
  timeLimitSeconds: z.coerce.number().min(1).max(600).optional(),
});

export async function resolveProgrammeRun(
  ctx: UseCaseContext,
  raw: z.input<typeof ResolveProgrammeRunInput>,
  onProgress?: (p: ProgrammeProgress) => void,
): Promise<SavedSolve> {
  const input = parse(ResolveProgrammeRunInput, raw);
  const view = await readRunToResolve(ctx, input.runId);
  return resolveFrom(ctx, view, { timeLimitSeconds: input.timeLimitSeconds }, onProgress);
}
