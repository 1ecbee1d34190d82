// The LA register: every current authority (or every one that existed on a date), searchable by
// name or code, filterable by Ofsted region and by the grade of its latest graded inspection.
import { z } from 'zod';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions } from '../../domain/access/roles.js';
import { gradeKeys, judgementKeys } from '../../domain/history/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { listLaSummaries, type LaSummary } from '../shared/la-summaries.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');

/** Region names are matched without regard to case ("london" finds "London"). */
const region = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? (ofstedRegions.find((r) => r.toLowerCase() === v.trim().toLowerCase()) ?? v)
      : v,
  z.enum(ofstedRegions, { error: `Choose one of: ${ofstedRegions.join('; ')}` }),
);

export const ListLasInput = z.object({
  search: z.string().trim().max(100).optional(),
  region: region.optional(),
  /** Only authorities whose latest graded inspection gave this grade... */
  grade: z.enum(gradeKeys).optional(),
  /** ...for this judgement. */
  judgement: z.enum(judgementKeys).default('overall_effectiveness'),
  /** The register, and latest judgements among inspections started by this date (default: today). */
  asAt: isoDate.optional(),
  /** Count only inspections published by this date (as Ofsted's statistics do). */
  publishedBy: isoDate.optional(),
  /** Include authorities that no longer exist. */
  includeFormer: z.boolean().default(false),
});
export type ListLasInput = z.input<typeof ListLasInput>;

export async function listLas(ctx: UseCaseContext, raw: ListLasInput = {}): Promise<LaSummary[]> {
  if (!policies.viewLaRegister(ctx.actor)) throw new AppError('NOT_FOUND');
  const parsed = ListLasInput.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  }
  return listLaSummaries(ctx.db, ctx.actor, parsed.data);
}
