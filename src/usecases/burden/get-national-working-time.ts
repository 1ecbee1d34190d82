// Inspectors' working time across inspections (national staff), aggregated by team role only: the
// 2019 review's Table 8 (after-hours work, hours per day), measured from records, never by name.
import { listWorkActions } from '../../data/repositories/burden.js';
import { policies } from '../../domain/access/policies.js';
import { MIN_GROUP } from '../../domain/burden/stats.js';
import {
  aggregateByRole,
  inspectorDays,
  type RoleAggregate,
} from '../../domain/burden/working-time.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface NationalWorkingTime {
  minGroup: number;
  roles: RoleAggregate[];
  all: RoleAggregate | null;
}

export async function getNationalWorkingTime(ctx: UseCaseContext): Promise<NationalWorkingTime> {
  if (!policies.viewNationalWorkingTime(ctx.actor)) throw new AppError('NOT_FOUND');
  const days = inspectorDays(await listWorkActions(ctx.db, null));
  const all = aggregateByRole(days.map((d) => ({ ...d, teamRole: 'all' })));
  return { minGroup: MIN_GROUP, roles: aggregateByRole(days), all: all[0] ?? null };
}
