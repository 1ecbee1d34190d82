// The contract the reports area reads (domain/judgements/report-input.ts): the framework's
// judgements for the activity's type, in framework order, as they stand now. Whoever may read
// the judgements may read this (policies.viewReportInput); never the LA, whose users read the
// published report and the moderation record instead of the team's reasoning.
import { gradeLabel } from '../../domain/frameworks/index.js';
import type { ReportJudgement } from '../../domain/judgements/report-input.js';
import type { UseCaseContext } from '../context.js';
import { judgementScope } from './judgement-access.js';
import { loadJudgementState } from './judgement-state.js';

export async function getJudgementsForReport(
  ctx: UseCaseContext,
  input: { activityId: string },
): Promise<ReportJudgement[]> {
  const scope = await judgementScope(ctx, input.activityId, { reportInput: true });
  const state = await loadJudgementState(ctx.db, scope);
  return state.rows.map((r) => {
    const rec = r.record;
    return {
      judgementKey: r.key,
      title: r.title,
      grade: rec?.grade ?? null,
      gradeLabel: rec?.grade ? gradeLabel(scope.fw, rec.grade) : null,
      position: rec?.position ?? null,
      nearness: rec?.nearness ?? '',
      context: rec?.context ?? '',
      narrative: rec?.narrative ?? '',
      criteriaMet: rec?.criteriaMet ?? [],
      criteriaNotMet: rec?.criteriaNotMet ?? [],
      state: state.set.stage,
    };
  });
}
