import { z } from 'zod';
import {
  codingKey,
  countCodings,
  listCodings as queryCodings,
  type Coding,
  type CodingFilter,
  type CodingKey,
} from '../../data/repositories/codings.js';
import { decodeCursor, encodeCursor, type PageInfo } from '../../domain/paging/cursor.js';
import {
  caseKinds,
  evidenceDirections,
  evidenceMethods,
} from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';

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
  /** Rows to skip (slow on big lists: prefer `after`). */
  offset: z.coerce.number().int().min(0).default(0),
  /** The `next` cursor of the previous page. */
  after: z.string().max(500).optional(),
});
export type ListCodingsInput = z.input<typeof ListCodingsInput>;

export interface CodingPage extends PageInfo {
  codings: Coding[];
}

/**
 * Coded passages filtered by code, coder, method, direction, area, date and case attribute, a page
 * at a time: the total of the filter and a cursor for the next page (keyset, so every page costs
 * the same however far into the list it is).
 */
export async function listCodings(ctx: UseCaseContext, raw: ListCodingsInput): Promise<CodingPage> {
  const input = ListCodingsInput.parse(raw);
  const cursor = input.after ? decodeCursor(input.after, 4) : null;
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const filter: CodingFilter = {
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
  };
  // One row more than asked says whether there is a next page without counting again.
  const rows = await queryCodings(ctx.db, {
    ...filter,
    limit: input.limit + 1,
    ...(cursor ? { after: cursor.key as CodingKey } : { offset: input.offset }),
  });
  const codings = rows.slice(0, input.limit);
  const more = rows.length > input.limit;
  const total =
    cursor?.total ??
    (!more && input.offset === 0 ? codings.length : await countCodings(ctx.db, filter));
  const last = codings.at(-1);
  return {
    codings,
    total,
    returned: codings.length,
    next: more && last ? encodeCursor({ key: codingKey(last), total }) : null,
  };
}
