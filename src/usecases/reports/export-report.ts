import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findReportVersion } from '../../data/repositories/reports.js';
import { listReleases } from '../../data/repositories/report-reviews.js';
import { renderReportDocx, renderReportHtml, renderReportPdf } from '../../domain/reports/index.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { reportScope } from './report-scope.js';

export const REPORT_FORMATS = ['html', 'docx', 'pdf'] as const;

export const ExportReportInput = z.object({
  activityId: z.string(),
  format: z.enum(REPORT_FORMATS),
  /** Default: the published version, else (team) the current draft or (LA) the released one. */
  version: z.coerce.number().int().min(1).optional(),
});
export type ExportReportInput = z.input<typeof ExportReportInput>;

export interface ReportFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  version: number;
  published: boolean;
}

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A version of the report as a file; drafts are marked as such on the first page. */
export async function exportReport(
  ctx: UseCaseContext,
  raw: ExportReportInput,
): Promise<ReportFile> {
  const input = ExportReportInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = scope.report;
  if (!report) throw new AppError('NOT_FOUND');
  // Which versions this person may read: the team every one; the LA the released ones; anyone
  // who sees the activity the published one.
  const readable = new Set<number>();
  if (report.publishedVersion !== null) readable.add(report.publishedVersion);
  if (scope.can.comment)
    for (const r of await listReleases(ctx.db, report.id)) readable.add(r.versionNumber);
  const fallback = scope.can.viewDraft
    ? (report.publishedVersion ?? report.currentVersion)
    : (report.publishedVersion ?? Math.max(0, ...readable));
  const number = input.version ?? fallback;
  if (!scope.can.viewDraft && !readable.has(number)) throw new AppError('NOT_FOUND');
  const version = await findReportVersion(ctx.db, report.id, number);
  if (!version) throw new AppError('NOT_FOUND');
  const published = number === report.publishedVersion;
  const status = published
    ? undefined
    : `DRAFT, version ${number}: not for publication or circulation.`;
  const doc = version.document;
  const bytes =
    input.format === 'html'
      ? new TextEncoder().encode(renderReportHtml(doc, { status }))
      : input.format === 'docx'
        ? await renderReportDocx(doc, { status })
        : await renderReportPdf(doc, { status });
  await ctx.db.transaction().execute(async (trx) => {
    await writeAudit(trx, ctx.actor, {
      action: 'report.exported',
      entityType: 'report',
      entityId: report.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      after: { version: number, format: input.format, published },
    });
  });
  const slug = scope.activity.laName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    fileName: `${slug || 'report'}-${doc.templateKey.replace(/_/g, '-')}-v${number}${published ? '' : '-draft'}.${input.format}`,
    contentType: CONTENT_TYPES[input.format],
    bytes,
    version: number,
    published,
  };
}
