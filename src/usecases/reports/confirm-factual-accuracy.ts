// The LA says it has no more factual accuracy comments on the released draft, so the check can
// close before the window ends once every comment is answered.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { confirmRelease, listReleases } from '../../data/repositories/report-reviews.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notifyTurn } from '../shared/turn-notifications.js';
import { reportScope } from './report-scope.js';

export const ConfirmFactualAccuracyInput = z.object({ activityId: z.string() });
export type ConfirmFactualAccuracyInput = z.input<typeof ConfirmFactualAccuracyInput>;

export async function confirmFactualAccuracy(
  ctx: UseCaseContext,
  raw: ConfirmFactualAccuracyInput,
): Promise<void> {
  const input = ConfirmFactualAccuracyInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = scope.report;
  const release = report ? (await listReleases(ctx.db, report.id)).at(-1) : undefined;
  if (!scope.can.comment || !report || !release) {
    if (scope.can.viewDraft && report) throw new AppError('FORBIDDEN');
    throw new AppError('NOT_FOUND');
  }
  if (report.state === 'published') throw new AppError('REPORT_PUBLISHED');
  if (release.closedAt || release.laConfirmed) return;
  await ctx.db.transaction().execute(async (trx) => {
    await confirmRelease(trx, release.id, actorRef(ctx.actor));
    await writeAudit(trx, ctx.actor, {
      action: 'report.la_confirmed',
      entityType: 'report',
      entityId: report.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      after: { round: release.round },
    });
    await notifyTurn(trx, ctx.actor, scope.activity, 'la_confirmed', ['qam']);
  });
}
