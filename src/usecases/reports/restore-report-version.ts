import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findReportVersion } from '../../data/repositories/reports.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { reportScope, requireWriter } from './report-scope.js';
import { appendReportVersion, conflict } from './report-versions.js';
import type { SavedVersion } from './save-report-section.js';

export const RestoreReportVersionInput = z.object({
  activityId: z.string(),
  version: z.coerce.number().int().min(1),
  baseVersion: z.coerce.number().int().min(1),
});
export type RestoreReportVersionInput = z.input<typeof RestoreReportVersionInput>;

/** Makes an earlier version current again, as a new version (history is never rewritten). */
export async function restoreReportVersion(
  ctx: UseCaseContext,
  raw: RestoreReportVersionInput,
): Promise<SavedVersion> {
  const input = RestoreReportVersionInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = requireWriter(scope);
  const old = await findReportVersion(ctx.db, report.id, input.version);
  if (!old) throw new AppError('NOT_FOUND');
  if (input.baseVersion !== report.currentVersion) throw conflict(report.currentVersion);
  let next = 0;
  await ctx.db.transaction().execute(async (trx) => {
    next = await appendReportVersion(trx, report, {
      document: old.document,
      kind: 'restored',
      restoredFrom: old.number,
      by: actorRef(ctx.actor),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'report.version_restored',
      entityType: 'report',
      entityId: report.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: { version: report.currentVersion },
      after: { version: next, restoredFrom: old.number },
    });
  });
  return { version: next, changed: true };
}
