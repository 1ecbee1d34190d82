import { z } from 'zod';
import { listVignettes as listRows } from '../../data/repositories/vignettes.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { presentVignette, type VignetteView } from './vignette-view.js';

export const ListVignettesInput = z.object({
  activityId: z.string(),
  status: z.enum(['candidate', 'selected', 'rejected']).optional(),
  judgementArea: z.string().max(100).optional(),
});
export type ListVignettesInput = z.input<typeof ListVignettesInput>;

/** An activity's vignettes, each with a fresh anonymisation check. */
export async function listVignettes(
  ctx: UseCaseContext,
  raw: ListVignettesInput,
): Promise<VignetteView[]> {
  const input = ListVignettesInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const rows = await listRows(ctx.db, {
    activityId: activity.id,
    ...(input.status ? { status: input.status } : {}),
    ...(input.judgementArea ? { judgementArea: input.judgementArea } : {}),
  });
  return rows.map(presentVignette);
}
