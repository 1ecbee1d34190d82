// Adds a vignette to the calibration bank: a short anonymised practice description, the framework
// criteria it illustrates and the reference grade a national panel agreed (recorded by a national
// user; every key checked against the framework file).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertVignette } from '../../data/repositories/calibration.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { criteriaOf } from '../../domain/judgements/judgement-rules.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { presentVignette, type VignetteView } from './calibration-scope.js';

export const AddVignetteInput = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(200),
  body: z.string().trim().min(1, 'Enter the vignette').max(20_000),
  frameworkId: z.string().trim().min(1, 'Choose a framework'),
  judgementKey: z.string().trim().min(1, 'Choose a judgement area'),
  criteria: z.array(z.string().max(200)).max(50).default([]),
  referenceGrade: z.string().trim().min(1, 'Choose the reference grade'),
  panelNote: z.string().trim().max(5000).default(''),
});
export type AddVignetteInput = z.input<typeof AddVignetteInput>;

export async function addVignette(
  ctx: UseCaseContext,
  raw: AddVignetteInput,
): Promise<VignetteView> {
  if (!policies.manageCalibration(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = AddVignetteInput.parse(raw);
  const problems: ErrorDetail[] = [];
  const fw = frameworkRegistry().get(input.frameworkId);
  if (!fw)
    problems.push({ field: 'frameworkId', value: input.frameworkId, reason: 'Choose a framework' });
  else {
    const j = fw.judgements.find((x) => x.key === input.judgementKey && x.graded);
    if (!j)
      problems.push({
        field: 'judgementKey',
        value: input.judgementKey,
        reason: 'Choose a judgement area',
      });
    if (!fw.grades.some((g) => g.key === input.referenceGrade))
      problems.push({
        field: 'referenceGrade',
        value: input.referenceGrade,
        reason: 'Choose the reference grade',
      });
    const known = new Set(criteriaOf(fw, input.judgementKey).map((c) => c.key));
    for (const key of input.criteria)
      if (!known.has(key))
        problems.push({
          field: 'criteria',
          value: key,
          reason: `not an evaluation criterion of ${j?.title ?? 'that area'}`,
        });
  }
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', { message: problems[0]!.reason, details: problems });
  return ctx.db.transaction().execute(async (trx) => {
    const v = await insertVignette(
      trx,
      { ...input, criteria: [...new Set(input.criteria)] },
      { id: actorUserId(ctx.actor), label: actorLabel(ctx.actor) },
    );
    await writeAudit(trx, ctx.actor, {
      action: 'calibration.vignette_added',
      entityType: 'calibration_vignette',
      entityId: v.id,
      after: {
        title: v.title,
        framework: v.frameworkId,
        judgement: v.judgementKey,
        criteria: v.criteria,
        referenceGrade: v.referenceGrade,
      },
    });
    return presentVignette(v, true);
  });
}
