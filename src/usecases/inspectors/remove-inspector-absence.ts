// Remove one of an inspector's absences (recorded in error, or leave cancelled).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteAbsence } from '../../data/repositories/inspectors.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { editableInspector, parse } from './inspector-scope.js';

export const RemoveInspectorAbsenceInput = z.object({
  inspector: z.string().trim().min(1).max(320),
  absenceId: z.string().trim().min(1).max(100),
});

export async function removeInspectorAbsence(
  ctx: UseCaseContext,
  raw: z.input<typeof RemoveInspectorAbsenceInput>,
): Promise<{ removed: string }> {
  const input = parse(RemoveInspectorAbsenceInput, raw);
  const inspector = await editableInspector(ctx, input.inspector);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteAbsence(trx, inspector.userId, input.absenceId)))
      throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'inspector.absence_removed',
      entityType: 'inspector',
      entityId: inspector.userId,
      before: { id: input.absenceId },
    });
  });
  return { removed: input.absenceId };
}
