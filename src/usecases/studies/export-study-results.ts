// A study's results as a file (CSV, XLSX or DOCX), recorded in the audit log.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { resultsCsv, resultsDocx, resultsXlsx } from '../../domain/reliability/export.js';
import type { UseCaseContext } from '../context.js';
import { getStudyResults } from './get-study-results.js';

export const ExportStudyResultsInput = z.object({
  studyId: z.string(),
  format: z.enum(['csv', 'xlsx', 'docx']),
});
export type ExportStudyResultsInput = z.input<typeof ExportStudyResultsInput>;

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export async function exportStudyResults(
  ctx: UseCaseContext,
  raw: ExportStudyResultsInput,
): Promise<{ filename: string; contentType: string; body: Uint8Array | string }> {
  const input = ExportStudyResultsInput.parse(raw);
  const { study, results } = await getStudyResults(ctx, input.studyId);
  const body =
    input.format === 'csv'
      ? resultsCsv(results)
      : input.format === 'xlsx'
        ? resultsXlsx(results)
        : await resultsDocx(study.title, results);
  await ctx.db.transaction().execute(async (trx) => {
    await writeAudit(trx, ctx.actor, {
      action: 'study.results_exported',
      entityType: 'reliability_study',
      entityId: study.id,
      after: { format: input.format },
    });
  });
  return {
    filename: `reliability-study-${study.id.slice(0, 8)}.${input.format}`,
    contentType: TYPES[input.format],
    body,
  };
}
