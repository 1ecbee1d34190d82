// One observation of an inspector's practice: the inspector observed, its author and national
// staff read it; everyone else is answered NOT_FOUND (it reveals nothing).
import { z } from 'zod';
import { findObservation } from '../../data/repositories/practice-qa.js';
import { policies } from '../../domain/access/policies.js';
import { describeRatings } from '../../domain/practice-qa/observations.js';
import { promptSet } from '../../domain/practice-qa/prompts.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const GetPracticeObservationInput = z.object({ observationId: z.string().max(100) });

export async function getPracticeObservation(
  ctx: UseCaseContext,
  raw: z.input<typeof GetPracticeObservationInput>,
) {
  const { observationId } = GetPracticeObservationInput.parse(raw);
  const o = await findObservation(ctx.db, observationId);
  if (
    !o ||
    !policies.viewPracticeObservation(ctx.actor, {
      inspectorId: o.inspector.id,
      observerId: o.observer.id,
    })
  )
    throw new AppError('NOT_FOUND');
  return { ...o, described: describeRatings(promptSet({ id: o.promptSetId }), o.ratings) };
}
