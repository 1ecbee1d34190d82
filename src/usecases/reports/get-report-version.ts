import { findReportVersion, type ReportVersion } from '../../data/repositories/reports.js';
import { compareSections, type SectionChange } from '../../domain/reports/compare.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { reportScope, requireDraftReader } from './report-scope.js';

export interface ReportVersionView {
  activityId: string;
  activityTitle: string;
  laName: string;
  currentVersion: number;
  version: ReportVersion;
  /** With `compareWith`: what changed from that version to this one. */
  compared: { with: number; changes: SectionChange[] } | null;
  canRestore: boolean;
}

/** One version of the draft (team), optionally compared with another. */
export async function getReportVersion(
  ctx: UseCaseContext,
  input: { activityId: string; version: number; compareWith?: number | null },
): Promise<ReportVersionView> {
  const scope = await reportScope(ctx, input.activityId);
  const report = requireDraftReader(scope);
  const version = await findReportVersion(ctx.db, report.id, input.version);
  if (!version) throw new AppError('NOT_FOUND');
  let compared: ReportVersionView['compared'] = null;
  if (input.compareWith) {
    const other = await findReportVersion(ctx.db, report.id, input.compareWith);
    if (!other) throw new AppError('NOT_FOUND');
    compared = {
      with: other.number,
      changes: compareSections(other.document.sections, version.document.sections),
    };
  }
  return {
    activityId: scope.activity.id,
    activityTitle: scope.activity.title,
    laName: scope.activity.laName,
    currentVersion: report.currentVersion,
    version,
    compared,
    canRestore:
      scope.can.write && report.state !== 'published' && version.number !== report.currentVersion,
  };
}
