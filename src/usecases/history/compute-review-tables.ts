// The 2019 review's tables (Tables 1, 2, 3, 4 and 7) recomputed from the stored inspection
// history and Triangulate's activities: aggregate figures, for those who analyse the history.
import { z } from 'zod';
import { loadLaRegister } from '../../data/repositories/local-authorities.js';
import { listGradedOverall, listTableEvents } from '../../data/repositories/review-tables.js';
import { policies } from '../../domain/access/policies.js';
import {
  computeReviewTables as compute,
  type ReviewTables,
} from '../../domain/history/review-tables.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const ComputeReviewTablesInput = z.object({
  /** 1: calendar years, as the review; 4: Ofsted's statistical year from April. */
  yearStartMonth: z.coerce
    .number()
    .int()
    .refine((m) => m === 1 || m === 4, 'must be 1 or 4')
    .default(1),
});
export type ComputeReviewTablesInput = z.input<typeof ComputeReviewTablesInput>;

export async function computeReviewTables(
  ctx: UseCaseContext,
  raw: ComputeReviewTablesInput = {},
): Promise<ReviewTables> {
  if (!policies.analyseHistory(ctx.actor)) throw new AppError('NOT_FOUND');
  const parsed = ComputeReviewTablesInput.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  }
  const [events, graded, register] = await Promise.all([
    listTableEvents(ctx.db),
    listGradedOverall(ctx.db),
    loadLaRegister(ctx.db),
  ]);
  return compute({
    events,
    graded,
    las: register.all.map((l) => ({ id: l.id, validFrom: l.validFrom, validTo: l.validTo })),
    settings: { yearStartMonth: parsed.data.yearStartMonth },
  });
}
