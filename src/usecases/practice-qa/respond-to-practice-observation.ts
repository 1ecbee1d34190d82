// The inspector acknowledges an observation of their practice, with their own response (which
// they may change later: the latest stands, the audit log keeps each).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findObservation, setObservationResponse } from '../../data/repositories/practice-qa.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const RespondToPracticeObservationInput = z.object({
  observationId: z.string().max(100),
  response: z.string().trim().max(8000).default(''),
});

export async function respondToPracticeObservation(
  ctx: UseCaseContext,
  raw: z.input<typeof RespondToPracticeObservationInput>,
): Promise<void> {
  const input = RespondToPracticeObservationInput.parse(raw);
  const o = await findObservation(ctx.db, input.observationId);
  const read = (x: NonNullable<typeof o>) =>
    policies.viewPracticeObservation(ctx.actor, {
      inspectorId: x.inspector.id,
      observerId: x.observer.id,
    });
  if (!o || !read(o)) throw new AppError('NOT_FOUND');
  if (!policies.respondToPracticeObservation(ctx.actor, { inspectorId: o.inspector.id }))
    throw new AppError('FORBIDDEN', { message: 'Only the inspector observed responds.' });
  await ctx.db.transaction().execute(async (trx) => {
    await setObservationResponse(trx, o.id, input.response);
    await writeAudit(trx, ctx.actor, {
      action: 'practice_qa.observation_responded',
      entityType: 'practice_observation',
      entityId: o.id,
      activityId: o.activityId,
      after: { responded: input.response.length > 0 },
    });
  });
}
