// Solves a programme and saves it as a run (plans are versioned: every solve saved is a run). The
// roster is the inspectors' profiles unless one is given (a JSON roster or a synthetic one).
import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import { solveAndSave, type SavedSolve } from './saved-runs.js';
import { SolveProgrammeInput, type ProgrammeProgress } from './solve-programme.js';

export const RunProgrammeSolveInput = SolveProgrammeInput.omit({
  inspectors: true,
  previous: true,
}).extend({ inspectors: SolveProgrammeInput.shape.inspectors.optional() });

export async function runProgrammeSolve(
  ctx: UseCaseContext,
  raw: z.input<typeof RunProgrammeSolveInput>,
  onProgress?: (p: ProgrammeProgress) => void,
): Promise<SavedSolve> {
  return solveAndSave(ctx, raw, null, onProgress);
}
