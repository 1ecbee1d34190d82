// An invited inspector rates one of the exercise's vignettes, blind: until they submit they may
// change it; after submitting (when the spread is shown) their ratings are fixed.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findVignettes, upsertRating } from '../../data/repositories/calibration.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { exerciseScope, scaleOf } from './calibration-scope.js';

export const RateVignetteInput = z.object({
  exerciseId: z.string(),
  vignetteId: z.string(),
  grade: z.string().trim(),
  rationale: z.string().trim().max(5000).default(''),
});
export type RateVignetteInput = z.input<typeof RateVignetteInput>;

export async function rateVignette(ctx: UseCaseContext, raw: RateVignetteInput): Promise<void> {
  const input = RateVignetteInput.parse(raw);
  const { exercise, participant } = await exerciseScope(ctx, input.exerciseId);
  if (!exercise.vignetteIds.includes(input.vignetteId)) throw new AppError('NOT_FOUND');
  if (!participant || !policies.rateCalibration(ctx.actor, true))
    throw new AppError('FORBIDDEN', { message: 'Only the inspectors invited rate the vignettes.' });
  if (participant.submittedAt)
    throw new AppError('CONFLICT', {
      message: 'You have submitted your ratings: they can no longer be changed.',
    });
  const [vignette] = await findVignettes(ctx.db, [input.vignetteId]);
  if (!scaleOf(vignette!.frameworkId).some((g) => g.key === input.grade))
    throw new AppError('VALIDATION_FAILED', {
      message: 'Choose a grade',
      details: [{ field: 'grade', value: input.grade, reason: 'Choose a grade' }],
    });
  await ctx.db.transaction().execute(async (trx) => {
    const previous = await upsertRating(trx, {
      exerciseId: exercise.id,
      vignetteId: input.vignetteId,
      userId: participant.userId,
      grade: input.grade,
      rationale: input.rationale,
    });
    // The grade itself is not in the audit trail's summary: the exercise is blind until submitted.
    await writeAudit(trx, ctx.actor, {
      action: 'calibration.rated',
      entityType: 'calibration_exercise',
      entityId: exercise.id,
      after: { vignette: input.vignetteId, changed: previous !== null },
    });
  });
}
