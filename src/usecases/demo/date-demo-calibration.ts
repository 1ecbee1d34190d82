// Dates one of the demo's calibration exercises in the past (the demo is seeded today for an
// exercise run months ago), so the national view shows agreement over more than one quarter.
import { dateExercise } from '../../data/repositories/calibration-dates.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function dateDemoCalibration(
  ctx: UseCaseContext,
  exerciseId: string,
  at: Date,
): Promise<void> {
  if (!policies.seedDemo(ctx.actor)) throw new AppError('FORBIDDEN');
  await dateExercise(ctx.db, exerciseId, at);
}
