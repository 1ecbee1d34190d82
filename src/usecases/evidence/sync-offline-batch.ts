// Syncs a batch of operations a device captured offline (issue 17). Each operation carries the
// client id the device gave it: one already synced answers "duplicate" with what it did then, so a
// replayed batch (the network dropped before the answer arrived) changes nothing. The new ones are
// applied in one transaction; an edit from an older base version is kept as a conflict with both
// texts; an operation the server refuses (a missing code, a case not in the activity) answers
// "rejected" with the reason and is not applied, the others still are. Each applied operation's
// audit event carries when the device says it was written and when the server received it.
import { z } from 'zod';
import { now } from '../../clock.js';
import {
  findSyncedOperations,
  insertSyncedOperations,
  type SyncedOperation,
} from '../../data/repositories/offline-sync.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { finishBatch, openBatch } from './offline-batch.js';
import {
  applyCoding,
  applyEdit,
  applyRecord,
  OfflineOperation,
  type Applied,
  type BatchState,
} from './offline-operations.js';

export const SyncOfflineBatchInput = z.object({
  activityId: z.string(),
  operations: z.array(OfflineOperation).min(1).max(5000),
});
export type SyncOfflineBatchInput = z.input<typeof SyncOfflineBatchInput>;

export interface SyncItemResult {
  clientId: string;
  status: 'applied' | 'duplicate' | 'conflict' | 'rejected';
  evidenceId: string | null;
  codingId: string | null;
  /** The record's version after the operation (the server's, for a conflict). */
  version: number | null;
  conflictId: string | null;
  /** For a conflict: the server's text, which the device's edit did not overwrite. */
  serverText?: string;
  /** For a rejection: the error code and what to fix. */
  error?: { code: string; message: string; details: ErrorDetail[] };
}

export interface SyncOutcome {
  receivedAt: Date;
  results: SyncItemResult[];
}

export async function syncOfflineBatch(
  ctx: UseCaseContext,
  raw: SyncOfflineBatchInput,
): Promise<SyncOutcome> {
  const input = SyncOfflineBatchInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'write');
  if (ctx.actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const userId = ctx.actor.userId;
  const ids = new Set<string>();
  for (const op of input.operations) {
    ids.add(op.clientId);
    if (op.kind === 'coding' && op.recordClientId) ids.add(op.recordClientId);
  }
  const receivedAt = now();
  const results = await ctx.db.transaction().execute(async (trx) => {
    const synced = await findSyncedOperations(trx, userId, [...ids]);
    const state = await openBatch(
      { trx, actor: ctx.actor, userId, activity, receivedAt, synced },
      input.operations,
    );
    // Results are read once the batch is written: a coding's id comes with its row.
    const out: Array<() => SyncItemResult> = [];
    const rows: Array<{ row: SyncedOperation; applied: Applied }> = [];
    for (const op of input.operations) {
      const earlier = synced.get(op.clientId);
      if (earlier) {
        out.push(() => duplicateOf(earlier));
        continue;
      }
      let applied: Applied;
      try {
        applied = await apply(state, op);
      } catch (err) {
        if (!(err instanceof AppError) || err.code === 'INTERNAL') throw err;
        const rejected: SyncItemResult = {
          clientId: op.clientId,
          status: 'rejected',
          evidenceId: null,
          codingId: null,
          version: null,
          conflictId: null,
          error: { code: err.code, message: err.message, details: err.details },
        };
        out.push(() => rejected);
        continue;
      }
      const row: SyncedOperation = {
        clientId: op.clientId,
        kind: op.kind,
        outcome: applied.outcome,
        activityId: activity.id,
        evidenceId: applied.evidenceId,
        codingId: applied.codingId,
        conflictId: applied.conflictId,
        version: applied.version,
        writtenAt: new Date(op.writtenAt),
        receivedAt,
      };
      synced.set(op.clientId, row);
      rows.push({ row, applied });
      out.push(() => ({
        clientId: op.clientId,
        status: applied.outcome,
        evidenceId: applied.evidenceId,
        codingId: applied.codingId,
        version: applied.version,
        conflictId: applied.conflictId,
        ...(applied.serverText !== undefined ? { serverText: applied.serverText } : {}),
      }));
    }
    await finishBatch(state);
    for (const r of rows) r.row.codingId = r.applied.codingId;
    // A concurrent replay of the same batch got there first: roll back, the retry sees duplicates.
    if (
      !(await insertSyncedOperations(
        trx,
        userId,
        rows.map((r) => r.row),
      ))
    )
      throw new AppError('CONFLICT');
    return out.map((result) => result());
  });
  return { receivedAt, results };
}

function apply(state: BatchState, op: OfflineOperation): Promise<Applied> {
  switch (op.kind) {
    case 'record':
      return applyRecord(state, op);
    case 'edit':
      return applyEdit(state, op);
    case 'coding':
      return applyCoding(state, op);
  }
}

/** An operation seen before (in an earlier sync, or twice in this batch): what it did then. */
function duplicateOf(op: SyncedOperation): SyncItemResult {
  return {
    clientId: op.clientId,
    status: 'duplicate',
    evidenceId: op.evidenceId,
    codingId: op.codingId,
    version: op.version,
    conflictId: op.conflictId,
  };
}
