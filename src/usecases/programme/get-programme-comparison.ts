// Two saved runs side by side for the compare page: the comparison (moved, added, removed,
// team changes; objective and soft costs, with the differences), each run's gap and published
// version, and the names of the inspectors the differences mention.
import { z } from 'zod';
import { compareRuns, type RunComparison } from '../../domain/programme/runs.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { parse, readRun, type ProgrammeRunView } from './saved-runs.js';

export const GetProgrammeComparisonInput = z.object({
  a: z.string().min(1).max(100),
  b: z.string().min(1).max(100),
});

type RunHead = Omit<ProgrammeRunView['run'], 'options' | 'summary'>;

export interface ProgrammeComparison {
  a: RunHead;
  b: RunHead;
  comparison: RunComparison;
  /** Inspector id -> name, from both runs' teams and rosters. */
  names: Record<string, string>;
  /** LA id -> name, activity type -> label. */
  typeLabels: Record<string, string>;
}

export async function getProgrammeComparison(
  ctx: UseCaseContext,
  raw: z.input<typeof GetProgrammeComparisonInput>,
): Promise<ProgrammeComparison> {
  const input = parse(GetProgrammeComparisonInput, raw);
  const a = await readRun(ctx, input.a);
  const b = await readRun(ctx, input.b);
  // Comparing needs whole plans: an inspector sees only their own placements.
  if (a.ownPlacementsOnly || b.ownPlacementsOnly) throw new AppError('NOT_FOUND');
  const names: Record<string, string> = {};
  const typeLabels: Record<string, string> = {};
  for (const v of [a, b]) {
    for (const i of v.run.options.inspectors ?? []) names[i.id] = i.name ?? i.id;
    for (const p of v.placements) {
      typeLabels[p.activityType] = p.explanation.typeLabel;
      for (const m of p.team) names[m.inspectorId] = m.name;
    }
  }
  const side = (v: ProgrammeRunView) => ({
    objective: v.run.objective,
    softBreaches: v.run.summary.softBreaches,
    placements: v.placements,
  });
  const head = ({ run: { options: _o, summary: _s, ...r } }: ProgrammeRunView): RunHead => r;
  return {
    a: head(a),
    b: head(b),
    comparison: compareRuns(side(a), side(b)),
    names,
    typeLabels,
  };
}
