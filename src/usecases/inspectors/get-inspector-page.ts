// Everything one inspector's page shows: their profile, leave and training, conflicts of interest
// and load by week (when they have a profile), and the LAs of the register for the conflict form.
import { z } from 'zod';
import {
  listAbsences,
  listConflicts,
  type DatedAbsence,
  type DatedConflict,
  type InspectorListed,
} from '../../data/repositories/inspectors.js';
import { listLaChoices } from '../../data/repositories/local-authorities.js';
import type { InspectorLoad } from '../../domain/scheduling/inspector-load.js';
import type { UseCaseContext } from '../context.js';
import { inspectorScope, parse } from './inspector-scope.js';
import { loadsOf } from './inspector-loads.js';
import { WindowInput, windowStart } from './window.js';

export const InspectorPageInput = z.object({
  inspector: z.string().trim().min(1).max(320),
  ...WindowInput,
});

export interface InspectorPage {
  inspector: InspectorListed;
  absences: DatedAbsence[];
  conflicts: DatedConflict[];
  load: InspectorLoad | null;
  canEdit: boolean;
  laChoices: { id: string; name: string }[];
}

export async function getInspectorPage(
  ctx: UseCaseContext,
  raw: z.input<typeof InspectorPageInput>,
): Promise<InspectorPage> {
  const input = parse(InspectorPageInput, raw);
  const { inspector, canEdit } = await inspectorScope(ctx, input.inspector);
  const [absences, conflicts, loads, laChoices] = await Promise.all([
    listAbsences(ctx.db, [inspector.userId]),
    listConflicts(ctx.db, [inspector.userId]),
    inspector.profile
      ? loadsOf(ctx, [inspector.profile], windowStart(input.from), input.weeks)
      : Promise.resolve(null),
    canEdit ? listLaChoices(ctx.db) : Promise.resolve([]),
  ]);
  return {
    inspector,
    absences,
    conflicts,
    load: loads?.get(inspector.userId)?.load ?? null,
    canEdit,
    laChoices: laChoices.map((l) => ({ id: l.id, name: l.name })),
  };
}
