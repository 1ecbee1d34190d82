// The sample transparency statement of an activity, for the sample page and the report (the
// reports area calls this). Null when nothing has been sampled yet.
import { findCurrentDraw, listSampleCases } from '../../data/repositories/sampling.js';
import type { CohortPopulation } from '../../domain/sampling/draw.js';
import {
  buildSampleStatement,
  type EntryRoute,
  type StatementCase,
} from '../../domain/sampling/build-statement.js';
import type { CohortId, StratifierId } from '../../domain/sampling/population.js';
import { SampleSpec } from '../../domain/sampling/spec.js';
import type { SampleStatement } from '../../domain/sampling/statement.js';
import type { UseCaseContext } from '../context.js';
import { sampleScope } from './sample-scope.js';

export async function getSampleStatement(
  ctx: UseCaseContext,
  input: { activityId: string },
): Promise<SampleStatement | null> {
  const { activity } = await sampleScope(ctx, input.activityId, 'read');
  const [draw, cases] = await Promise.all([
    findCurrentDraw(ctx.db, activity.id),
    listSampleCases(ctx.db, activity.id),
  ]);
  if (cases.length === 0) return null;
  const spec = draw ? SampleSpec.safeParse(draw.spec) : null;
  const stratifiers = spec?.success
    ? [...new Set(spec.data.entries.flatMap((e) => e.stratifyBy))]
    : [];
  return buildSampleStatement({
    cases: cases.map((c): StatementCase => ({
      cohort: c.cohort as CohortId,
      route: c.route as EntryRoute,
      remote: c.remote,
      values: c.attributes as Partial<Record<StratifierId, string>>,
      locality: c.attributes.locality ?? null,
    })),
    population: draw ? (draw.population as Partial<Record<CohortId, CohortPopulation>>) : null,
    draw: draw
      ? {
          seed: draw.seed,
          drawnAt: draw.drawnAt,
          referenceDate: draw.referenceDate,
          stratifiers: stratifiers as StratifierId[],
        }
      : null,
  });
}
