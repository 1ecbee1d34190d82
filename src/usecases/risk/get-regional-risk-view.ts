// A region's risk view: every current LA of the region, one row each (risk-rows.ts). Regional
// staff see their own region (the default), national staff and admins any region.
import { z } from 'zod';
import { listLocalAuthorities } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions } from '../../domain/access/roles.js';
import { isCurrent } from '../../domain/las/la.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { riskRows, quarterStart, type RiskRow } from './risk-rows.js';
import { validationError } from './risk-scope.js';

const region = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? (ofstedRegions.find((r) => r.toLowerCase() === v.trim().toLowerCase()) ?? v)
      : v,
  z.enum(ofstedRegions, { error: `Choose one of: ${ofstedRegions.join('; ')}` }),
);

export const RegionalRiskInput = z.object({ region: region.optional() });

export interface RegionalRiskView {
  region: string;
  quarterStart: string;
  rows: RiskRow[];
  overdueCount: number;
  unassessedCount: number;
}

export async function getRegionalRiskView(
  ctx: UseCaseContext,
  raw: z.input<typeof RegionalRiskInput>,
): Promise<RegionalRiskView> {
  const parsed = RegionalRiskInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const own = ctx.actor.kind === 'user' ? ctx.actor.region : null;
  // National staff without a region of their own start at the first region.
  const chosen =
    parsed.data.region ?? own ?? (policies.viewNationalRisk(ctx.actor) ? ofstedRegions[0] : null);
  if (!chosen) throw new AppError('NOT_FOUND');
  if (!policies.viewRegionalRisk(ctx.actor, chosen)) throw new AppError('NOT_FOUND');
  const today = todayInEngland();
  const las = (await listLocalAuthorities(ctx.db, { region: chosen })).filter((l) => isCurrent(l));
  const rows = await riskRows(ctx.db, las, today);
  return {
    region: chosen,
    quarterStart: quarterStart(today),
    rows,
    overdueCount: rows.filter((r) => r.overdue).length,
    unassessedCount: rows.filter((r) => r.level === null).length,
  };
}
