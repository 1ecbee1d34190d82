import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findReportVersion } from '../../data/repositories/reports.js';
import { splitSectionText } from '../../domain/reports/text.js';
import { isEditable } from '../../domain/reports/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { reportScope, requireWriter } from './report-scope.js';
import { appendReportVersion, conflict, withSectionText } from './report-versions.js';

export const SaveReportSectionInput = z.object({
  activityId: z.string(),
  sectionKey: z.string().max(200),
  /** Paragraphs separated by blank lines (list sections: one item per line). */
  text: z.string().max(100_000),
  /** The version the writer started from; another save since then is a conflict. */
  baseVersion: z.coerce.number().int().min(1),
});
export type SaveReportSectionInput = z.input<typeof SaveReportSectionInput>;

export interface SavedVersion {
  version: number;
  changed: boolean;
}

/** Replaces one section's text: a new version, unless nothing changed. */
export async function saveReportSection(
  ctx: UseCaseContext,
  raw: SaveReportSectionInput,
): Promise<SavedVersion> {
  const input = SaveReportSectionInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = requireWriter(scope);
  if (input.baseVersion !== report.currentVersion) throw conflict(report.currentVersion);
  const current = await findReportVersion(ctx.db, report.id, report.currentVersion);
  if (!current) throw new AppError('INTERNAL');
  const section = current.document.sections.find((s) => s.key === input.sectionKey);
  if (!section) throw new AppError('NOT_FOUND');
  if (!isEditable(section))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'text',
          reason: 'This section is made from the judgements and is not edited by hand',
        },
      ],
    });
  const paragraphs = splitSectionText(input.text, section.list);
  if (JSON.stringify(paragraphs) === JSON.stringify(section.paragraphs) && !section.reviewNeeded)
    return { version: report.currentVersion, changed: false };
  const document = withSectionText(current.document, section.key, paragraphs);
  let next = 0;
  await ctx.db.transaction().execute(async (trx) => {
    next = await appendReportVersion(trx, report, {
      document,
      kind: 'edited',
      sectionKey: section.key,
      ...(section.reviewNeeded ? { note: 'Reviewed after a grade changed' } : {}),
      by: actorRef(ctx.actor),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'report.section_saved',
      entityType: 'report',
      entityId: report.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      before: { version: report.currentVersion, paragraphs: section.paragraphs.length },
      after: { version: next, section: section.key, paragraphs: paragraphs.length },
    });
  });
  return { version: next, changed: true };
}
