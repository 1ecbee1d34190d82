// One saved run with its placements and teams, as the actor may see it (planners: all of it;
// inspectors: their own placements of a published version).
import { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import { parse, readRun, type ProgrammeRunView } from './saved-runs.js';

export const GetProgrammeRunInput = z.object({ runId: z.string().min(1) });

export async function getProgrammeRun(
  ctx: UseCaseContext,
  raw: z.input<typeof GetProgrammeRunInput>,
): Promise<ProgrammeRunView> {
  const input = parse(GetProgrammeRunInput, raw);
  return readRun(ctx, input.runId);
}

/** A placement of a run as the use cases give it (for presenters, which never read repositories). */
export type { StoredPlacement as RunPlacement } from '../../data/repositories/programme.js';
