// Purges the child-level Annex A rows of every activity whose retention date has passed: rows
// and validation reports are deleted, import summaries (counts) kept, and the activity's
// pseudonym key destroyed, so the references left elsewhere (samples) can never be linked back.
// One transaction and one audit event per activity. Run by `triangulate annex-a purge-expired`.
import { writeAudit } from '../../data/audit-log.js';
import { listExpiredAnnexA, purgeAnnexA } from '../../data/repositories/annex-a.js';
import { findActivity } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { todayInEngland } from '../../clock.js';

export interface PurgedActivity {
  activityId: string;
  retainUntil: string;
  rowsDeleted: number;
  importsPurged: number;
}

export async function purgeExpiredAnnexA(
  ctx: UseCaseContext,
  input: { today?: string } = {},
): Promise<PurgedActivity[]> {
  if (!policies.purgeExpiredAnnexA(ctx.actor)) throw new AppError('FORBIDDEN');
  const today = input.today ?? todayInEngland();
  const expired = await listExpiredAnnexA(ctx.db, today);
  const out: PurgedActivity[] = [];
  for (const s of expired) {
    const activity = await findActivity(ctx.db, s.activityId);
    const result = await ctx.db.transaction().execute(async (trx) => {
      const r = await purgeAnnexA(trx, s.activityId);
      await writeAudit(trx, ctx.actor, {
        action: 'annex_a.purged',
        entityType: 'activity',
        entityId: s.activityId,
        activityId: s.activityId,
        laId: activity?.laId ?? null,
        before: null,
        after: { retainUntil: s.retainUntil, rowsDeleted: r.rows, importsPurged: r.imports },
        reason: `Retention date ${s.retainUntil} passed.`,
      });
      return r;
    });
    out.push({
      activityId: s.activityId,
      retainUntil: s.retainUntil,
      rowsDeleted: result.rows,
      importsPurged: result.imports,
    });
  }
  return out;
}
