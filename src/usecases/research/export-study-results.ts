// Export a study's query results (CSV, or XLSX with the study's question and memos): the same
// suppressed counts the page shows. Logged as a query.
import { z } from 'zod';
import { listStudyMemos } from '../../data/repositories/research-studies.js';
import { resultCsv, resultXlsx } from '../../domain/research/export.js';
import { ResearchQuery } from '../../domain/research/query.js';
import type { UseCaseContext } from '../context.js';
import { runResearchQuery } from './run-research-query.js';
import { studyFor } from './study-scope.js';

export const ExportStudyResultsInput = z.object({
  studyId: z.string(),
  query: ResearchQuery.omit({ studyId: true }),
  format: z.enum(['csv', 'xlsx']),
});
export type ExportStudyResultsInput = z.input<typeof ExportStudyResultsInput>;

export interface ResearchExport {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
}

export async function exportStudyResults(
  ctx: UseCaseContext,
  raw: ExportStudyResultsInput,
): Promise<ResearchExport> {
  const input = ExportStudyResultsInput.parse(raw);
  const study = await studyFor(ctx, input.studyId);
  const result = await runResearchQuery(ctx, { ...input.query, studyId: study.id });
  const name = `research-${input.query.kind}`;
  if (input.format === 'csv')
    return {
      fileName: `${name}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: resultCsv(result),
    };
  const memos = await listStudyMemos(ctx.db, study.id);
  return {
    fileName: `${name}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: resultXlsx(result, {
      title: study.title,
      question: study.question,
      memos: memos.map((m) => ({ author: m.authorLabel, body: m.body })),
    }),
  };
}
