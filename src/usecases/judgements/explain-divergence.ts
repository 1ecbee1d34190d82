// Explain a difference between what was said on site and the grades now (a divergence flag). The
// lead, the QAM or an administrator writes it; every flag needs one before the judgements are final.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { upsertExplanation } from '../../data/repositories/judgement-workflow.js';
import { lockJudgementSet } from '../../data/repositories/judgements.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { assertOpen, judgementScope } from './judgement-access.js';
import { loadJudgementState } from './judgement-state.js';

export const ExplainDivergenceInput = z.object({
  activityId: z.string(),
  flagKey: z.string().max(300),
  explanation: z.string().trim().min(1, 'Write the explanation').max(5000),
});
export type ExplainDivergenceInput = z.input<typeof ExplainDivergenceInput>;

export async function explainDivergence(
  ctx: UseCaseContext,
  raw: ExplainDivergenceInput,
): Promise<void> {
  const input = ExplainDivergenceInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  assertOpen(scope);
  if (!policies.explainDivergence(ctx.actor, scope.facts, scope.panelMember))
    throw new AppError('FORBIDDEN', {
      message: 'The lead inspector or the QAM explains divergence.',
    });
  await ctx.db.transaction().execute(async (trx) => {
    const set = await lockJudgementSet(trx, scope.activity.id);
    if (set.stage === 'final')
      throw new AppError('INVALID_TRANSITION', { message: 'The judgements are final.' });
    const state = await loadJudgementState(trx, scope);
    const flag = state.flags.find((f) => f.key === input.flagKey);
    if (!flag)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          { field: 'flagKey', value: input.flagKey, reason: 'No such difference is flagged now' },
        ],
      });
    await upsertExplanation(
      trx,
      scope.activity.id,
      flag.key,
      input.explanation,
      actorRef(ctx.actor),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'judgement.divergence_explained',
      entityType: 'judgement_set',
      entityId: scope.activity.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: flag.explanation ? { explanation: flag.explanation.explanation } : null,
      after: { flag: flag.key, explanation: input.explanation },
    });
  });
}
