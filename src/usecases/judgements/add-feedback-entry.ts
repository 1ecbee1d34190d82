// Record what was said to the LA: a keeping-in-touch meeting or the final feedback (date, who was
// present, the themes per judgement and any grades indicated). Before final, these are compared
// with the grades (domain/judgements/divergence.ts).
import { now as clockNow, dateInEngland } from '../../clock.js';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertFeedback } from '../../data/repositories/judgement-workflow.js';
import { lockJudgementSet } from '../../data/repositories/judgements.js';
import { policies } from '../../domain/access/policies.js';
import { feedbackKinds, themeDirections } from '../../domain/judgements/divergence.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { assertOpen, judgementScope } from './judgement-access.js';
import { feedbackDateProblem } from '../../domain/activities/steps.js';

export const AddFeedbackEntryInput = z.object({
  activityId: z.string(),
  kind: z.enum(feedbackKinds),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD'),
  present: z.string().trim().min(1, 'Say who was present').max(2000),
  summary: z.string().max(20_000).default(''),
  themes: z
    .array(
      z.object({
        judgementKey: z.string(),
        direction: z.enum(themeDirections),
        text: z.string().trim().min(1).max(2000),
        indicatedGrade: z.string().nullish(),
      }),
    )
    .max(100)
    .default([]),
});
export type AddFeedbackEntryInput = z.input<typeof AddFeedbackEntryInput>;

export async function addFeedbackEntry(
  ctx: UseCaseContext,
  raw: AddFeedbackEntryInput,
  now: Date = clockNow(),
): Promise<{ id: string }> {
  const input = AddFeedbackEntryInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  assertOpen(scope);
  if (!policies.writeFeedbackLog(ctx.actor, scope.facts))
    throw new AppError('FORBIDDEN', { message: 'The inspecting team records the feedback log.' });
  const problems: ErrorDetail[] = [];
  const keys = new Set(scope.judgements.map((j) => j.key));
  const grades = new Set(scope.fw.grades.map((g) => g.key));
  input.themes.forEach((t, i) => {
    if (!keys.has(t.judgementKey))
      problems.push({
        field: `themes.${i}.judgementKey`,
        value: t.judgementKey,
        reason: 'Choose one of the activity’s judgements',
      });
    if (t.indicatedGrade && !grades.has(t.indicatedGrade))
      problems.push({
        field: `themes.${i}.indicatedGrade`,
        value: t.indicatedGrade,
        reason: 'Choose one of the framework’s grades',
      });
  });
  if (Number.isNaN(Date.parse(`${input.heldOn}T00:00:00Z`)))
    problems.push({ field: 'heldOn', value: input.heldOn, reason: 'Enter a real date' });
  else {
    const { notifiedAt, plannedStart } = scope.activity;
    const earliest = notifiedAt ? dateInEngland(notifiedAt) : plannedStart;
    const wrong = feedbackDateProblem(input.heldOn, dateInEngland(now), earliest);
    if (wrong) problems.push({ field: 'heldOn', value: input.heldOn, reason: wrong });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
  return ctx.db.transaction().execute(async (trx) => {
    const set = await lockJudgementSet(trx, scope.activity.id);
    if (set.stage === 'final')
      throw new AppError('INVALID_TRANSITION', { message: 'The judgements are final.' });
    const themes = input.themes.map((t) => ({ ...t, indicatedGrade: t.indicatedGrade || null }));
    const id = await insertFeedback(
      trx,
      scope.activity.id,
      {
        kind: input.kind,
        heldOn: input.heldOn,
        present: input.present,
        summary: input.summary.trim(),
        themes,
      },
      actorRef(ctx.actor),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'judgement.feedback_recorded',
      entityType: 'feedback_entry',
      entityId: id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      after: { kind: input.kind, heldOn: input.heldOn, themes: themes.length },
    });
    return { id };
  });
}
