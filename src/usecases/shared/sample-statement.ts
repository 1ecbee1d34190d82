// The sample transparency statement of an activity, read without an access check: for use cases
// that have already authorized (the sample page through getSampleStatement, the report's sample
// section). Null when nothing has been sampled yet.
import type { Kysely } from 'kysely';
import { findCurrentDraw, listSampleCases } from '../../data/repositories/sampling.js';
import type { DB } from '../../data/schema.js';
import type { CohortPopulation } from '../../domain/sampling/draw.js';
import {
  buildSampleStatement,
  type EntryRoute,
  type StatementCase,
} from '../../domain/sampling/build-statement.js';
import type { CohortId, StratifierId } from '../../domain/sampling/population.js';
import { SampleSpec } from '../../domain/sampling/spec.js';
import type { SampleStatement } from '../../domain/sampling/statement.js';

export async function loadSampleStatement(
  db: Kysely<DB>,
  activityId: string,
): Promise<SampleStatement | null> {
  const [draw, cases] = await Promise.all([
    findCurrentDraw(db, activityId),
    listSampleCases(db, activityId),
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
