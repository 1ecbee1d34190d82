// The LA's effort across inspections (national staff): medians per inspection type and LA size
// band, groups of fewer than three inspections suppressed.
import { listEffortByActivity } from '../../data/repositories/burden.js';
import { policies } from '../../domain/access/policies.js';
import { nationalEffort, type EffortGroup } from '../../domain/burden/la-effort.js';
import { MIN_GROUP } from '../../domain/burden/stats.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface NationalLaEffort {
  inspections: number;
  minGroup: number;
  groups: EffortGroup[];
}

export async function getNationalLaEffort(ctx: UseCaseContext): Promise<NationalLaEffort> {
  if (!policies.viewNationalLaEffort(ctx.actor)) throw new AppError('NOT_FOUND');
  const rows = await listEffortByActivity(ctx.db);
  return { inspections: rows.length, minGroup: MIN_GROUP, groups: nationalEffort(rows) };
}
