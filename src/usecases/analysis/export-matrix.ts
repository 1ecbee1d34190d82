import { z } from 'zod';
import { matrixCounts } from '../../data/repositories/matrix-query.js';
import { toCsv, writeXlsx } from '../../domain/files/index.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { exportFile, type ExportedFile } from './export-file.js';
import { layOut, MatrixInput, resolveMatrix, type MatrixTable } from './matrix-spec.js';

export const ExportMatrixInput = z.object({
  activityId: z.string(),
  ...MatrixInput,
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type ExportMatrixInput = z.input<typeof ExportMatrixInput>;

function sheet(t: MatrixTable, values: number[][], what: string): Array<Array<string | number>> {
  return [
    [what, ...t.columns.map((c) => c.label), 'Total'],
    ...t.rows.map((r, i) => [r.label, ...values[i]!, values[i]!.reduce((a, b) => a + b, 0)]),
    ['Total', ...t.columns.map((_, j) => values.reduce((a, row) => a + row[j]!, 0))],
  ];
}

/**
 * A matrix as CSV (the counts) or XLSX (the counts and the distinct records, one sheet each);
 * labels pass through the project's formula-injection-safe writers.
 */
export async function exportMatrix(
  ctx: UseCaseContext,
  raw: ExportMatrixInput,
): Promise<ExportedFile> {
  const input = ExportMatrixInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const m = await resolveMatrix(ctx.db, activity, input);
  const t = layOut(m, await matrixCounts(ctx.db, m.spec));
  const counts = sheet(
    t,
    t.counts,
    t.unit === 'coding references' ? 'Coding references' : 'Records',
  );
  const name = `matrix-${activity.id.slice(0, 8)}`;
  if (input.format === 'csv') return exportFile(`${name}.csv`, toCsv(counts));
  return exportFile(
    `${name}.xlsx`,
    writeXlsx([
      { name: t.unit === 'coding references' ? 'Coding references' : 'Records', rows: counts },
      ...(t.unit === 'coding references'
        ? [{ name: 'Evidence records', rows: sheet(t, t.records, 'Evidence records') }]
        : []),
    ]),
  );
}
