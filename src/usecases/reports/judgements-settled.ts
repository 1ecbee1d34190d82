// Before a draft goes to the LA, and again before it is published: an activity with graded
// judgements needs them approved as final by quality assurance, and the draft's grade table must
// say what they say (a grade changed by the panel or the QAM after the draft was assembled would
// otherwise reach the LA, or the public, unchanged).
import { findJudgementSet } from '../../data/repositories/judgements.js';
import type { ReportDocument } from '../../domain/reports/types.js';
import { gradeMismatches } from '../../domain/reports/grades.js';
import { judgementsFor } from '../../domain/judgements/judgement-rules.js';
import { stageLabels } from '../../domain/judgements/stages.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import type { ReportScope } from './report-scope.js';
import { assembleFromSources } from './assemble-from-sources.js';

/** Why the draft's judgements are not settled (stage, grade table), as error details. */
export async function judgementsSettledProblems(
  ctx: UseCaseContext,
  scope: ReportScope,
  document: ReportDocument,
  doing: 'release' | 'publish' | 'sign off',
): Promise<{ message: string; details: { field: string; reason: string }[] } | null> {
  const { activity, framework } = scope;
  if (judgementsFor(framework, activity.activityType).length === 0) return null;
  const set = await findJudgementSet(ctx.db, activity.id);
  if (set.stage !== 'final')
    return {
      message: `The judgements are at the ${stageLabels[set.stage].toLowerCase()} stage. A draft is ${doing === 'release' ? 'released to the LA' : doing === 'publish' ? 'published' : 'signed off'} only once quality assurance has approved the judgements as final.`,
      details: [{ field: 'judgements', reason: `Judgements at ${stageLabels[set.stage]}` }],
    };
  const report = scope.report;
  const fresh = report ? await assembleFromSources(ctx, scope, report.templateKey) : null;
  const mismatches = fresh ? gradeMismatches(document, fresh.document) : [];
  if (mismatches.length === 0) return null;
  return {
    message:
      'The draft’s grade table does not match the final judgements. Update the grade table from the judgements (a new version), then check the narrative says the same.',
    details: mismatches.map((m) => ({
      field: 'grades',
      reason:
        m.kind === 'grade'
          ? `${m.label}: the draft says “${m.inDraft}”, the final judgement is “${m.now}”`
          : `The heading “${m.inDraft}” should now read “${m.now}”`,
    })),
  };
}

/** Throws REPORT_NOT_READY unless the judgements are final and the draft's grades match them. */
export async function assertJudgementsSettled(
  ctx: UseCaseContext,
  scope: ReportScope,
  document: ReportDocument,
  doing: 'release' | 'publish' | 'sign off',
): Promise<void> {
  const problem = await judgementsSettledProblems(ctx, scope, document, doing);
  if (problem) throw new AppError('REPORT_NOT_READY', problem);
}
