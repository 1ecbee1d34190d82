import { z } from 'zod';
import { listCodings as queryCodings, type Coding } from '../../data/repositories/codings.js';
import {
  caseKinds,
  evidenceDirections,
  evidenceMethods,
} from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../evidence/evidence-access.js';

const csv = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',').filter(Boolean)));

export const ListCodingsInput = z.object({
  activityId: z.string(),
  codeIds: csv.optional(),
  evidenceId: z.uuid().optional(),
  coderIds: csv.optional(),
  methods: csv.pipe(z.array(z.enum(evidenceMethods))).optional(),
  directions: csv.pipe(z.array(z.enum(evidenceDirections))).optional(),
  judgementArea: z.string().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  anchorStatus: csv.pipe(z.array(z.enum(['ok', 'moved', 'lost']))).optional(),
  /** Case attribute conditions, e.g. [{kind:'child', name:'cohort', value:'child_protection'}]. */
  attributes: z
    .array(
      z.object({
        kind: z.enum(caseKinds),
        name: z.string().min(1).max(100),
        value: z.union([z.string(), z.number(), z.boolean()]),
      }),
    )
    .optional(),
  limit: z.coerce.number().int().min(1).max(50_000).default(5_000),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListCodingsInput = z.input<typeof ListCodingsInput>;

/** Coded passages filtered by code, coder, method, direction, area, date and case attribute. */
export async function listCodings(ctx: UseCaseContext, raw: ListCodingsInput): Promise<Coding[]> {
  const input = ListCodingsInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  return queryCodings(ctx.db, {
    activityId: activity.id,
    ...(input.codeIds ? { codeIds: input.codeIds } : {}),
    ...(input.evidenceId ? { evidenceId: input.evidenceId } : {}),
    ...(input.coderIds ? { coderIds: input.coderIds } : {}),
    ...(input.methods ? { methods: input.methods } : {}),
    ...(input.directions ? { directions: input.directions } : {}),
    ...(input.judgementArea ? { judgementArea: input.judgementArea } : {}),
    ...(input.from ? { createdFrom: input.from } : {}),
    ...(input.to ? { createdTo: input.to } : {}),
    ...(input.anchorStatus ? { anchorStatus: input.anchorStatus } : {}),
    ...(input.attributes ? { attributes: input.attributes } : {}),
    limit: input.limit,
    offset: input.offset,
  });
}
