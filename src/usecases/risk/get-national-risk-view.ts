// The national view: every current LA with its risk level (filterable by region, level and the
// latest overall grade), and per region the distribution of risk levels beside the distribution
// of inspection outcomes, so national staff can see whether regions apply thresholds alike.
import { z } from 'zod';
import { listLocalAuthorities } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions } from '../../domain/access/roles.js';
import { gradeKeys, gradeLabels } from '../../domain/history/types.js';
import { isCurrent } from '../../domain/las/la.js';
import { riskModel } from '../../domain/risk/installed.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { riskRows, type RiskRow } from './risk-rows.js';
import { validationError } from './risk-scope.js';

export const NationalRiskInput = z.object({
  region: z.enum(ofstedRegions, { error: 'Select a region from the list' }).optional(),
  level: z.string().max(50).optional(),
  /** The latest overall effectiveness grade, or `none` for never graded. */
  grade: z.enum([...gradeKeys, 'none']).optional(),
});
export type NationalRiskInput = z.input<typeof NationalRiskInput>;

export interface RegionDistribution {
  region: string;
  las: number;
  /** Per risk level key, and `none` for not assessed. */
  levels: Record<string, number>;
  /** Per latest overall grade key, and `none` for never graded. */
  grades: Record<string, number>;
  overdue: number;
}

export interface NationalRiskView {
  levels: { key: string; label: string; colour: string }[];
  grades: { key: string; label: string }[];
  rows: RiskRow[];
  distribution: RegionDistribution[];
  totalLas: number;
}

export async function getNationalRiskView(
  ctx: UseCaseContext,
  raw: NationalRiskInput = {},
): Promise<NationalRiskView> {
  if (!policies.viewNationalRisk(ctx.actor)) throw new AppError('NOT_FOUND');
  const parsed = NationalRiskInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const f = parsed.data;
  const today = todayInEngland();
  const model = riskModel({ onDate: today });
  if (f.level && f.level !== 'none' && !model.levels.some((l) => l.key === f.level)) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'level', reason: 'Select a risk level from the list' }],
    });
  }
  const las = (await listLocalAuthorities(ctx.db)).filter((l) => isCurrent(l));
  const all = await riskRows(ctx.db, las, today, { everyLa: true });
  const distribution = ofstedRegions.map((region): RegionDistribution => {
    const inRegion = all.filter((r) => r.la.region === region);
    const levels: Record<string, number> = { none: 0 };
    const grades: Record<string, number> = { none: 0 };
    for (const l of model.levels) levels[l.key] = 0;
    for (const g of gradeKeys) grades[g] = 0;
    for (const r of inRegion) {
      const lk = r.level?.key ?? 'none';
      levels[lk] = (levels[lk] ?? 0) + 1;
      const gk = r.latestGrade?.key ?? 'none';
      grades[gk] = (grades[gk] ?? 0) + 1;
    }
    return {
      region,
      las: inRegion.length,
      levels,
      grades,
      overdue: inRegion.filter((r) => r.overdue).length,
    };
  });
  const rows = all.filter(
    (r) =>
      (!f.region || r.la.region === f.region) &&
      (!f.level || (r.level?.key ?? 'none') === f.level) &&
      (!f.grade || (r.latestGrade?.key ?? 'none') === f.grade),
  );
  return {
    levels: model.levels.map((l) => ({ key: l.key, label: l.label, colour: l.colour })),
    grades: gradeKeys.map((g) => ({ key: g, label: gradeLabels[g] })),
    rows,
    distribution,
    totalLas: all.length,
  };
}
