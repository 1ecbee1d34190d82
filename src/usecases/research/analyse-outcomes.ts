// Outcomes against context: each LA's latest graded inspection (overall effectiveness, ILACS or
// SIF era) against its deprivation (as loaded), its size (children aged 0 to 17, LA register) or
// a DfE rate (the figure of the inspection's year, or the nearest within the settings' window).
// Counts in quantile groups, Spearman's rho with a seeded bootstrap interval, and the statement of
// what the figures can and cannot show. Grades are published, so counts are not suppressed.
import { writeAudit } from '../../data/audit-log.js';
import { listGradedHistory } from '../../data/repositories/inspection-history.js';
import { loadLaRegister } from '../../data/repositories/local-authorities.js';
import { listDeprivation } from '../../data/repositories/research-studies.js';
import { policies } from '../../domain/access/policies.js';
import { gradeKeys } from '../../domain/history/types.js';
import {
  OutcomesDefinition,
  type OutcomesDefinitionInput,
} from '../../domain/research/definitions.js';
import {
  outcomeStatement,
  outcomeStats,
  type OutcomeGrade,
  type OutcomePoint,
  type OutcomeStats,
} from '../../domain/research/outcomes.js';
import { onsPopulation0to25 } from '../../domain/research/population.js';
import { researchSettings } from '../../domain/research/settings.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { loadNationalContext } from './national-context.js';

export interface OutcomesAnalysis {
  definition: OutcomesDefinition;
  measure: string;
  /** The deprivation index or DfE rate, by name. */
  measureName: string;
  grades: OutcomeGrade[];
  stats: OutcomeStats;
  statement: string[];
  /** LAs with a graded inspection in the era but no value of the measure. */
  withoutValue: number;
  /** What the page offers to choose from. */
  options: { indexes: string[]; indicators: Array<{ key: string; label: string }> };
}

const GRADE_LABELS = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'];
const ERA_TEXT = {
  ilacs: "the inspection of local authority children's services, from 2018",
  sif: 'the single inspection framework, 2013 to 2018',
  all: "the inspection of local authority children's services or the single inspection framework",
};

function invalid(field: string, reason: string): AppError {
  return new AppError('VALIDATION_FAILED', { details: [{ field, reason }] });
}

export async function analyseOutcomes(
  ctx: UseCaseContext,
  raw: OutcomesDefinitionInput,
): Promise<OutcomesAnalysis> {
  if (!policies.useResearchStore(ctx.actor)) throw new AppError('NOT_FOUND');
  const parsed = OutcomesDefinition.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const def = parsed.data;
  const settings = researchSettings();
  const [events, register, deprivation] = await Promise.all([
    listGradedHistory(ctx.db),
    loadLaRegister(ctx.db),
    listDeprivation(ctx.db),
  ]);
  const indexes = [...new Set(deprivation.map((d) => d.indexName))];
  const indicators = settings.rateIndicators.map((r) => ({ key: r.indicator, label: r.label }));

  // Each LA's latest graded inspection in the era (one point per LA).
  const latest = new Map<string, { grade: number; year: number }>();
  for (const e of events) {
    const sif = e.activityType === 'sif_inspection' || (e.frameworkId ?? '').startsWith('sif');
    if ((def.era === 'ilacs' && sif) || (def.era === 'sif' && !sif)) continue;
    const g = e.grades.overall_effectiveness;
    if (!g) continue;
    latest.set(e.laId, { grade: gradeKeys.indexOf(g) + 1, year: Number(e.startDate.slice(0, 4)) });
  }

  let valueOf: (laId: string, year: number) => number | null;
  let measure: string;
  let measureName: string;
  let higher: string;
  let timing: string;
  if (def.by === 'deprivation') {
    const index = def.index ?? indexes[0];
    if (!index || !indexes.includes(index))
      throw invalid('index', 'Load a deprivation index first, or name one that is loaded.');
    def.index = index;
    const score = new Map(
      deprivation.filter((d) => d.indexName === index).map((d) => [d.laId, d.score]),
    );
    valueOf = (la) => score.get(la) ?? null;
    // The index's name stays out of the statement (an acronym the language checks would query):
    // the page and the exports name it beside the statement.
    measure = 'deprivation (the score on the loaded index)';
    higher = 'more deprived authorities';
    measureName = `Deprivation: ${index} score`;
    timing =
      'The deprivation scores are those of the index as loaded, not scores measured at the time of each inspection.';
  } else if (def.by === 'size') {
    // The register's children aged 0 to 17 where it holds them; it may hold none (the sources do
    // not give them), and then ONS's population aged 0 to 25 stands in, for every LA alike.
    const young = new Map(register.all.map((l) => [l.id, l.population0to17]));
    const ons = new Map<string, number | null>(onsPopulation0to25());
    const covered = (m: Map<string, number | null>) =>
      [...latest.keys()].filter((la) => (m.get(la) ?? null) !== null).length;
    const use0to17 = covered(young) >= covered(ons);
    const size = use0to17 ? young : ons;
    valueOf = (la) => size.get(la) ?? null;
    measure = use0to17 ? 'the number of children aged 0 to 17' : 'the population aged 0 to 25';
    higher = 'larger authorities';
    measureName = use0to17
      ? 'Children aged 0 to 17 (LA register)'
      : 'Population aged 0 to 25 (Office for National Statistics, LA register)';
    timing = use0to17
      ? "The population figures are the LA register's current ones, not those at the time of each inspection."
      : 'The register holds no counts of children aged 0 to 17, so the population aged 0 to 25 stands in for size. These are current figures, not those at the time of each inspection.';
  } else {
    const indicator = def.indicator ?? indicators[0]?.key;
    const ind = settings.rateIndicators.find((r) => r.indicator === indicator);
    if (!ind) throw invalid('indicator', 'Choose one of the rates the settings offer.');
    def.indicator = ind.indicator;
    const nc = await loadNationalContext(ctx.db, [...latest.keys()]);
    valueOf = (la, year) => nc.rateOf(la, ind.indicator, year)?.value ?? null;
    measure = `the rate of ${ind.label.charAt(0).toLowerCase()}${ind.label.slice(1)}`;
    higher = 'authorities with higher rates';
    measureName = `${ind.label} (DfE national statistics)`;
    timing = `Each rate is the Department for Education figure for the year of the inspection, or the nearest year within ${settings.rateYearWindow} years; inspections without one are left out.`;
  }

  const points: OutcomePoint[] = [];
  let withoutValue = 0;
  for (const [laId, x] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
    const value = valueOf(laId, x.year);
    if (value === null) withoutValue++;
    else points.push({ unit: laId, grade: x.grade, value });
  }
  const grades = GRADE_LABELS.map((label, i) => ({ numeric: i + 1, label }));
  const stats = outcomeStats(points, {
    groups: def.groups,
    resamples: def.resamples,
    seed: def.seed,
    grades,
  });
  const statement = outcomeStatement(stats, {
    measure,
    higher,
    unit: `each local authority's latest graded inspection under ${ERA_TEXT[def.era]}`,
    timing,
  });
  await ctx.db.transaction().execute((trx) =>
    writeAudit(trx, ctx.actor, {
      action: 'research.queried',
      entityType: 'research_query',
      entityId: 'outcomes',
      after: { what: 'outcomes', definition: def, authorities: stats.n },
    }),
  );
  return {
    definition: def,
    measure,
    measureName,
    grades,
    stats,
    statement,
    withoutValue,
    options: { indexes, indicators },
  };
}
