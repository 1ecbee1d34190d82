// Retires a vignette from the calibration bank: it is no longer offered for new exercises, but
// stays in the exercises that used it and in their figures (the row is kept, retired_at set).
// The bank's keepers only (as for adding one); retiring twice is refused as not found.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { retireVignette as retire } from '../../data/repositories/calibration.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { presentVignette, type VignetteView } from './calibration-scope.js';

export const RetireVignetteInput = z.object({ vignetteId: z.string().max(100) });

export async function retireVignette(
  ctx: UseCaseContext,
  raw: z.input<typeof RetireVignetteInput>,
): Promise<VignetteView & { retired: true }> {
  if (!policies.retireCalibrationVignette(ctx.actor)) throw new AppError('FORBIDDEN');
  const input = RetireVignetteInput.parse(raw);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await retire(trx, input.vignetteId);
    if (!v) throw new AppError('NOT_FOUND');
    await writeAudit(trx, ctx.actor, {
      action: 'calibration.vignette_retired',
      entityType: 'calibration_vignette',
      entityId: v.id,
      before: { title: v.title, retired: false },
      after: { retired: true },
    });
    return { ...presentVignette(v, true), retired: true as const };
  });
}
