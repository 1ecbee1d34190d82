// Record an inspector's leave or training (dated, inclusive). Whoever may edit their profile; the
// inspector must have a profile first (absences belong to it).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertAbsence } from '../../data/repositories/inspectors.js';
import { actorLabel } from '../../domain/access/actor.js';
import { absenceKinds } from '../../domain/scheduling/inspector-profile.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { editableInspector, IsoDate, parse } from './inspector-scope.js';

/** The fields, without the cross-field check (the API's body schema omits the inspector). */
export const AddInspectorAbsenceFields = z.object({
  inspector: z.string().trim().min(1).max(320),
  kind: z.enum(absenceKinds, { error: 'Select leave, training or other' }),
  startsOn: IsoDate,
  endsOn: IsoDate,
  note: z.string().trim().max(500).nullable().default(null),
});

export const AddInspectorAbsenceInput = AddInspectorAbsenceFields.refine(
  (a) => a.endsOn >= a.startsOn,
  {
    path: ['endsOn'],
    message: 'The last day must be on or after the first',
  },
);
export type AddInspectorAbsenceInput = z.input<typeof AddInspectorAbsenceInput>;

export async function addInspectorAbsence(ctx: UseCaseContext, raw: AddInspectorAbsenceInput) {
  const input = parse(AddInspectorAbsenceInput, raw);
  const inspector = await editableInspector(ctx, input.inspector);
  if (!inspector.profile)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'inspector', reason: 'Set the inspector’s profile first' }],
    });
  const absence = {
    userId: inspector.userId,
    kind: input.kind,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    note: input.note || null,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertAbsence(trx, absence, actorLabel(ctx.actor));
    await writeAudit(trx, ctx.actor, {
      action: 'inspector.absence_added',
      entityType: 'inspector',
      entityId: inspector.userId,
      after: { id, kind: absence.kind, startsOn: absence.startsOn, endsOn: absence.endsOn },
    });
    return id;
  });
  return { id, ...absence };
}
