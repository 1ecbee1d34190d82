// The contract the reports area reads (domain/judgements/report-input.ts): the framework's
// judgements for the activity's type, in framework order, as they stand now. Whoever may read
// the judgements may read this (policies.viewReportInput); never the LA, whose users read the
// published report and the moderation record instead of the team's reasoning. (The report's
// draft builds the same list: domain/judgements/report-judgements.ts.)
import { findJudgementSet, listJudgements } from '../../data/repositories/judgements.js';
import type { ReportJudgement } from '../../domain/judgements/report-input.js';
import { reportJudgementsOf } from '../../domain/judgements/report-judgements.js';
import type { UseCaseContext } from '../context.js';
import { judgementScope } from './judgement-access.js';

export async function getJudgementsForReport(
  ctx: UseCaseContext,
  input: { activityId: string },
): Promise<ReportJudgement[]> {
  const scope = await judgementScope(ctx, input.activityId, { reportInput: true });
  const id = scope.activity.id;
  const [set, records] = await Promise.all([
    findJudgementSet(ctx.db, id),
    listJudgements(ctx.db, id),
  ]);
  return reportJudgementsOf(scope.fw, scope.activity.activityType, records, set.stage);
}
