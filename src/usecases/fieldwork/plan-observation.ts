import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  insertObservation,
  listObservations,
  type PlannedObservation,
} from '../../data/repositories/fieldwork.js';
import { observationKinds } from '../../domain/fieldwork/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { checkInspector, fieldworkScope } from './fieldwork-scope.js';

export const PlanObservationInput = z.object({
  activityId: z.string(),
  kind: z.enum(observationKinds, { message: 'Choose what practice is observed' }),
  description: z.string().trim().max(500).nullish(),
  observerId: z.string().min(1, 'Choose the observer'),
  plannedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD')
    .nullish(),
});
export type PlanObservationInput = z.input<typeof PlanObservationInput>;

/** The lead plans an observation of practice (a home visit, meeting, conference, supervision). */
export async function planObservation(
  ctx: UseCaseContext,
  raw: PlanObservationInput,
): Promise<PlannedObservation> {
  const input = PlanObservationInput.parse(raw);
  const scope = await fieldworkScope(ctx, input.activityId, 'edit');
  const observer = checkInspector(scope, input.observerId, 'observerId');
  const activityId = scope.activity.id;
  const observation = {
    kind: input.kind,
    description: input.description || null,
    observerId: input.observerId,
    plannedOn: input.plannedOn ?? null,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertObservation(trx, activityId, observation, actorRef(ctx.actor));
    await writeAudit(trx, ctx.actor, {
      action: 'fieldwork.observation_planned',
      entityType: 'fieldwork_observation',
      entityId: newId,
      activityId,
      laId: scope.activity.laId,
      after: { ...observation, observer },
    });
    return newId;
  });
  const saved = (await listObservations(ctx.db, activityId)).find((o) => o.id === id);
  if (!saved) throw new AppError('INTERNAL');
  return saved;
}
