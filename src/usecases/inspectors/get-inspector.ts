// One inspector's profile, leave and training, and conflicts of interest. Their home region's
// staff, national staff, admins and the inspector themselves (policies.viewInspectorProfile).
import { z } from 'zod';
import {
  listAbsences,
  listConflicts,
  type DatedAbsence,
  type DatedConflict,
  type InspectorListed,
} from '../../data/repositories/inspectors.js';
import type { UseCaseContext } from '../context.js';
import { inspectorScope, parse } from './inspector-scope.js';

export const GetInspectorInput = z.object({ inspector: z.string().trim().min(1).max(320) });

export interface InspectorDetail {
  inspector: InspectorListed;
  absences: DatedAbsence[];
  conflicts: DatedConflict[];
  canEdit: boolean;
}

export async function getInspector(
  ctx: UseCaseContext,
  raw: z.input<typeof GetInspectorInput>,
): Promise<InspectorDetail> {
  const input = parse(GetInspectorInput, raw);
  const { inspector, canEdit } = await inspectorScope(ctx, input.inspector);
  const [absences, conflicts] = await Promise.all([
    listAbsences(ctx.db, [inspector.userId]),
    listConflicts(ctx.db, [inspector.userId]),
  ]);
  return { inspector, absences, conflicts, canEdit };
}
