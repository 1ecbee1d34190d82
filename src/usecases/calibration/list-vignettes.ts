// The vignette bank with each vignette's criteria and reference grade: its keepers only.
import { listVignettes as listAll } from '../../data/repositories/calibration.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { presentVignette, type VignetteView } from './calibration-scope.js';

export async function listVignettes(ctx: UseCaseContext): Promise<VignetteView[]> {
  if (!policies.manageCalibration(ctx.actor)) throw new AppError('NOT_FOUND');
  const all = await listAll(ctx.db);
  return all.filter((v) => !v.retired).map((v) => presentVignette(v, true));
}
