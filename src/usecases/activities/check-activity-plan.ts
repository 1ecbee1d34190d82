import { z } from 'zod';
import { findLocalAuthority } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import type { RuleCheck } from '../../domain/scheduling/check-rules.js';
import { AppError } from '../../errors.js';
import { requireCatalog, type UseCaseContext } from '../context.js';
import { checkScheduling } from '../shared/activity-rules.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');

export const CheckActivityPlanInput = z.object({
  laId: z.string().min(1),
  activityType: z.string().min(1),
  plannedStart: isoDate,
  plannedEnd: isoDate.nullish(),
});
export type CheckActivityPlanInput = z.input<typeof CheckActivityPlanInput>;

export interface ActivityPlanCheck extends RuleCheck {
  frameworkId: string;
  /** Whether it could be created: no hard rule broken (soft ones then need a reason). */
  allowed: boolean;
  reasonNeeded: boolean;
}

/** Which scheduling rules a planned activity would break, without creating anything. */
export async function checkActivityPlan(
  ctx: UseCaseContext,
  raw: CheckActivityPlanInput,
): Promise<ActivityPlanCheck> {
  const input = CheckActivityPlanInput.parse(raw);
  const la = await findLocalAuthority(ctx.db, input.laId);
  if (!la || !policies.createActivity(ctx.actor, { id: la.id, region: la.ofstedRegion }))
    throw new AppError('NOT_FOUND');
  const frameworkId = requireCatalog(ctx).frameworkFor(input.plannedStart, input.activityType);
  if (!frameworkId)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'activityType',
          value: input.activityType,
          reason:
            'This type of activity is not part of the framework in force on the planned start date',
        },
      ],
    });
  const check = await checkScheduling(ctx, {
    laId: la.id,
    frameworkId,
    activityType: input.activityType,
    start: input.plannedStart,
    end: input.plannedEnd ?? null,
  });
  return {
    ...check,
    frameworkId,
    allowed: !check.findings.some((f) => f.severity === 'hard'),
    reasonNeeded: check.findings.some((f) => f.severity === 'soft'),
  };
}
