// What every judgements use case does first: find the activity, decide how the actor takes part
// (team, panel: the facts every judgements policy takes) and refuse readers who may not see
// judgements with NOT_FOUND.
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { isPanelMember } from '../../data/repositories/judgement-workflow.js';
import { actorUserId } from '../../domain/access/actor.js';
import {
  EVIDENCE_CLOSED_STATES,
  policies,
  type ActivityFacts,
} from '../../domain/access/policies.js';
import type { Framework, Judgement } from '../../domain/frameworks/index.js';
import { headlineOf, judgementsFor } from '../../domain/judgements/judgement-rules.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { frameworkOf } from '../../domain/frameworks/installed.js';

export interface JudgementScope {
  activity: Activity;
  facts: ActivityFacts;
  fw: Framework;
  /** The judgements this activity grades, in framework order. */
  judgements: Judgement[];
  headline: string | null;
  /** The actor sits on the consistency panel (policies take it with the facts). */
  panelMember: boolean;
}

/** Finds the activity and checks the actor may at least read its judgements (else NOT_FOUND). */
export async function judgementScope(
  ctx: UseCaseContext,
  activityId: string,
  opts: { moderationRecord?: boolean; reportInput?: boolean } = {},
): Promise<JudgementScope> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  const panelMember = await isPanelMember(ctx.db, activity.id, actorUserId(ctx.actor));
  const allowed = opts.moderationRecord
    ? policies.viewModerationRecord(ctx.actor, facts, panelMember)
    : opts.reportInput
      ? policies.viewReportInput(ctx.actor, facts, panelMember)
      : policies.viewJudgements(ctx.actor, facts, panelMember);
  if (!allowed) throw new AppError('NOT_FOUND');
  const fw = frameworkOf(activity);
  const judgements = judgementsFor(fw, activity.activityType);
  if (judgements.length === 0 && !opts.moderationRecord && !opts.reportInput)
    throw new AppError('NOT_FOUND', { message: 'This activity has no graded judgements.' });
  return {
    activity,
    facts,
    fw,
    judgements,
    headline: headlineOf(
      fw,
      judgements.map((j) => j.key),
    ),
    panelMember,
  };
}

/** Judgements of published or cancelled activities no longer change. */
export function assertOpen(scope: JudgementScope): void {
  if (EVIDENCE_CLOSED_STATES.has(scope.activity.state))
    throw new AppError('FORBIDDEN', {
      message: `Judgements are read-only once the activity is ${scope.activity.state}.`,
    });
}

/** The framework judgement for a key, or NOT_FOUND. */
export function judgementOf(scope: JudgementScope, key: string): Judgement {
  const j = scope.judgements.find((x) => x.key === key);
  if (!j) throw new AppError('NOT_FOUND');
  return j;
}
