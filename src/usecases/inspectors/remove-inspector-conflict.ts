// Remove one of an inspector's conflicts of interest (recorded in error).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteConflict } from '../../data/repositories/inspectors.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { editableInspector, parse } from './inspector-scope.js';

export const RemoveInspectorConflictInput = z.object({
  inspector: z.string().trim().min(1).max(320),
  conflictId: z.string().trim().min(1).max(100),
});

export async function removeInspectorConflict(
  ctx: UseCaseContext,
  raw: z.input<typeof RemoveInspectorConflictInput>,
): Promise<{ removed: string }> {
  const input = parse(RemoveInspectorConflictInput, raw);
  const inspector = await editableInspector(ctx, input.inspector);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteConflict(trx, inspector.userId, input.conflictId)))
      throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'inspector.conflict_removed',
      entityType: 'inspector',
      entityId: inspector.userId,
      before: { id: input.conflictId },
    });
  });
  return { removed: input.conflictId };
}
