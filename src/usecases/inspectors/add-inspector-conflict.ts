// Record an inspector's conflict of interest with an LA (worked in it, lives in it, other), with
// the dates it holds between (either open). Whoever may edit their profile.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertConflict } from '../../data/repositories/inspectors.js';
import { actorLabel } from '../../domain/access/actor.js';
import { conflictReasons } from '../../domain/scheduling/inspector-profile.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { findLa } from '../shared/find-la.js';
import { editableInspector, IsoDate, parse } from './inspector-scope.js';

/** The fields, without the cross-field check (the API's body schema omits the inspector). */
export const AddInspectorConflictFields = z.object({
  inspector: z.string().trim().min(1).max(320),
  laId: z.string().trim().min(1, 'Enter the local authority').max(200),
  reason: z.enum(conflictReasons, { error: 'Select why the inspector has a conflict' }),
  detail: z.string().trim().max(1_000).nullable().default(null),
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
});

export const AddInspectorConflictInput = AddInspectorConflictFields.refine(
  (c) => !c.from || !c.to || c.to >= c.from,
  {
    path: ['to'],
    message: 'The end must be on or after the start',
  },
);
export type AddInspectorConflictInput = z.input<typeof AddInspectorConflictInput>;

export async function addInspectorConflict(ctx: UseCaseContext, raw: AddInspectorConflictInput) {
  const input = parse(AddInspectorConflictInput, raw);
  const inspector = await editableInspector(ctx, input.inspector);
  if (!inspector.profile)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'inspector', reason: 'Set the inspector’s profile first' }],
    });
  const la = await findLa(ctx, input.laId).catch(() => {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'laId', reason: 'No local authority of that name or code' }],
    });
  });
  const conflict = {
    userId: inspector.userId,
    laId: la.id,
    reason: input.reason,
    detail: input.detail || null,
    from: input.from,
    to: input.to,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertConflict(trx, conflict, actorLabel(ctx.actor));
    await writeAudit(trx, ctx.actor, {
      action: 'inspector.conflict_added',
      entityType: 'inspector',
      entityId: inspector.userId,
      laId: la.id,
      after: { id, laId: la.id, reason: conflict.reason, from: conflict.from, to: conflict.to },
    });
    return id;
  });
  return { id, laName: la.name, ...conflict };
}
