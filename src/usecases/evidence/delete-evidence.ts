import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findEvidence, type EvidenceRecord } from '../../data/repositories/evidence.js';
import { markEvidenceDeleted } from '../../data/repositories/evidence-writes.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { whenText } from '../../domain/calendar/format.js';
import { staleVersion } from './edit-evidence.js';

export const DeleteEvidenceInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  evidenceId: z.string(),
  /** When given, refuse if someone changed the record since. */
  expectedVersion: z.number().int().min(1).optional(),
  reason: z.string().trim().max(2000).nullish(),
});
export type DeleteEvidenceInput = z.input<typeof DeleteEvidenceInput>;

/** Deletes a record reversibly: it and its codings leave every list until restored. */
export async function deleteEvidence(
  ctx: UseCaseContext,
  raw: DeleteEvidenceInput,
): Promise<EvidenceRecord> {
  const input = DeleteEvidenceInput.parse(raw);
  const found = foundInActivity(await findEvidence(ctx.db, input.evidenceId), input.activityId);
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findEvidence(trx, found.id, { forUpdate: true });
    if (!current) throw new AppError('NOT_FOUND');
    if (current.deleted)
      throw new AppError('CONFLICT', {
        message: `${current.reference} was already deleted by ${current.deleted.by.label} at ${whenText(current.deleted.at)}.`,
      });
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
      throw staleVersion(current, input.expectedVersion);
    await markEvidenceDeleted(trx, current.id, { by, reason: input.reason ?? null });
    await writeAudit(trx, ctx.actor, {
      action: 'evidence.deleted',
      entityType: 'evidence',
      entityId: current.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { reference: current.reference, version: current.version, deleted: false },
      after: { deleted: true },
      reason: input.reason ?? null,
    });
    const record = await findEvidence(trx, current.id);
    if (!record) throw new AppError('INTERNAL');
    return record;
  });
}
