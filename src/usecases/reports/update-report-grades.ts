import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findReportVersion } from '../../data/repositories/reports.js';
import { gradeMismatches, withCurrentGrades } from '../../domain/reports/grades.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { reportScope, requireWriter } from './report-scope.js';
import { assembleFromSources } from './assemble-from-sources.js';
import { appendReportVersion, conflict } from './report-versions.js';
import type { SavedVersion } from './save-report-section.js';

export const UpdateReportGradesInput = z.object({
  activityId: z.string(),
  /** The version the writer is looking at; another save since then is a conflict. */
  baseVersion: z.coerce.number().int().min(1),
});
export type UpdateReportGradesInput = z.input<typeof UpdateReportGradesInput>;

/**
 * Brings the draft's grade table into line with the judgements as they are now (a new version,
 * unless nothing differs). The grade table is never edited by hand, so this is the only way a
 * grade changed after the draft was assembled reaches it.
 */
export async function updateReportGrades(
  ctx: UseCaseContext,
  raw: UpdateReportGradesInput,
): Promise<SavedVersion> {
  const input = UpdateReportGradesInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = requireWriter(scope);
  if (input.baseVersion !== report.currentVersion) throw conflict(report.currentVersion);
  const current = await findReportVersion(ctx.db, report.id, report.currentVersion);
  if (!current) throw new AppError('INTERNAL');
  const fresh = (await assembleFromSources(ctx, scope, report.templateKey)).document;
  const mismatches = gradeMismatches(current.document, fresh);
  if (mismatches.length === 0) return { version: report.currentVersion, changed: false };
  const table = current.document.sections.find((s) => s.content === 'grade_table');
  let next = 0;
  await ctx.db.transaction().execute(async (trx) => {
    next = await appendReportVersion(trx, report, {
      document: withCurrentGrades(current.document, fresh),
      kind: 'edited',
      sectionKey: table?.key ?? null,
      note: 'Grade table and headings updated from the judgements',
      by: actorRef(ctx.actor),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'report.grades_updated',
      entityType: 'report',
      entityId: report.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: {
        version: report.currentVersion,
        parts: mismatches.map((m) => ({ section: m.sectionKey, kind: m.kind, text: m.inDraft })),
      },
      after: {
        version: next,
        parts: mismatches.map((m) => ({ section: m.sectionKey, kind: m.kind, text: m.now })),
      },
    });
  });
  return { version: next, changed: true };
}
