// The LA register: every current authority (or every one that existed on a date), searchable by
// name or code, filterable by Ofsted region and by the grade of its latest graded inspection.
import { z } from 'zod';
import { latestJudgements } from '../../data/repositories/inspection-history.js';
import { listLocalAuthorities } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions } from '../../domain/access/roles.js';
import { gradeKeys, judgementKeys } from '../../domain/history/types.js';
import { isCurrent, isValidOn } from '../../domain/las/la.js';
import { normaliseLaName } from '../../domain/las/names.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { toSummary, type LaSummary } from './la-views.js';

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
  const input = parsed.data;
  const all = await listLocalAuthorities(ctx.db, input.region ? { region: input.region } : {});
  const query = input.search ? normaliseLaName(input.search) : '';
  const code = input.search?.trim().toUpperCase() ?? '';
  const las = all.filter(
    (la) =>
      (input.includeFormer || (input.asAt ? isValidOn(la, input.asAt) : isCurrent(la))) &&
      policies.viewLa(ctx.actor, { id: la.id, region: la.ofstedRegion }) &&
      (!input.search ||
        normaliseLaName(la.name).includes(query) ||
        [
          la.id.toUpperCase(),
          la.gssCode,
          ...la.previousGssCodes,
          la.dfeCode,
          la.ofstedUrn,
        ].includes(code)),
  );
  const latest = await latestJudgements(ctx.db, {
    laIds: las.map((l) => l.id),
    ...(input.asAt ? { asAt: input.asAt } : {}),
    ...(input.publishedBy ? { publishedBy: input.publishedBy } : {}),
  });
  return las
    .map((la) => toSummary(la, latest.get(la.id)))
    .filter((s) => !input.grade || s.latestJudgement?.grades[input.judgement] === input.grade);
}
