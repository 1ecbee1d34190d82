// Move an activity's judgements to another stage: team provisional -> consistency panel ->
// quality assurance -> final, or back (with a reason). The checks (all graded, aggregation rules,
// challenges answered, divergence explained, context stated) are in domain/judgements/stages.ts.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { lockJudgementSet, setStage } from '../../data/repositories/judgements.js';
import type { TurnAudience } from '../../data/repositories/notifications.js';
import type { TurnKind } from '../../domain/notifications/turns.js';
import { policies } from '../../domain/access/policies.js';
import {
  isBackward,
  judgementStages,
  moveProblems,
  stageLabels,
  type JudgementStage,
} from '../../domain/judgements/stages.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notifyTurn } from '../shared/turn-notifications.js';
import { assertOpen, judgementScope } from './judgement-access.js';
import { loadJudgementState } from './judgement-state.js';
import { pathOnJudgementsFinal } from '../../domain/activities/steps.js';
import { applyStateChange } from '../shared/activity-state.js';

export const AdvanceJudgementsInput = z.object({
  activityId: z.string(),
  toStage: z.enum(judgementStages),
  reason: z.string().max(5000).nullish(),
  /** The set version the person saw (optional; guards against moving twice). */
  expectedVersion: z.number().int().min(0).optional(),
});
export type AdvanceJudgementsInput = z.input<typeof AdvanceJudgementsInput>;

/** Whose turn a stage change makes it. */
function turnOnStage(
  from: JudgementStage,
  to: JudgementStage,
): { kind: TurnKind; to: TurnAudience[] } | null {
  if (to === 'final') return { kind: 'judgements_final', to: ['lead'] };
  if (isBackward(from, to))
    return {
      kind: 'judgements_returned',
      to: to === 'consistency_panel' ? ['lead', 'panel'] : ['lead'],
    };
  if (to === 'consistency_panel') return { kind: 'judgements_at_panel', to: ['panel'] };
  if (to === 'quality_assurance') return { kind: 'judgements_at_qa', to: ['qam'] };
  return null;
}

export async function advanceJudgements(
  ctx: UseCaseContext,
  raw: AdvanceJudgementsInput,
): Promise<{ stage: JudgementStage }> {
  const input = AdvanceJudgementsInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  assertOpen(scope);
  const reason = input.reason?.trim() || null;
  return ctx.db.transaction().execute(async (trx) => {
    const set = await lockJudgementSet(trx, scope.activity.id);
    if (!policies.moveJudgements(ctx.actor, scope.facts, scope.panelMember, set.stage))
      throw new AppError('FORBIDDEN', {
        message:
          set.stage === 'quality_assurance'
            ? 'Only the quality assurance manager approves or sends back judgements.'
            : 'Only the lead inspector moves the judgements on.',
      });
    if (input.expectedVersion !== undefined && input.expectedVersion !== set.version)
      throw new AppError('CONFLICT', {
        message: 'Someone else moved these judgements first. Reload and check their stage.',
      });
    const state = await loadJudgementState(trx, scope);
    const problems = moveProblems(set.stage, input.toStage, state.facts, reason);
    if (problems.length)
      throw new AppError('INVALID_TRANSITION', {
        message: `The judgements cannot move to ${stageLabels[input.toStage].toLowerCase()} yet.`,
        details: problems.map((p) => ({ field: 'toStage', reason: p })),
      });
    await setStage(trx, scope.activity.id, set.stage, input.toStage, reason, actorRef(ctx.actor));
    await writeAudit(trx, ctx.actor, {
      action: 'judgement.stage_changed',
      entityType: 'judgement_set',
      entityId: scope.activity.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: { stage: set.stage },
      after: { stage: input.toStage },
      reason,
    });
    const turn = turnOnStage(set.stage, input.toStage);
    if (turn) await notifyTurn(trx, ctx.actor, scope.activity, turn.kind, turn.to);
    // One state for one inspection: the QAM's approval takes the activity on to drafting.
    if (input.toStage === 'final') {
      let activity = scope.activity;
      for (const toState of pathOnJudgementsFinal(activity.state)) {
        await applyStateChange(trx, ctx.actor, activity, {
          toState,
          reason: toState === 'drafting' ? 'Judgements approved as final.' : null,
          hasWrittenOutput: true,
          expectedVersion: activity.version,
        });
        activity = { ...activity, state: toState, version: activity.version + 1 };
      }
    }
    return { stage: input.toStage };
  });
}
