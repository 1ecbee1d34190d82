// A team member's own provisional view of a judgement (grade, position, note), recorded before
// the team decides, so disagreement is visible and discussed rather than lost. Views are kept
// after the decision.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { upsertProvisionalView } from '../../data/repositories/judgement-workflow.js';
import { lockJudgementSet } from '../../data/repositories/judgements.js';
import { gradePositions } from '../../domain/judgements/judgement-rules.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { assertOpen, judgementOf, judgementScope } from './judgement-access.js';

export const RecordProvisionalViewInput = z.object({
  activityId: z.string(),
  judgementKey: z.string(),
  grade: z.string(),
  position: z.enum(gradePositions).default('secure'),
  note: z.string().max(5000).default(''),
});
export type RecordProvisionalViewInput = z.input<typeof RecordProvisionalViewInput>;

export async function recordProvisionalView(
  ctx: UseCaseContext,
  raw: RecordProvisionalViewInput,
): Promise<void> {
  const input = RecordProvisionalViewInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  const j = judgementOf(scope, input.judgementKey);
  assertOpen(scope);
  if (
    ctx.actor.kind !== 'user' ||
    !policies.recordProvisionalView(ctx.actor, scope.facts, scope.panelMember)
  )
    throw new AppError('FORBIDDEN', {
      message: 'Only the inspecting team record provisional views.',
    });
  if (!scope.fw.grades.some((g) => g.key === input.grade))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'grade', value: input.grade, reason: 'Choose a grade' }],
    });
  const user = { id: ctx.actor.userId, label: ctx.actor.displayName };
  await ctx.db.transaction().execute(async (trx) => {
    const set = await lockJudgementSet(trx, scope.activity.id);
    if (set.stage !== 'team_provisional')
      throw new AppError('INVALID_TRANSITION', {
        message:
          'Provisional views are recorded before the team decision; the judgements have moved on.',
      });
    await upsertProvisionalView(
      trx,
      scope.activity.id,
      {
        judgementKey: j.key,
        grade: input.grade,
        position: input.position,
        note: input.note.trim(),
      },
      user,
    );
    await writeAudit(trx, ctx.actor, {
      action: 'judgement.provisional_view_recorded',
      entityType: 'judgement',
      entityId: `${scope.activity.id}:${j.key}`,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      after: { grade: input.grade, position: input.position },
    });
  });
}
