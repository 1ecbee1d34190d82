import { z } from 'zod';
import { listCases as queryCases, type Case } from '../../data/repositories/cases.js';
import { caseAttributeCatalogue } from '../../domain/evidence/case-attributes.js';
import { caseKinds } from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const ListCasesInput = z.object({
  activityId: z.string(),
  kind: z.enum(caseKinds).optional(),
  /** Attribute equality, e.g. { cohort: 'child_protection' }. */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type ListCasesInput = z.input<typeof ListCasesInput>;

export interface CaseList {
  cases: Case[];
  /** The attributes each kind of case has (names, types, allowed values). */
  attributeCatalogue: ReturnType<typeof caseAttributeCatalogue>;
  canWrite: boolean;
}

export async function listCases(ctx: UseCaseContext, raw: ListCasesInput): Promise<CaseList> {
  const input = ListCasesInput.parse(raw);
  const { activity, canWrite } = await evidenceScope(ctx, input.activityId, 'read');
  const cases = await queryCases(ctx.db, {
    activityId: activity.id,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.attributes ? { attributes: input.attributes } : {}),
  });
  return { cases, attributeCatalogue: caseAttributeCatalogue(), canWrite };
}
