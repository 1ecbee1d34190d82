import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  insertCaseVisit,
  listCaseVisits,
  lockSampleCase,
  type CaseVisit,
} from '../../data/repositories/fieldwork.js';
import { findSampleCase } from '../../data/repositories/sampling.js';
import { allocationProblem } from '../../domain/fieldwork/allocation.js';
import { visitModes } from '../../domain/fieldwork/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { checkInspector, fieldworkScope } from './fieldwork-scope.js';

const pseudonym = z
  .string()
  .trim()
  .max(60)
  .regex(
    /^[^@\n]*$/,
    'Use the pseudonymous reference (such as SW-07), not a name or e-mail address',
  );

export const AllocateCaseInput = z.object({
  activityId: z.string(),
  sampleCaseId: z.string().min(1, 'Choose a sampled case'),
  inspectorId: z.string().min(1, 'Choose an inspector'),
  socialWorkerRef: pseudonym.nullish(),
  socialWorkerRole: z.string().trim().max(100).nullish(),
  plannedAt: z.coerce.date({ message: 'Enter a real date and time' }).nullish(),
  mode: z.enum(visitModes, { message: 'Choose in person or remote' }),
  plannedJoint: z.coerce.boolean().default(false),
});
export type AllocateCaseInput = z.input<typeof AllocateCaseInput>;

/**
 * The lead allocates a sampled case to an inspector (a planned case visit). Refused with
 * CASE_ALREADY_ALLOCATED when another inspector has the case, unless planned jointly.
 */
export async function allocateCase(
  ctx: UseCaseContext,
  raw: AllocateCaseInput,
): Promise<CaseVisit> {
  const input = AllocateCaseInput.parse(raw);
  const scope = await fieldworkScope(ctx, input.activityId, 'edit');
  const sampleCase = await findSampleCase(ctx.db, input.sampleCaseId);
  if (!sampleCase || sampleCase.activityId !== scope.activity.id || sampleCase.removedAt)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: 'sampleCaseId', value: input.sampleCaseId, reason: 'Choose a case in the sample' },
      ],
    });
  const inspector = checkInspector(scope, input.inspectorId, 'inspectorId');
  const activityId = scope.activity.id;
  const id = await ctx.db.transaction().execute(async (trx) => {
    await lockSampleCase(trx, sampleCase.id);
    const others = await listCaseVisits(trx, activityId, sampleCase.id);
    const problem = allocationProblem(others, input);
    if (problem) throw new AppError('CASE_ALREADY_ALLOCATED', { message: problem.message });
    const visit = {
      sampleCaseId: sampleCase.id,
      inspectorId: input.inspectorId,
      socialWorkerRef: input.socialWorkerRef || null,
      socialWorkerRole: input.socialWorkerRole || null,
      plannedAt: input.plannedAt ?? null,
      mode: input.mode,
      plannedJoint: input.plannedJoint,
    };
    const visitId = await insertCaseVisit(trx, activityId, visit, actorRef(ctx.actor));
    await writeAudit(trx, ctx.actor, {
      action: 'fieldwork.case_allocated',
      entityType: 'fieldwork_case_visit',
      entityId: visitId,
      activityId,
      laId: scope.activity.laId,
      after: { ...visit, childRef: sampleCase.childRef, inspector },
    });
    return visitId;
  });
  const visit = (await listCaseVisits(ctx.db, activityId, sampleCase.id)).find((v) => v.id === id);
  if (!visit) throw new AppError('INTERNAL');
  return visit;
}
