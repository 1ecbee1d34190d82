// Two saved runs side by side: placements moved, added or removed, team changes, and the
// objective and soft costs of each with the difference.
import { z } from 'zod';
import { compareRuns, type RunComparison } from '../../domain/programme/runs.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { parse, readRun } from './saved-runs.js';

export const CompareProgrammeRunsInput = z.object({
  a: z.string().min(1),
  b: z.string().min(1),
});

export interface ProgrammeRunsCompared extends RunComparison {
  a: { id: string; region: string; start: string; createdAt: Date; status: string };
  b: { id: string; region: string; start: string; createdAt: Date; status: string };
}

export async function compareProgrammeRuns(
  ctx: UseCaseContext,
  raw: z.input<typeof CompareProgrammeRunsInput>,
): Promise<ProgrammeRunsCompared> {
  const input = parse(CompareProgrammeRunsInput, raw);
  const [a, b] = [await readRun(ctx, input.a), await readRun(ctx, input.b)];
  // Comparing needs whole plans: an inspector sees only their own placements.
  if (a.ownPlacementsOnly || b.ownPlacementsOnly) throw new AppError('NOT_FOUND');
  const side = (v: typeof a) => ({
    objective: v.run.objective,
    softBreaches: v.run.summary.softBreaches,
    placements: v.placements.map((p) => ({ ...p, explanation: p.explanation })),
  });
  const head = (v: typeof a) => ({
    id: v.run.id,
    region: v.run.region,
    start: v.run.start,
    createdAt: v.run.createdAt,
    status: v.run.status,
  });
  return { a: head(a), b: head(b), ...compareRuns(side(a), side(b)) };
}
