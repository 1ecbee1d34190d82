// An invited inspector submits their ratings, once every vignette is rated: from then on they see
// the reference grades and the spread, and their ratings are fixed.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listRatings, markSubmitted } from '../../data/repositories/calibration.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { exerciseScope } from './calibration-scope.js';

export const SubmitRatingsInput = z.object({ exerciseId: z.string() });

export async function submitRatings(
  ctx: UseCaseContext,
  raw: z.input<typeof SubmitRatingsInput>,
): Promise<void> {
  const input = SubmitRatingsInput.parse(raw);
  const { exercise, participant } = await exerciseScope(ctx, input.exerciseId);
  if (!participant || !policies.rateCalibration(ctx.actor, true))
    throw new AppError('FORBIDDEN', { message: 'Only the inspectors invited submit ratings.' });
  const mine = await listRatings(ctx.db, [exercise.id], participant.userId);
  const missing = exercise.vignetteIds.length - mine.length;
  if (missing > 0)
    throw new AppError('VALIDATION_FAILED', {
      message: `Rate every vignette before submitting: ${missing} still to rate.`,
      details: [
        {
          field: 'ratings',
          reason: `Rate every vignette before submitting: ${missing} still to rate`,
        },
      ],
    });
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markSubmitted(trx, exercise.id, participant.userId)))
      throw new AppError('CONFLICT', { message: 'You have already submitted your ratings.' });
    await writeAudit(trx, ctx.actor, {
      action: 'calibration.submitted',
      entityType: 'calibration_exercise',
      entityId: exercise.id,
      after: { vignettes: mine.length },
    });
  });
}
