import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findCase, updateCaseIfVersion, type Case } from '../../data/repositories/cases.js';
import { AppError, sqlState } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { checkAttributes } from './case-rules.js';

export const UpdateCaseInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  caseId: z.string(),
  expectedVersion: z.number().int().min(1),
  reference: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  /** Replaces the attributes as a whole. */
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type UpdateCaseInput = z.input<typeof UpdateCaseInput>;

export async function updateCase(ctx: UseCaseContext, raw: UpdateCaseInput): Promise<Case> {
  const input = UpdateCaseInput.parse(raw);
  const found = foundInActivity(await findCase(ctx.db, input.caseId), input.activityId);
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  const attributes =
    input.attributes === undefined
      ? found.attributes
      : checkAttributes(found.kind, input.attributes);
  const next = {
    reference: input.reference ?? found.reference,
    description: input.description === undefined ? found.description : input.description || null,
    attributes,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await updateCaseIfVersion(trx, found.id, input.expectedVersion, next)))
        throw new AppError('CONFLICT', {
          message: `Case ${found.reference} was changed by someone else since you opened it. Reload and try again.`,
        });
      await writeAudit(trx, ctx.actor, {
        action: 'case.updated',
        entityType: 'case',
        entityId: found.id,
        activityId: activity.id,
        laId: activity.laId,
        before: {
          reference: found.reference,
          description: found.description,
          attributes: found.attributes,
        },
        after: next,
      });
    });
  } catch (err) {
    if (sqlState(err) === '23505')
      throw new AppError('ALREADY_EXISTS', {
        message: `There is already a ${found.kind} case with the reference ${next.reference}.`,
        cause: err,
      });
    throw err;
  }
  const c = await findCase(ctx.db, found.id);
  if (!c) throw new AppError('INTERNAL');
  return c;
}
