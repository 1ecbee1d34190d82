// Records the children the LA audited recently (its own quality assurance), as a list of its
// child IDs: they are pseudonymised with the activity's Annex A key, so they match the Annex A
// rows, and replace the previous list. The draw treats them as a stratum of their own.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listLaAudits, replaceLaAudits } from '../../data/repositories/sampling.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { childRefsOf, loadPopulation, sampleScope } from './sample-scope.js';

export const RecordLaAuditsInput = z.object({
  activityId: z.string(),
  /** The LA's child IDs (or references C-…); blank entries are ignored. */
  childIds: z.array(z.string().max(100)).max(5000),
});
export type RecordLaAuditsInput = z.input<typeof RecordLaAuditsInput>;

/** Splits pasted text (one ID a line, or separated by commas, semicolons or tabs). */
export function splitChildIds(text: string): string[] {
  return text
    .split(/[\n\r,;\t]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function recordLaAudits(
  ctx: UseCaseContext,
  raw: RecordLaAuditsInput,
): Promise<{ recorded: number; inAnnexA: number; previous: number }> {
  const { activity } = await sampleScope(ctx, String(raw.activityId), 'edit');
  const parsed = RecordLaAuditsInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const ids = parsed.data.childIds.map((s) => s.trim()).filter(Boolean);
  const refs = [...new Set(await childRefsOf(ctx.db, activity.id, ids))].sort();
  const population = await loadPopulation(ctx.db, activity.id);
  const known = new Set(population?.cases.map((c) => c.childRef) ?? []);
  const inAnnexA = refs.filter((r) => known.has(r)).length;
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await listLaAudits(trx, activity.id);
    await replaceLaAudits(trx, activity.id, refs, by);
    await writeAudit(trx, ctx.actor, {
      action: 'sample.la_audits_recorded',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { count: before.length },
      after: { count: refs.length, inAnnexA, childRefs: refs },
    });
    return { recorded: refs.length, inAnnexA, previous: before.length };
  });
}
