import { now as clockNow } from '../../clock.js';
import { z } from 'zod';
import { notifyTurn } from '../shared/turn-notifications.js';
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { activityStates } from '../../domain/activities/lifecycle.js';
import { findJudgementSet } from '../../data/repositories/judgements.js';
import { judgementsFor } from '../../domain/judgements/judgement-rules.js';
import {
  manualMoveProblem,
  onSiteEarlyProblem,
  type StepFacts,
} from '../../domain/activities/steps.js';
import { frameworkOf } from '../../domain/frameworks/installed.js';
import { AppError } from '../../errors.js';
import { requireCatalog, type UseCaseContext } from '../context.js';
import { dateInEngland } from '../../clock.js';
import { applyStateChange } from '../shared/activity-state.js';

export const ChangeActivityStateInput = z.object({
  activityId: z.string(),
  toState: z.enum(activityStates),
  reason: z.string().trim().max(2000).nullish(),
  /** The version the person saw; a mismatch means someone else changed it first. */
  expectedVersion: z.coerce.number().int().optional(),
});
export type ChangeActivityStateInput = z.input<typeof ChangeActivityStateInput>;

/** What decides which moves are made by hand and which by the work (domain/activities/steps.ts). */
export async function stepFactsOf(ctx: UseCaseContext, activity: Activity): Promise<StepFacts> {
  const type = requireCatalog(ctx).activityType(activity.frameworkId, activity.activityType);
  const hasJudgements = judgementsFor(frameworkOf(activity), activity.activityType).length > 0;
  return {
    pausedFrom: activity.pausedFrom,
    hasWrittenOutput: (type?.output ?? 'letter') !== 'none',
    hasJudgements,
    judgementsFinal:
      hasJudgements && (await findJudgementSet(ctx.db, activity.id)).stage === 'final',
  };
}

/**
 * A move chosen by hand on the activity page (or CLI/API): only the moves people make directly;
 * the steps after fieldwork are taken by the work itself (approvals, sign-off, release, publish).
 */
export async function changeActivityState(
  ctx: UseCaseContext,
  raw: ChangeActivityStateInput,
  now: Date = clockNow(),
): Promise<Activity> {
  const input = ChangeActivityStateInput.parse(raw);
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.manageActivity(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  const step = await stepFactsOf(ctx, activity);
  const problem =
    manualMoveProblem(activity.state, input.toState, step) ??
    onSiteEarlyProblem(input.toState, activity.plannedStart, dateInEngland(now), input.reason);
  if (problem)
    throw new AppError('INVALID_TRANSITION', {
      message: problem,
      details: [{ field: problem.includes('reason') ? 'reason' : 'toState', reason: problem }],
    });
  await ctx.db.transaction().execute(async (trx) => {
    await applyStateChange(trx, ctx.actor, activity, {
      toState: input.toState,
      reason: input.reason ?? null,
      hasWrittenOutput: step.hasWrittenOutput,
      expectedVersion: input.expectedVersion ?? activity.version,
    });
    // Unannounced until now: the LA's users hear of the activity only from its notification.
    if (input.toState === 'notified' && !activity.notifiedAt)
      await notifyTurn(
        trx,
        ctx.actor,
        { ...activity, state: 'notified', notifiedAt: now },
        'activity_notified',
        ['la_users'],
      );
  });
  const after = await findActivity(ctx.db, activity.id);
  if (!after) throw new AppError('INTERNAL');
  return after;
}
