// Takes a case out of the sample. A reason is required (it goes to the audit log and stays on
// the case's row); a child case the sample created is deleted when no evidence refers to it yet.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  deleteUnusedSampleCases,
  findSampleCase,
  markSampleCasesRemoved,
} from '../../data/repositories/sampling.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { sampleScope } from './sample-scope.js';

export const RemoveSampleCaseInput = z.object({
  activityId: z.string(),
  sampleCaseId: z.string(),
  reason: z.string().trim().min(1, 'Say why the case is taken out of the sample').max(2000),
});
export type RemoveSampleCaseInput = z.input<typeof RemoveSampleCaseInput>;

export async function removeSampleCase(
  ctx: UseCaseContext,
  raw: RemoveSampleCaseInput,
): Promise<{ removed: true; caseRecordDeleted: boolean }> {
  const { activity } = await sampleScope(ctx, String(raw.activityId), 'edit');
  const c = await findSampleCase(ctx.db, String(raw.sampleCaseId));
  if (!c || c.activityId !== activity.id) throw new AppError('NOT_FOUND');
  const parsed = RemoveSampleCaseInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  if (c.removedAt)
    throw new AppError('CONFLICT', { message: 'This case was already taken out of the sample.' });
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    await markSampleCasesRemoved(trx, [c.id], by, parsed.data.reason);
    const deleted = c.caseCreated && c.caseId ? await deleteUnusedSampleCases(trx, [c.caseId]) : [];
    await writeAudit(trx, ctx.actor, {
      action: 'sample.case_removed',
      entityType: 'sample_case',
      entityId: c.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { childRef: c.childRef, cohort: c.cohort, route: c.route, caseId: c.caseId },
      after: { caseRecordDeleted: deleted.length > 0 },
      reason: parsed.data.reason,
    });
    return { removed: true as const, caseRecordDeleted: deleted.length > 0 };
  });
}
