import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findEvidence, type EvidenceRecord } from '../../data/repositories/evidence.js';
import { restoreEvidenceRow } from '../../data/repositories/evidence-writes.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const RestoreEvidenceInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  evidenceId: z.string(),
  reason: z.string().trim().max(2000).nullish(),
});
export type RestoreEvidenceInput = z.input<typeof RestoreEvidenceInput>;

/** Brings a deleted record back, with its codings, exactly as it was. */
export async function restoreEvidence(
  ctx: UseCaseContext,
  raw: RestoreEvidenceInput,
): Promise<EvidenceRecord> {
  const input = RestoreEvidenceInput.parse(raw);
  const found = foundInActivity(await findEvidence(ctx.db, input.evidenceId), input.activityId);
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findEvidence(trx, found.id, { forUpdate: true });
    if (!current) throw new AppError('NOT_FOUND');
    if (!current.deleted)
      throw new AppError('CONFLICT', { message: `${current.reference} is not deleted.` });
    await restoreEvidenceRow(trx, current.id);
    await writeAudit(trx, ctx.actor, {
      action: 'evidence.restored',
      entityType: 'evidence',
      entityId: current.id,
      activityId: activity.id,
      laId: activity.laId,
      before: {
        deleted: true,
        deletedBy: current.deleted.by.label,
        deletedAt: current.deleted.at.toISOString(),
        deletedReason: current.deleted.reason,
      },
      after: { reference: current.reference, deleted: false },
      reason: input.reason ?? null,
    });
    const record = await findEvidence(trx, current.id);
    if (!record) throw new AppError('INTERNAL');
    return record;
  });
}
