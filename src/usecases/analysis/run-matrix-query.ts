import { z } from 'zod';
import { matrixCounts } from '../../data/repositories/matrix-query.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { layOut, MatrixInput, resolveMatrix, type MatrixTable } from './matrix-spec.js';

export const RunMatrixQueryInput = z.object({ activityId: z.string(), ...MatrixInput });
export type RunMatrixQueryInput = z.input<typeof RunMatrixQueryInput>;

/**
 * Codes (or judgement areas) by methods, method families, evaluative direction, a case
 * attribute, coders, who recorded it or judgement areas: counts in every cell. Each cell opens
 * with getMatrixCell, which lists exactly what it counts.
 */
export async function runMatrixQuery(
  ctx: UseCaseContext,
  raw: RunMatrixQueryInput,
): Promise<MatrixTable> {
  const input = RunMatrixQueryInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const m = await resolveMatrix(ctx.db, activity, input);
  return layOut(m, await matrixCounts(ctx.db, m.spec));
}
