// The demo's national statistics: every real LA's DfE figures and statistical neighbours from the
// bundled table (reference/national-stats.json), in bulk; changes past the thresholds become
// intelligence entries as an import would raise them.
import type { UseCaseContext } from '../usecases/context.js';
import { loadBundledNationalStatistics } from '../usecases/stats/load-bundled-national-statistics.js';

export async function seedDemoStats(ctx: UseCaseContext): Promise<void> {
  await loadBundledNationalStatistics(ctx);
}
