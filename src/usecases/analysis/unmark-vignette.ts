import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { deleteVignette, findVignette } from '../../data/repositories/vignettes.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const UnmarkVignetteInput = z.object({ vignetteId: z.string(), activityId: ActivityInPath });
export type UnmarkVignetteInput = z.input<typeof UnmarkVignetteInput>;

/** The passage is no longer a candidate illustration (the audit log keeps what it was). */
export async function unmarkVignette(ctx: UseCaseContext, raw: UnmarkVignetteInput): Promise<void> {
  const input = UnmarkVignetteInput.parse(raw);
  const found = foundInActivity(await findVignette(ctx.db, input.vignetteId), input.activityId);
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  await ctx.db.transaction().execute(async (trx) => {
    await deleteVignette(trx, found.id);
    await writeAudit(trx, ctx.actor, {
      action: 'vignette.unmarked',
      entityType: 'vignette',
      entityId: found.id,
      activityId: activity.id,
      laId: activity.laId,
      before: {
        evidence: found.reference,
        start: found.start,
        end: found.end,
        text: found.spanText,
        status: found.status,
        title: found.title,
        reportText: found.reportText,
        note: found.note,
      },
    });
  });
}
