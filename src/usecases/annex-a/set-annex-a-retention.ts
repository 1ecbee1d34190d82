// Changes the date after which an activity's Annex A child-level rows are purged.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findAnnexASettings, setAnnexARetainUntil } from '../../data/repositories/annex-a.js';
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const SetAnnexARetentionInput = z.object({
  activityId: z.string(),
  retainUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD'),
  reason: z.string().trim().min(1, 'Give a reason').max(2000),
});
export type SetAnnexARetentionInput = z.input<typeof SetAnnexARetentionInput>;

export async function setAnnexARetention(
  ctx: UseCaseContext,
  raw: SetAnnexARetentionInput,
): Promise<{ retainUntil: string }> {
  const input = SetAnnexARetentionInput.parse(raw);
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewAnnexA(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.importAnnexA(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  const settings = await findAnnexASettings(ctx.db, activity.id);
  if (!settings)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'activityId', reason: 'This activity has no Annex A yet.' }],
    });
  await ctx.db.transaction().execute(async (trx) => {
    await setAnnexARetainUntil(trx, activity.id, input.retainUntil);
    await writeAudit(trx, ctx.actor, {
      action: 'annex_a.retention_changed',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { retainUntil: settings.retainUntil },
      after: { retainUntil: input.retainUntil },
      reason: input.reason,
    });
  });
  return { retainUntil: input.retainUntil };
}
