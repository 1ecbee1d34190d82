import { z } from 'zod';
import { codebookEntries, recordsInScope } from '../../data/repositories/coding-query.js';
import { matrixCellItems } from '../../data/repositories/matrix-query.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { PageInput } from './analysis-input.js';
import { presentPassages, type Passage, type PresentedPassage } from './coding-query-engine.js';
import { MatrixInput, resolveMatrix } from './matrix-spec.js';

export const GetMatrixCellInput = z.object({
  activityId: z.string(),
  ...MatrixInput,
  /** The row, by position in the query's rows. */
  row: z.coerce.number().int().min(0),
  /** The column, by its key (a method, direction, attribute value...). */
  column: z.string().max(200),
  context: z.coerce.number().int().min(0).max(1000).default(120),
  ...PageInput,
});
export type GetMatrixCellInput = z.input<typeof GetMatrixCellInput>;

export interface MatrixCell {
  row: { key: string; label: string };
  column: string;
  unit: 'coding references' | 'evidence records';
  /** The same number the matrix shows in this cell. */
  total: number;
  limit: number;
  offset: number;
  passages: PresentedPassage[];
}

/** The passages (coding references) or records one matrix cell counts, with their context. */
export async function getMatrixCell(
  ctx: UseCaseContext,
  raw: GetMatrixCellInput,
): Promise<MatrixCell> {
  const input = GetMatrixCellInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const m = await resolveMatrix(ctx.db, activity, input);
  const row = m.rows[input.row];
  if (!row)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'row', value: String(input.row), reason: 'No such row in this matrix' }],
    });
  const items = await matrixCellItems(ctx.db, { ...m.spec, row: input.row, value: input.column });
  const page = items.slice(input.offset, input.offset + input.limit);
  const lengths = new Map(
    page.some((i) => i.start === null)
      ? (
          await recordsInScope(
            ctx.db,
            m.spec.evidence,
            page.map((i) => i.evidenceId),
          )
        ).map((r) => [r.id, r.length])
      : [],
  );
  const passages: Passage[] = page.map((i) => ({
    evidenceId: i.evidenceId,
    refNo: i.refNo,
    start: i.start ?? 0,
    end: i.end ?? lengths.get(i.evidenceId) ?? 0,
    wholeRecord: i.start === null,
    codeIds: i.codeId ? [i.codeId] : [],
  }));
  const names = new Map((await codebookEntries(ctx.db, activity.id)).map((c) => [c.id, c.name]));
  return {
    row,
    column: input.column,
    unit: m.unit,
    total: items.length,
    limit: input.limit,
    offset: input.offset,
    passages: await presentPassages(ctx.db, passages, names, {
      context: input.context,
      maxText: 2_000,
    }),
  };
}
