// A study's results for the national team: the tables in the format of Tables 5 and 6, agreement
// with the published grades and between pairs (src/domain/agreement), alignment of areas for
// improvement and a plain-language summary (src/domain/reliability/results.ts).
import { listEvidenceBases, listPairs } from '../../data/repositories/reliability.js';
import { studyResults, type StudyResults } from '../../domain/reliability/results.js';
import type { ReliabilityStudy } from '../../domain/reliability/types.js';
import type { UseCaseContext } from '../context.js';
import { baseFramework, managedStudy } from './study-scope.js';

export interface StudyResultsView {
  study: ReliabilityStudy;
  results: StudyResults;
}

export async function getStudyResults(
  ctx: UseCaseContext,
  studyId: string,
  opts: { resamples?: number } = {},
): Promise<StudyResultsView> {
  const study = await managedStudy(ctx, studyId);
  const [bases, pairs] = await Promise.all([
    listEvidenceBases(ctx.db, study.id),
    listPairs(ctx.db, study.id),
  ]);
  const first = bases[0];
  const grades = first ? baseFramework(first).grades : [];
  const results = studyResults({
    grades,
    ...(opts.resamples !== undefined ? { resamples: opts.resamples } : {}),
    bases: bases.map((b) => ({
      label: b.label,
      activityType: b.activityType,
      activityTypeLabel:
        ctx.catalog?.activityType(b.frameworkId, b.activityType)?.label ??
        b.activityType.replace(/_/g, ' '),
      judgements: baseFramework(b).judgements,
      publishedGrades: b.publishedGrades,
      publishedImprovements: b.publishedImprovements,
      pairs: pairs
        .filter((p) => p.evidenceBaseId === b.id)
        .map((p) => ({ label: p.label, review: p.review })),
    })),
  });
  return { study, results };
}
