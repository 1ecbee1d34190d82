import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { closeOpenReleases, listComments } from '../../data/repositories/report-reviews.js';
import { markReportPublished } from '../../data/repositories/reports.js';
import { AppError } from '../../errors.js';
import { applyStateChange } from '../shared/activity-state.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { recordPublicationOutcome } from '../shared/outcome-intelligence.js';
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
 * published, the LA's history gains the inspection, its intelligence log the outcome and its risk
 * assessment a request for review, in one transaction; the published version never changes.
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
    await closeOpenReleases(trx, report.id, now());
    if (!(await markReportPublished(trx, report.id, report.currentVersion, by)))
      throw conflict(report.currentVersion);
    await writeAudit(trx, ctx.actor, {
      action: 'report.published',
      entityType: 'report',
      entityId: report.id,
      activityId: activity.id,
      laId: activity.laId,
      after: { version: report.currentVersion, rounds: releases.length, comments: answered },
    });
    // The LA's page: its history and latest grades now include this inspection.
    const publishedOn = dateInEngland(at);
    const { historyId, grades } = await recordPublishedInspection(trx, scope, publishedOn);
    // The LA's risk picture: the outcome is logged and the assessment becomes due for review.
    await recordPublicationOutcome(trx, ctx.actor, activity, historyId, publishedOn, grades);
  });
  return { version: report.currentVersion };
}
