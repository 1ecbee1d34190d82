import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertRelease, listReleases } from '../../data/repositories/report-reviews.js';
import { markReportReleased } from '../../data/repositories/reports.js';
import {
  DEFAULT_WINDOW_DAYS,
  factualAccuracyDeadline,
  MAX_WINDOW_DAYS,
} from '../../domain/reports/factual-accuracy.js';
import { AppError } from '../../errors.js';
import { applyStateChange } from '../shared/activity-state.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notifyTurn } from '../shared/turn-notifications.js';
import { notReady, reportReadiness } from './report-readiness.js';
import { reportScope, requireDraftReader } from './report-scope.js';
import { conflict } from './report-versions.js';
import { assertStrengthsAccounted, strengthsCheck } from './strengths-check.js';
import { now as clockNow, dateInEngland } from '../../clock.js';

export const ReleaseReportInput = z.object({
  activityId: z.string(),
  /** Working days the LA has to comment (bank holidays excluded). */
  windowDays: z.coerce.number().int().min(1).max(MAX_WINDOW_DAYS).default(DEFAULT_WINDOW_DAYS),
  /** The version the lead reviewed: exactly this one is frozen for the LA. */
  baseVersion: z.coerce.number().int().min(1),
});
export type ReleaseReportInput = z.input<typeof ReleaseReportInput>;

export interface ReleaseOutcome {
  round: number;
  version: number;
  releasedOn: string;
  deadline: string;
}

/**
 * Releases the current version to the LA for its factual accuracy check: the version is frozen
 * for this round, the LA's window opens, and the activity moves from quality assurance to the
 * factual accuracy check through the lifecycle's own rules.
 */
export async function releaseReport(
  ctx: UseCaseContext,
  raw: ReleaseReportInput,
  now: Date = clockNow(),
): Promise<ReleaseOutcome> {
  const input = ReleaseReportInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = requireDraftReader(scope);
  if (!scope.can.release) throw new AppError('FORBIDDEN');
  if (report.state === 'published') throw new AppError('REPORT_PUBLISHED');
  const { activity } = scope;
  if (input.baseVersion !== report.currentVersion) throw conflict(report.currentVersion);
  const ready = await reportReadiness(ctx, scope, report, now);
  if (ready.release.length) throw notReady('The draft cannot go to the LA yet', ready.release);
  // Slough (seed 004): each strength fed back on site is in the draft, or the lead said why not.
  assertStrengthsAccounted(await strengthsCheck(ctx, scope, ready.document));
  const round = (await listReleases(ctx.db, report.id)).length + 1;
  const releasedOn = dateInEngland(now);
  const deadline = factualAccuracyDeadline(releasedOn, input.windowDays);
  const by = actorRef(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    await applyStateChange(trx, ctx.actor, activity, {
      toState: 'factual_accuracy',
      reason: null,
      hasWrittenOutput: true,
      expectedVersion: activity.version,
    });
    const releaseId = await insertRelease(trx, {
      reportId: report.id,
      round,
      versionNumber: report.currentVersion,
      windowDays: input.windowDays,
      releasedOn,
      deadline,
      by,
      at: now,
    });
    if (!(await markReportReleased(trx, report.id, report.currentVersion, now)))
      throw conflict(report.currentVersion);
    await writeAudit(trx, ctx.actor, {
      action: 'report.released',
      entityType: 'report',
      entityId: report.id,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        round,
        releaseId,
        version: report.currentVersion,
        windowDays: input.windowDays,
        deadline,
      },
    });
    // The LA's turn; notifyTurn never reaches LA users before the activity's notification.
    await notifyTurn(trx, ctx.actor, activity, 'report_released', ['la_users']);
  });
  return { round, version: report.currentVersion, releasedOn, deadline };
}
