// The 2019 review's tables (Tables 1, 2, 3, 4 and 7) recomputed from one source: Ofsted's
// published inspection history as stored, or Triangulate's own activities and engagement meetings
// (each counted only where the actor may see it). Aggregate figures, for those who plan and
// analyse inspection.
import { z } from 'zod';
import { loadLaRegister } from '../../data/repositories/local-authorities.js';
import {
  listActivityEngagements,
  listGradedOverall,
  listHistoryEngagements,
} from '../../data/repositories/review-tables.js';
import { policies } from '../../domain/access/policies.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { activityTypeLabels } from '../../domain/history/types.js';
import { reviewSources, yearStartMonths } from '../../domain/review-tables/engagements.js';
import { shapeEngagement } from '../../domain/review-tables/shape.js';
import {
  computeReviewTables as compute,
  type ReviewTables,
} from '../../domain/review-tables/tables.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const ComputeReviewTablesInput = z.object({
  source: z.enum(reviewSources).default('history'),
  /** 1: calendar years, as the review; 4: Ofsted's statistical year; 9: the academic year. */
  yearStartMonth: z.coerce
    .number()
    .int()
    .refine((m) => (yearStartMonths as readonly number[]).includes(m), 'must be 1, 4 or 9')
    .default(1),
  /** One year ("2018", or "2018-19" for years from April or September); every year when absent. */
  year: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/, 'must be a year such as 2018 or 2018-19')
    .optional(),
});
export type ComputeReviewTablesInput = z.input<typeof ComputeReviewTablesInput>;

export interface ReviewTablesResult extends ReviewTables {
  /** Activity types' labels, from the framework files, for display. */
  typeLabels: Record<string, string>;
}

function typeLabels(): Record<string, string> {
  const labels: Record<string, string> = { ...activityTypeLabels };
  for (const fw of frameworkRegistry().list())
    for (const a of fw.activityTypes) labels[a.key] ??= a.label;
  return labels;
}

export async function computeReviewTables(
  ctx: UseCaseContext,
  raw: ComputeReviewTablesInput = {},
): Promise<ReviewTablesResult> {
  if (!policies.viewReviewTables(ctx.actor)) throw new AppError('NOT_FOUND');
  const parsed = ComputeReviewTablesInput.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  }
  const { source, yearStartMonth, year } = parsed.data;
  const [stored, graded, register] = await Promise.all([
    source === 'history' ? listHistoryEngagements(ctx.db) : listActivityEngagements(ctx.db),
    listGradedOverall(ctx.db),
    loadLaRegister(ctx.db),
  ]);
  const visible =
    source === 'history'
      ? stored
      : stored.filter((s) =>
          policies.viewActivity(ctx.actor, {
            laId: s.laId,
            laRegion: s.laRegion,
            state: s.state ?? '',
            notifiedAt: s.notifiedAt,
            teamRole: null,
          }),
        );
  const registry = frameworkRegistry();
  const tables = compute({
    source,
    engagements: visible.map((s) => shapeEngagement(s, registry)),
    graded,
    las: register.all.map((l) => ({ id: l.id, validFrom: l.validFrom, validTo: l.validTo })),
    // Neither source records area SEND inspections: Table 3 says so instead of showing zeros.
    areaSend: null,
    yearStartMonth: yearStartMonth as 1 | 4 | 9,
    year: year ?? null,
  });
  return { ...tables, typeLabels: typeLabels() };
}
