// Records that the demo was seeded (so a second seed reports it instead of seeding again), then
// refreshes the planner statistics of every table: the demo writes to most of them (issue 19).
import { insertDemoMarker, type DemoMarker } from '../../data/repositories/demo.js';
import { refreshAllStatistics } from '../../data/repositories/statistics.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function recordDemoSeeded(ctx: UseCaseContext, marker: DemoMarker): Promise<void> {
  if (!policies.seedDemo(ctx.actor)) throw new AppError('FORBIDDEN');
  await insertDemoMarker(ctx.db, marker);
  await refreshAllStatistics(ctx.db);
}
