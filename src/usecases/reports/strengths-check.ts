// The strengths fed back at keeping-in-touch meetings against the current draft (Slough, seed
// 004): the reports area's own step, used by the strengths page and by the release, which is
// refused (STRENGTHS_UNACCOUNTED) while any strength is neither in the draft nor explained.
import { listFeedback } from '../../data/repositories/judgement-workflow.js';
import { listStrengthDecisions } from '../../data/repositories/practice-qa.js';
import { findReportVersion } from '../../data/repositories/reports.js';
import {
  fedBackStrengths,
  strengthProblems,
  trackStrengths,
  type TrackedStrength,
} from '../../domain/reports/fed-back-strengths.js';
import type { ReportDocument } from '../../domain/reports/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import type { ReportScope } from './report-scope.js';

export async function currentDraft(
  ctx: UseCaseContext,
  scope: ReportScope,
): Promise<ReportDocument | null> {
  if (!scope.report) return null;
  const v = await findReportVersion(ctx.db, scope.report.id, scope.report.currentVersion);
  return v?.document ?? null;
}

export async function strengthsCheck(
  ctx: UseCaseContext,
  scope: ReportScope,
  document?: ReportDocument | null,
): Promise<TrackedStrength[]> {
  const [entries, decisions, doc] = await Promise.all([
    listFeedback(ctx.db, scope.activity.id),
    listStrengthDecisions(ctx.db, scope.activity.id),
    document === undefined ? currentDraft(ctx, scope) : Promise.resolve(document),
  ]);
  return trackStrengths(fedBackStrengths(entries), doc, decisions);
}

/** STRENGTHS_UNACCOUNTED naming each strength neither in the draft nor explained. */
export function assertStrengthsAccounted(tracked: TrackedStrength[]): void {
  const problems = strengthProblems(tracked);
  if (problems.length)
    throw new AppError('STRENGTHS_UNACCOUNTED', {
      message: problems.join(' '),
      details: tracked
        .filter((t) => t.status === 'missing')
        .map((t) => ({
          field: `strength.${t.key}`,
          value: t.text,
          reason: 'Not in the draft and no reason given',
        })),
    });
}
