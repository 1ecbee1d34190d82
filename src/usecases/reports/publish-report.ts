import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listComments } from '../../data/repositories/reports.js';
import { AppError } from '../../errors.js';
import { applyStateChange } from '../activities/change-activity-state.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notReady, reportReadiness } from './report-readiness.js';
import { recordPublishedInspection } from './record-published-inspection.js';
import { reportScope, requireDraftReader } from './report-scope.js';
import { conflict } from './report-versions.js';
import { now, dateInEngland } from '../../clock.js';

export const PublishReportInput = z.object({
  activityId: z.string(),
  /** The version the lead checked: exactly this one is published. */
  baseVersion: z.coerce.number().int().min(1),
});
export type PublishReportInput = z.input<typeof PublishReportInput>;

/**
 * Publishes the current version once the QAM has signed it off after the LA's factual accuracy
 * check (docs/reports.md lists every condition). The activity moves from quality assurance to
 * published, the LA's history gains the inspection, in one transaction; the published version
 * never changes.
 */
export async function publishReport(
  ctx: UseCaseContext,
  raw: PublishReportInput,
  at: Date = now(),
): Promise<{ version: number }> {
  const input = PublishReportInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = requireDraftReader(scope);
  if (!scope.can.release) throw new AppError('FORBIDDEN');
  if (report.state === 'published') throw new AppError('REPORT_PUBLISHED');
  const { activity } = scope;
  if (input.baseVersion !== report.currentVersion) throw conflict(report.currentVersion);
  const ready = await reportReadiness(ctx, scope, report, at);
  if (ready.publish.length) throw notReady('The report cannot be published yet', ready.publish);
  const { releases } = ready;
  const answered = (await listComments(ctx.db, report.id)).length;
  const by = actorRef(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    await applyStateChange(trx, ctx.actor, activity, {
      toState: 'published',
      reason: null,
      hasWrittenOutput: true,
      expectedVersion: activity.version,
    });
    await trx
      .updateTable('report_releases')
      .set({ closed_at: now() })
      .where('report_id', '=', report.id)
      .where('closed_at', 'is', null)
      .execute();
    const published = await trx
      .updateTable('reports')
      .set({
        state: 'published',
        published_version: report.currentVersion,
        published_at: now(),
        published_by: by.id,
        published_by_label: by.label,
        updated_at: now(),
      })
      .where('id', '=', report.id)
      .where('current_version', '=', report.currentVersion)
      .executeTakeFirst();
    if (Number(published.numUpdatedRows) !== 1) throw conflict(report.currentVersion);
    await writeAudit(trx, ctx.actor, {
      action: 'report.published',
      entityType: 'report',
      entityId: report.id,
      activityId: activity.id,
      laId: activity.laId,
      after: { version: report.currentVersion, rounds: releases.length, comments: answered },
    });
    // The LA's page: its history and latest grades now include this inspection.
    await recordPublishedInspection(trx, scope, dateInEngland(at));
  });
  return { version: report.currentVersion };
}
