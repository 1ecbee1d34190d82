import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { saveExpectations } from '../../data/repositories/fieldwork.js';
import { observationModes } from '../../domain/fieldwork/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { checkInspector, expectationsOf, fieldworkScope } from './fieldwork-scope.js';

export const SetFieldworkExpectationsInput = z.object({
  activityId: z.string(),
  remoteShareMaxPercent: z.coerce
    .number({ message: 'Enter the largest remote share, as a whole percentage' })
    .int('Enter a whole percentage')
    .min(0, 'Enter a percentage from 0 to 100')
    .max(100, 'Enter a percentage from 0 to 100'),
  minutesPerCase: z.coerce
    .number({ message: 'Enter the minutes expected per case' })
    .int('Enter whole minutes')
    .min(0, 'Enter minutes from 0 to 1440')
    .max(1440, 'Enter minutes from 0 to 1440'),
  observationMode: z.enum(observationModes, { message: 'Choose how observation is organised' }),
  designatedObserverId: z.string().trim().nullish(),
});
export type SetFieldworkExpectationsInput = z.input<typeof SetFieldworkExpectationsInput>;

/** The lead sets the activity's expectations: remote share, minutes per case, observation. */
export async function setFieldworkExpectations(
  ctx: UseCaseContext,
  raw: SetFieldworkExpectationsInput,
) {
  const input = SetFieldworkExpectationsInput.parse(raw);
  const scope = await fieldworkScope(ctx, input.activityId, 'edit');
  const observer =
    input.observationMode === 'designated_observer' && input.designatedObserverId
      ? input.designatedObserverId
      : null;
  if (observer) checkInspector(scope, observer, 'designatedObserverId');
  const before = await expectationsOf(ctx, scope);
  const after = {
    remoteShareMaxPercent: input.remoteShareMaxPercent,
    minutesPerCase: input.minutesPerCase,
    observationMode: input.observationMode,
    designatedObserverId: observer,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await saveExpectations(trx, scope.activity.id, after, actorRef(ctx.actor));
    await writeAudit(trx, ctx.actor, {
      action: 'fieldwork.expectations_set',
      entityType: 'activity',
      entityId: scope.activity.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: before.set
        ? {
            remoteShareMaxPercent: before.remoteShareMaxPercent,
            minutesPerCase: before.minutesPerCase,
            observationMode: before.observationMode,
            designatedObserverId: before.designatedObserverId,
          }
        : null,
      after,
    });
  });
  const saved = await expectationsOf(ctx, scope);
  if (!saved.set) throw new AppError('INTERNAL');
  return saved;
}
