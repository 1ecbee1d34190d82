import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findReportVersion, listComments, listReleases } from '../../data/repositories/reports.js';
import { stateLabels } from '../../domain/activities/lifecycle.js';
import { AppError } from '../../errors.js';
import { applyStateChange } from '../activities/change-activity-state.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../evidence/evidence-access.js';
import { assertJudgementsSettled } from './judgements-settled.js';
import { reportScope, requireDraftReader } from './report-scope.js';
import { conflict } from './report-versions.js';
import { now } from '../../clock.js';

export const PublishReportInput = z.object({
  activityId: z.string(),
  /** The version the lead checked: exactly this one is published. */
  baseVersion: z.coerce.number().int().min(1),
});
export type PublishReportInput = z.input<typeof PublishReportInput>;

/**
 * Publishes the current version once every factual accuracy comment has a response. The
 * activity goes back from the factual accuracy check to quality assurance (the lifecycle's only
 * way out of it) and on to published, in one transaction; the published version never changes.
 */
export async function publishReport(
  ctx: UseCaseContext,
  raw: PublishReportInput,
): Promise<{ version: number }> {
  const input = PublishReportInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = requireDraftReader(scope);
  if (!scope.can.release) throw new AppError('FORBIDDEN');
  if (report.state === 'published') throw new AppError('REPORT_PUBLISHED');
  const { activity } = scope;
  const [releases, comments] = await Promise.all([
    listReleases(ctx.db, report.id),
    listComments(ctx.db, report.id),
  ]);
  if (releases.length === 0)
    throw new AppError('REPORT_NOT_READY', {
      message: 'Release the draft to the LA for its factual accuracy check before publishing.',
    });
  const open = comments.filter((c) => !c.response);
  if (open.length > 0)
    throw new AppError('REPORT_NOT_READY', {
      message: `${open.length} factual accuracy comment(s) have no response yet: answer every comment before publishing.`,
      details: open.map((c) => ({
        field: c.sectionKey,
        reason: `Comment from ${c.createdBy.label} has no response`,
      })),
    });
  if (activity.state !== 'factual_accuracy' && activity.state !== 'quality_assurance')
    throw new AppError('REPORT_NOT_READY', {
      message: `The activity is ${stateLabels[activity.state].toLowerCase()}: it can be published from the factual accuracy check or quality assurance.`,
    });
  if (input.baseVersion !== report.currentVersion) throw conflict(report.currentVersion);
  const version = await findReportVersion(ctx.db, report.id, report.currentVersion);
  if (!version) throw new AppError('INTERNAL');
  await assertJudgementsSettled(ctx, scope, version.document, 'publish');
  const by = actorRef(ctx.actor);
  const answered = comments.length;
  await ctx.db.transaction().execute(async (trx) => {
    let current = activity;
    if (current.state === 'factual_accuracy') {
      await applyStateChange(trx, ctx.actor, current, {
        toState: 'quality_assurance',
        reason: `Factual accuracy check closed: ${answered} comment(s), each answered.`,
        hasWrittenOutput: true,
        expectedVersion: current.version,
      });
      current = { ...current, state: 'quality_assurance', version: current.version + 1 };
    }
    await applyStateChange(trx, ctx.actor, current, {
      toState: 'published',
      reason: null,
      hasWrittenOutput: true,
      expectedVersion: current.version,
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
  });
  return { version: report.currentVersion };
}
