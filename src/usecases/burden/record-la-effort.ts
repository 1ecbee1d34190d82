// The inspected LA records what the inspection cost it, by kind of work: link person hours and
// other staff days (each kind's line replaced when corrected; a line of zeros and no note is
// removed). One audit event per recording, with the lines before and after.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  deleteEffortLine,
  listEffortLines,
  upsertEffortLine,
} from '../../data/repositories/burden.js';
import { policies } from '../../domain/access/policies.js';
import { effortKinds, totalsOf } from '../../domain/burden/la-effort.js';
import { now } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { burdenScope } from './burden-scope.js';

const amount = z.coerce
  .number({ message: 'Enter a number' })
  .min(0, 'Enter 0 or more')
  .max(2000, 'Enter 2,000 or less');

export const RecordLaEffortInput = z.object({
  activityId: z.string().max(100),
  lines: z
    .array(
      z.object({
        kind: z.enum(effortKinds),
        linkPersonHours: amount,
        staffDays: amount,
        note: z.string().trim().max(2000).nullish(),
      }),
    )
    .min(1)
    .max(effortKinds.length),
});
export type RecordLaEffortInput = z.input<typeof RecordLaEffortInput>;

export async function recordLaEffort(ctx: UseCaseContext, raw: RecordLaEffortInput) {
  const parsed = RecordLaEffortInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({
        field: i.path.map(String).join('.'),
        reason: i.message,
      })),
    });
  const input = parsed.data;
  const { activity, facts } = await burdenScope(ctx, input.activityId);
  if (!policies.viewLaEffort(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.recordLaEffort(ctx.actor, facts))
    throw new AppError('FORBIDDEN', {
      message: 'Only the inspected local authority’s own users record its effort.',
    });
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await listEffortLines(trx, activity.id);
    for (const l of input.lines) {
      const note = l.note ? l.note : null;
      if (l.linkPersonHours === 0 && l.staffDays === 0 && !note)
        await deleteEffortLine(trx, activity.id, l.kind);
      else
        await upsertEffortLine(
          trx,
          activity.id,
          { kind: l.kind, linkPersonHours: l.linkPersonHours, staffDays: l.staffDays, note },
          { ...by, at: now() },
        );
    }
    const after = await listEffortLines(trx, activity.id);
    const brief = (ls: typeof after) =>
      ls.map((l) => ({ kind: l.kind, hours: l.linkPersonHours, days: l.staffDays }));
    await writeAudit(trx, ctx.actor, {
      action: 'burden.recorded',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: { lines: brief(before) },
      after: { lines: brief(after) },
    });
    return { lines: after, totals: totalsOf(after) };
  });
}
