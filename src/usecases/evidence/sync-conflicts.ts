// The sync conflicts of the acting inspector in an activity: an edit made offline that met a newer
// version of the record. Both texts are kept; the inspector chooses theirs, the server's, or a
// merge of both, and the choice becomes a new version (or keeps the server's). Only the person
// whose device made the edit sees their conflicts; others answer NOT_FOUND.
import { z } from 'zod';
import { now } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import { fieldsOf, findEvidence } from '../../data/repositories/evidence.js';
import { insertEvidenceVersion, updateEvidence } from '../../data/repositories/evidence-writes.js';
import {
  findSyncConflict,
  listSyncConflicts,
  markSyncConflictResolved,
  type SyncConflict,
} from '../../data/repositories/offline-sync.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { reanchorCodings, staleVersion } from './edit-evidence.js';
import { evidenceText } from './record-evidence.js';

export type { SyncConflict };

export interface ConflictView extends SyncConflict {
  reference: string;
  /** The record's version now (newer than serverVersion if it changed again since). */
  currentVersion: number;
  currentText: string;
}

export async function listMySyncConflicts(
  ctx: UseCaseContext,
  activityId: string,
): Promise<SyncConflict[]> {
  const { activity } = await evidenceScope(ctx, activityId, 'read');
  if (ctx.actor.kind !== 'user') return [];
  return listSyncConflicts(ctx.db, activity.id, ctx.actor.userId);
}

export async function getSyncConflict(
  ctx: UseCaseContext,
  activityId: string,
  conflictId: string,
): Promise<ConflictView> {
  const { activity } = await evidenceScope(ctx, activityId, 'read');
  const conflict = await findSyncConflict(ctx.db, conflictId);
  if (
    !conflict ||
    conflict.activityId !== activity.id ||
    ctx.actor.kind !== 'user' ||
    conflict.userId !== ctx.actor.userId
  )
    throw new AppError('NOT_FOUND');
  const record = await findEvidence(ctx.db, conflict.evidenceId);
  if (!record) throw new AppError('NOT_FOUND');
  return {
    ...conflict,
    reference: record.reference,
    currentVersion: record.version,
    currentText: record.text,
  };
}

export const ResolveSyncConflictInput = z.object({
  activityId: z.string(),
  conflictId: z.string(),
  choice: z.enum(['mine', 'theirs', 'merged']),
  /** The merged text (for 'merged'). */
  text: z.string().optional(),
  /** The record's version the inspector saw on the page. */
  expectedVersion: z.number().int().min(1),
});
export type ResolveSyncConflictInput = z.input<typeof ResolveSyncConflictInput>;

export async function resolveSyncConflict(
  ctx: UseCaseContext,
  raw: ResolveSyncConflictInput,
): Promise<{ version: number }> {
  const input = ResolveSyncConflictInput.parse(raw);
  const seen = await getSyncConflict(ctx, input.activityId, input.conflictId);
  const { activity } = await evidenceScope(ctx, seen.activityId, 'write');
  if (seen.resolvedAt)
    throw new AppError('CONFLICT', { message: 'This conflict has already been resolved.' });
  const chosen =
    input.choice === 'mine'
      ? seen.deviceText
      : input.choice === 'theirs'
        ? null
        : evidenceText(input.text ?? '');
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const conflict = await findSyncConflict(trx, seen.id, { forUpdate: true });
    if (!conflict || conflict.resolvedAt)
      throw new AppError('CONFLICT', { message: 'This conflict has already been resolved.' });
    const current = await findEvidence(trx, conflict.evidenceId, { forUpdate: true });
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== input.expectedVersion)
      throw staleVersion(current, input.expectedVersion);
    let version = current.version;
    if (chosen !== null && chosen !== current.text) {
      version = current.version + 1;
      const fields = fieldsOf(current);
      await updateEvidence(trx, current.id, { text: chosen, fields, version, by });
      await insertEvidenceVersion(trx, {
        evidenceId: current.id,
        version,
        text: chosen,
        fields,
        by,
      });
      await reanchorCodings(trx, current, chosen, version);
    }
    await markSyncConflictResolved(trx, conflict.id, {
      resolution: input.choice,
      version,
      at: now(),
      byLabel: by.label,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'evidence.sync_conflict_resolved',
      entityType: 'evidence',
      entityId: current.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { version: current.version, text: current.text },
      after: {
        conflictId: conflict.id,
        resolution: input.choice,
        version,
        ...(version !== current.version ? { text: chosen } : {}),
      },
    });
    return { version };
  });
}
