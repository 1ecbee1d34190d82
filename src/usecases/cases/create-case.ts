import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findCase, insertCase, type Case } from '../../data/repositories/cases.js';
import { caseKinds } from '../../domain/evidence/vocabulary.js';
import { AppError, sqlState } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { checkAttributes } from './case-rules.js';

export const CreateCaseInput = z.object({
  activityId: z.string(),
  kind: z.enum(caseKinds),
  /** Pseudonymous: never a child's name. */
  reference: z.string().trim().min(1, 'Enter a reference').max(200),
  description: z.string().trim().max(5000).nullish(),
  attributes: z.record(z.string(), z.unknown()).default({}),
});
export type CreateCaseInput = z.input<typeof CreateCaseInput>;

export async function createCase(ctx: UseCaseContext, raw: CreateCaseInput): Promise<Case> {
  const input = CreateCaseInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'write');
  const attributes = checkAttributes(input.kind, input.attributes);
  const by = actorRef(ctx.actor);
  let id: string;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      const caseId = await insertCase(trx, {
        activityId: activity.id,
        kind: input.kind,
        reference: input.reference,
        description: input.description || null,
        attributes,
        createdBy: by,
      });
      await writeAudit(trx, ctx.actor, {
        action: 'case.created',
        entityType: 'case',
        entityId: caseId,
        activityId: activity.id,
        laId: activity.laId,
        after: { kind: input.kind, reference: input.reference, attributes },
      });
      return caseId;
    });
  } catch (err) {
    if (sqlState(err) === '23505')
      throw new AppError('ALREADY_EXISTS', {
        message: `There is already a ${input.kind} case with the reference ${input.reference}.`,
        cause: err,
      });
    throw err;
  }
  const c = await findCase(ctx.db, id);
  if (!c) throw new AppError('INTERNAL');
  return c;
}
