// The feedback log (what was said to the LA on site) and the divergence between it and the
// grades now, each flag with its explanation if one has been written.
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import { judgementScope, type JudgementScope } from './judgement-access.js';
import { loadJudgementState, type JudgementState } from './judgement-state.js';

export interface FeedbackLog {
  scope: JudgementScope;
  state: JudgementState;
  /** Whether the person may record meetings now. */
  canWrite: boolean;
}

export async function getFeedbackLog(
  ctx: UseCaseContext,
  activityId: string,
): Promise<FeedbackLog> {
  const scope = await judgementScope(ctx, activityId);
  const state = await loadJudgementState(ctx.db, scope);
  const canWrite = policies.writeFeedbackLog(ctx.actor, scope.facts) && state.set.stage !== 'final';
  return { scope, state, canWrite };
}
