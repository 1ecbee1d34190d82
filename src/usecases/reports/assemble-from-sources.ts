// A draft assembled from the activity's template and everything it draws on as it is now: the
// facts, the judgements, the sample statement and the chosen vignettes. Used to start a draft,
// and to see whether a draft's parts made from the judgements are still what they say.
import { findActivityType } from '../../domain/frameworks/index.js';
import { assembleDraft } from '../../domain/reports/assemble.js';
import type { ImprovementInput, ReportDocument } from '../../domain/reports/types.js';
import type { UseCaseContext } from '../context.js';
import { reportFacts, type ReportScope } from './report-scope.js';
import {
  chosenVignettes,
  judgementsForReport,
  sampleStatementForReport,
} from './report-sources.js';

export interface Assembled {
  document: ReportDocument;
  counts: { judgements: number; vignettes: number; sampleStatement: boolean };
}

export async function assembleFromSources(
  ctx: UseCaseContext,
  scope: ReportScope,
  templateKey: string,
  improvements: ImprovementInput[] = [],
): Promise<Assembled> {
  const { activity, framework } = scope;
  const [facts, judgements, statement, vignettes] = await Promise.all([
    reportFacts(ctx, activity),
    judgementsForReport(ctx.db, scope),
    sampleStatementForReport(ctx.db, scope),
    chosenVignettes(ctx.db, activity.id),
  ]);
  const document = assembleDraft({
    framework,
    templateKey,
    facts,
    judgements,
    judgementKeys: findActivityType(framework, activity.activityType)?.judgements ?? [],
    statement,
    vignettes,
    improvements,
  });
  return {
    document,
    counts: {
      judgements: judgements.length,
      vignettes: vignettes.length,
      sampleStatement: statement !== null,
    },
  };
}
