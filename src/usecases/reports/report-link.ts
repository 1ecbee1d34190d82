import { listReleases } from '../../data/repositories/report-reviews.js';
import type { UseCaseContext } from '../context.js';
import { reportScope } from './report-scope.js';
import { AppError } from '../../errors.js';

export interface ReportLink {
  href: string;
  text: string;
}

/** Where the activity page's "Report" link leads for this person, if anywhere yet. */
export async function getReportLink(
  ctx: UseCaseContext,
  activityId: string,
): Promise<ReportLink | null> {
  // Someone who sees the activity but not its report (a consistency panel member) gets no link.
  const scope = await reportScope(ctx, activityId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!scope) return null;
  const base = `/activities/${scope.activity.id}/report`;
  const report = scope.report;
  if (scope.can.viewDraft)
    return { href: base, text: report ? 'Report: draft, versions and publication' : 'Report' };
  if (report?.state === 'published') return { href: `${base}/published`, text: 'Published report' };
  if (scope.can.comment && report && (await listReleases(ctx.db, report.id)).length > 0)
    return { href: `${base}/factual-accuracy`, text: 'Draft report: factual accuracy check' };
  return null;
}
