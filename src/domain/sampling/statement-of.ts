// The transparency statement of a sample as stored: the current draw (spec, population counts)
// and the cases in the sample. One mapping for the sample page and the report's draft.
import { buildSampleStatement, type EntryRoute, type StatementCase } from './build-statement.js';
import type { CohortPopulation } from './draw.js';
import type { CohortId, StratifierId } from './population.js';
import { SampleSpec } from './spec.js';
import type { SampleStatement } from './statement.js';

export interface StoredDraw {
  seed: number;
  drawnAt: Date;
  referenceDate: string;
  spec: unknown;
  population: unknown;
}

export interface StoredSampleCase {
  cohort: string;
  route: string;
  remote: boolean;
  attributes: Record<string, string>;
}

/** The statement, or null when nothing has been sampled yet. */
export function sampleStatementOf(
  draw: StoredDraw | null,
  cases: StoredSampleCase[],
): SampleStatement | null {
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
