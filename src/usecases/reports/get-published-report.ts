import { findReportVersion } from '../../data/repositories/reports.js';
import type { ReportDocument } from '../../domain/reports/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { reportScope } from './report-scope.js';

export interface PublishedReport {
  activityId: string;
  activityTitle: string;
  laName: string;
  version: number;
  publishedAt: Date;
  publishedBy: string;
  document: ReportDocument;
}

/** The published report: anyone who may see the activity (LA users, researchers...) reads it. */
export async function getPublishedReport(
  ctx: UseCaseContext,
  activityId: string,
): Promise<PublishedReport> {
  const scope = await reportScope(ctx, activityId);
  const report = scope.report;
  if (!report?.published || report.publishedVersion === null) throw new AppError('NOT_FOUND');
  const version = await findReportVersion(ctx.db, report.id, report.publishedVersion);
  if (!version) throw new AppError('INTERNAL');
  return {
    activityId: scope.activity.id,
    activityTitle: scope.activity.title,
    laName: scope.activity.laName,
    version: version.number,
    publishedAt: report.published.at,
    publishedBy: report.published.by.label,
    document: version.document,
  };
}
