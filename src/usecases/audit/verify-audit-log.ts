import { listAuditEvents } from '../../data/audit-log.js';
import { policies } from '../../domain/access/policies.js';
import { GENESIS_HASH, hashEvent } from '../../domain/audit/hash.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface AuditVerification {
  ok: boolean;
  eventsChecked: number;
  lastHash: string;
  /** The first event that fails, and why. */
  problem?: { seq: number; id: string; reason: string };
}

/** Recomputes the whole hash chain; any edited, inserted or deleted row breaks it. */
export async function verifyAuditLog(
  ctx: UseCaseContext,
  onProgress?: (checked: number) => void,
): Promise<AuditVerification> {
  if (!policies.viewAllAudit(ctx.actor)) throw new AppError('FORBIDDEN');
  let prev = GENESIS_HASH;
  let checked = 0;
  let afterSeq: number | undefined;
  for (;;) {
    const batch = await listAuditEvents(ctx.db, {
      order: 'asc',
      limit: 2000,
      ...(afterSeq !== undefined ? { afterSeq } : {}),
    });
    if (batch.length === 0) break;
    for (const e of batch) {
      if (e.prevHash !== prev) {
        return {
          ok: false,
          eventsChecked: checked,
          lastHash: prev,
          problem: {
            seq: e.seq,
            id: e.id,
            reason:
              'its previous-hash link does not match the event before it (an event was removed or inserted)',
          },
        };
      }
      const expected = hashEvent(prev, {
        id: e.id,
        occurredAt: e.occurredAt.toISOString(),
        actorId: e.actorId,
        actorLabel: e.actorLabel,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        activityId: e.activityId,
        laId: e.laId,
        before: e.before,
        after: e.after,
        reason: e.reason,
      });
      if (expected !== e.hash) {
        return {
          ok: false,
          eventsChecked: checked,
          lastHash: prev,
          problem: {
            seq: e.seq,
            id: e.id,
            reason: 'its content does not match its hash (the stored row was edited)',
          },
        };
      }
      prev = e.hash;
      checked++;
    }
    afterSeq = batch.at(-1)?.seq;
    onProgress?.(checked);
  }
  return { ok: true, eventsChecked: checked, lastHash: prev };
}
