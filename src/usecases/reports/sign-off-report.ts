// The QAM signs off the exact current version: before it goes to the LA (the activity moves from
// drafting to quality assurance) and again after the LA's factual accuracy check (the check
// closes and the activity moves back to quality assurance, ready to publish). The lead releases
// and publishes only a version signed off since the latest release.
import { now as clockNow } from '../../clock.js';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { closeOpenReleases, insertSignoff } from '../../data/repositories/report-reviews.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import { applyStateChange } from '../shared/activity-state.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notifyTurn } from '../shared/turn-notifications.js';
import { notReady, reportReadiness } from './report-readiness.js';
import { reportScope, requireDraftReader } from './report-scope.js';
import { conflict } from './report-versions.js';

export const SignOffReportInput = z.object({
  activityId: z.string(),
  /** The version the QAM read: exactly this one is signed off. */
  baseVersion: z.coerce.number().int().min(1),
});
export type SignOffReportInput = z.input<typeof SignOffReportInput>;

export async function signOffReport(
  ctx: UseCaseContext,
  raw: SignOffReportInput,
  now: Date = clockNow(),
): Promise<{ version: number; purpose: 'release' | 'publication' }> {
  const input = SignOffReportInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = requireDraftReader(scope);
  if (!policies.signOffReport(ctx.actor, scope.facts))
    throw new AppError('FORBIDDEN', {
      message: 'Only the quality assurance manager signs off the report.',
    });
  if (report.state === 'published') throw new AppError('REPORT_PUBLISHED');
  if (input.baseVersion !== report.currentVersion) throw conflict(report.currentVersion);
  const ready = await reportReadiness(ctx, scope, report, now);
  if (ready.signOff.length) throw notReady('The report cannot be signed off yet', ready.signOff);
  const { activity } = scope;
  const reportId = report.id;
  const closed = ready.releases.length;
  await ctx.db.transaction().execute(async (trx) => {
    await insertSignoff(trx, {
      reportId,
      versionNumber: report.currentVersion,
      purpose: ready.purpose,
      by: actorRef(ctx.actor),
    });
    if (activity.state === 'drafting' || activity.state === 'factual_accuracy')
      await applyStateChange(trx, ctx.actor, activity, {
        toState: 'quality_assurance',
        reason:
          activity.state === 'factual_accuracy'
            ? `Factual accuracy check closed; version ${report.currentVersion} signed off.`
            : `Version ${report.currentVersion} signed off for release to the LA.`,
        hasWrittenOutput: true,
        expectedVersion: activity.version,
      });
    if (closed > 0) await closeOpenReleases(trx, reportId, now);
    await writeAudit(trx, ctx.actor, {
      action: 'report.signed_off',
      entityType: 'report',
      entityId: reportId,
      activityId: activity.id,
      laId: activity.laId,
      after: { version: report.currentVersion, purpose: ready.purpose },
    });
    const turn = ready.purpose === 'publication' ? 'text_signed_off' : 'draft_signed_off';
    await notifyTurn(trx, ctx.actor, activity, turn, ['lead']);
  });
  return { version: report.currentVersion, purpose: ready.purpose };
}
