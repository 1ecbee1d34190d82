// One inspector's load, week by week, with the activities behind each week and their time away.
// Whoever may read their profile (the inspector included).
import { z } from 'zod';
import type { InspectorProfile } from '../../data/repositories/inspectors.js';
import type { DatedAbsence } from '../../data/repositories/inspectors.js';
import type { InspectorLoad } from '../../domain/scheduling/inspector-load.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { inspectorScope, parse } from './inspector-scope.js';
import { loadsOf } from './inspector-loads.js';
import { WindowInput, windowStart } from './window.js';

export const InspectorLoadInput = z.object({
  inspector: z.string().trim().min(1).max(320),
  ...WindowInput,
});

export interface InspectorLoadView {
  profile: InspectorProfile;
  load: InspectorLoad;
  absences: DatedAbsence[];
  canEdit: boolean;
}

export async function getInspectorLoad(
  ctx: UseCaseContext,
  raw: z.input<typeof InspectorLoadInput>,
): Promise<InspectorLoadView> {
  const input = parse(InspectorLoadInput, raw);
  const { inspector, canEdit } = await inspectorScope(ctx, input.inspector);
  // Without a profile there is no working pattern to measure a load against.
  if (!inspector.profile)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'inspector', reason: 'The inspector has no profile yet' }],
    });
  const got = (await loadsOf(ctx, [inspector.profile], windowStart(input.from), input.weeks)).get(
    inspector.userId,
  )!;
  return { profile: inspector.profile, load: got.load, absences: got.absences, canEdit };
}
