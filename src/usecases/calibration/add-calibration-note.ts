// A discussion note on a vignette of an exercise: by its organisers, or by an invited inspector
// once they have submitted (notes are part of what is revealed, so never before). Shown named.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertNote } from '../../data/repositories/calibration.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { exerciseScope } from './calibration-scope.js';

export const AddCalibrationNoteInput = z.object({
  exerciseId: z.string(),
  vignetteId: z.string(),
  note: z.string().trim().min(1, 'Enter your note').max(5000),
});

export async function addCalibrationNote(
  ctx: UseCaseContext,
  raw: z.input<typeof AddCalibrationNoteInput>,
): Promise<{ id: string }> {
  const input = AddCalibrationNoteInput.parse(raw);
  const { exercise, organiser, participant } = await exerciseScope(ctx, input.exerciseId);
  if (!exercise.vignetteIds.includes(input.vignetteId)) throw new AppError('NOT_FOUND');
  if (!organiser && !participant?.submittedAt)
    throw new AppError('FORBIDDEN', {
      message: 'Submit your ratings first: the discussion opens once you have rated blind.',
    });
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertNote(
      trx,
      { exerciseId: exercise.id, vignetteId: input.vignetteId, note: input.note },
      {
        id: actorUserId(ctx.actor),
        label: ctx.actor.kind === 'user' ? ctx.actor.displayName : actorLabel(ctx.actor),
      },
    );
    await writeAudit(trx, ctx.actor, {
      action: 'calibration.note_added',
      entityType: 'calibration_exercise',
      entityId: exercise.id,
      after: { vignette: input.vignetteId, note: input.note },
    });
    return { id };
  });
}
