// The visit's lead records a view on progress against one item of the plan (progress, no
// progress, worse) with a short reason, and links evidence records of the visit that support it.
// Recording again replaces the view; the audit keeps each. Hidden from the LA until the visit is
// published.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listEvidence } from '../../data/repositories/evidence.js';
import { findVisitView, upsertVisitView } from '../../data/repositories/monitoring-views.js';
import { itemsFromReport } from '../../domain/action-plans/action-plan.js';
import {
  MONITORING_VIEWS,
  REASON_MAX,
  type MonitoringView,
} from '../../domain/action-plans/monitoring.js';
import { AppError } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { monitoringScope } from './monitoring-scope.js';
import { parseInput } from './scope.js';

export const RecordMonitoringViewInput = z.object({
  visitId: z.string().max(100),
  itemKey: z.string().max(100),
  view: z.enum(MONITORING_VIEWS, { message: 'Choose progress, no progress or worse' }),
  reason: z
    .string()
    .trim()
    .min(1, 'Say briefly why')
    .max(REASON_MAX, `Keep the reason to ${REASON_MAX} characters`),
  evidenceIds: z
    .array(z.string().uuid('Choose evidence records of this visit'))
    .max(50)
    .default([]),
});
export type RecordMonitoringViewInput = z.input<typeof RecordMonitoringViewInput>;

export async function recordMonitoringView(
  ctx: UseCaseContext,
  raw: RecordMonitoringViewInput,
): Promise<MonitoringView> {
  const scope = await monitoringScope(ctx, String(raw.visitId ?? ''));
  if (scope.closed) throw new AppError('MONITORING_CLOSED');
  if (!scope.can.record) throw new AppError('FORBIDDEN');
  if (!scope.plan) throw new AppError('NO_ACTION_PLAN');
  const input = parseInput(RecordMonitoringViewInput, raw);
  const plan = scope.plan;
  if (!itemsFromReport(plan.document).some((i) => i.key === input.itemKey))
    throw new AppError('NOT_FOUND', { message: `The plan has no item ${input.itemKey}.` });
  const evidenceIds = [...new Set(input.evidenceIds)];
  if (evidenceIds.length) {
    const found = await listEvidence(ctx.db, {
      activityId: scope.visit.id,
      ids: evidenceIds,
      excerptOnly: true,
    });
    if (found.length !== evidenceIds.length)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'evidenceIds', reason: 'Link only evidence records of this visit' }],
      });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findVisitView(trx, scope.visit.id, input.itemKey);
    const saved = await upsertVisitView(
      trx,
      {
        visitId: scope.visit.id,
        planActivityId: plan.activityId,
        itemKey: input.itemKey,
        view: input.view,
        reason: input.reason,
        evidenceIds,
      },
      actorRef(ctx.actor),
      now(),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'monitoring.view_recorded',
      entityType: 'monitoring_view',
      entityId: saved.id,
      activityId: scope.visit.id,
      laId: scope.visit.laId,
      before: before
        ? { view: before.view, reason: before.reason, evidenceIds: before.evidenceIds }
        : null,
      after: {
        planActivityId: plan.activityId,
        item: input.itemKey,
        view: input.view,
        reason: input.reason,
        evidenceIds,
      },
    });
    return saved;
  });
}
