// The inspector who looked at a sampled case rates it for a judgement area: a grade on the
// framework's scale, with the evaluation criteria met and not met (all from the framework file).
// One rating per case, area and inspector; rating again replaces one's own rating.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { upsertCaseRating } from '../../data/repositories/case-ratings.js';
import { findSampleCase, listSampleCases } from '../../data/repositories/sampling.js';
import { policies } from '../../domain/access/policies.js';
import { criteriaOf } from '../../domain/judgements/judgement-rules.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { assertOpen, judgementOf, judgementScope } from './judgement-access.js';

const keys = z.array(z.string().max(200)).max(200).default([]);

export const RateCaseInput = z.object({
  activityId: z.string(),
  /** The sampled case's id, or the child's reference (C-...) in this activity's sample. */
  sampleCaseId: z.string(),
  judgementKey: z.string(),
  grade: z.string(),
  criteriaMet: keys,
  criteriaNotMet: keys,
  note: z.string().max(5000).default(''),
});
export type RateCaseInput = z.input<typeof RateCaseInput>;

export async function rateCase(ctx: UseCaseContext, raw: RateCaseInput): Promise<{ id: string }> {
  const input = RateCaseInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  const j = judgementOf(scope, input.judgementKey);
  if (j.kind === 'headline') throw new AppError('NOT_FOUND');
  assertOpen(scope);
  if (ctx.actor.kind !== 'user' || !policies.rateCase(ctx.actor, scope.facts, scope.panelMember))
    throw new AppError('FORBIDDEN', { message: 'Only the inspecting team rate cases.' });
  const problems: ErrorDetail[] = [];
  if (!scope.fw.grades.some((g) => g.key === input.grade))
    problems.push({ field: 'grade', value: input.grade, reason: 'Choose a grade' });
  const known = new Set(criteriaOf(scope.fw, j.key).map((c) => c.key));
  for (const [field, list] of [
    ['criteriaMet', input.criteriaMet],
    ['criteriaNotMet', input.criteriaNotMet],
  ] as const)
    for (const key of list)
      if (!known.has(key))
        problems.push({ field, value: key, reason: `not an evaluation criterion of ${j.title}` });
  for (const key of input.criteriaMet)
    if (input.criteriaNotMet.includes(key))
      problems.push({
        field: 'criteriaNotMet',
        value: key,
        reason: 'a criterion cannot be both met and not met',
      });
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', { message: problems[0]!.reason, details: problems });
  const ref = input.sampleCaseId.trim().toLowerCase();
  const sampled =
    (await findSampleCase(ctx.db, input.sampleCaseId)) ??
    (await listSampleCases(ctx.db, scope.activity.id)).find(
      (c) => c.childRef.toLowerCase() === ref,
    );
  if (!sampled || sampled.activityId !== scope.activity.id || sampled.removedAt)
    throw new AppError('NOT_FOUND');
  const rater = { id: ctx.actor.userId, label: ctx.actor.displayName };
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await upsertCaseRating(
      trx,
      scope.activity.id,
      {
        sampleCaseId: sampled.id,
        judgementKey: j.key,
        grade: input.grade,
        criteriaMet: [...new Set(input.criteriaMet)],
        criteriaNotMet: [...new Set(input.criteriaNotMet)],
        note: input.note.trim(),
      },
      rater,
    );
    await writeAudit(trx, ctx.actor, {
      action: 'judgement.case_rated',
      entityType: 'case_rating',
      entityId: saved.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: saved.previousGrade ? { grade: saved.previousGrade } : undefined,
      after: { case: sampled.childRef, judgement: j.key, grade: input.grade },
    });
    return { id: saved.id };
  });
}
