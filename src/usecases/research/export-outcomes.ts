// Export an outcomes analysis (CSV: the counts by group; XLSX: those, the effect size with its
// interval, the definition and the statement). Runs, and so logs, the analysis.
import { z } from 'zod';
import { OutcomesDefinition } from '../../domain/research/definitions.js';
import {
  outcomesCsv,
  outcomesXlsx,
  type OutcomesTable,
} from '../../domain/research/outcomes-export.js';
import type { UseCaseContext } from '../context.js';
import { analyseOutcomes } from './analyse-outcomes.js';
import type { ResearchExport } from './export-study-results.js';

export const ExportOutcomesInput = z.object({
  definition: OutcomesDefinition,
  format: z.enum(['csv', 'xlsx']),
});
export type ExportOutcomesInput = z.input<typeof ExportOutcomesInput>;

export async function exportOutcomes(
  ctx: UseCaseContext,
  raw: ExportOutcomesInput,
): Promise<ResearchExport> {
  const input = ExportOutcomesInput.parse(raw);
  const a = await analyseOutcomes(ctx, input.definition);
  const table: OutcomesTable = {
    measureName: a.measureName,
    grades: a.grades,
    stats: a.stats,
    statement: a.statement,
    definition: a.definition,
    withoutValue: a.withoutValue,
  };
  const name = `outcomes-by-${a.definition.by}`;
  return input.format === 'csv'
    ? { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: outcomesCsv(table) }
    : {
        fileName: `${name}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: outcomesXlsx(table),
      };
}
