// Release a version of a meeting's notes to the LA (regional staff of its region): the text the
// LA may read (written for it: nothing confidential, no risk ratings) and the agreed actions. A
// second release replaces the LA's copy; the audit log keeps each.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findMeeting, releaseMeetingNotes } from '../../data/repositories/engagement-meetings.js';
import type { EngagementMeeting } from '../../domain/self-evaluation/engagement.js';
import { AppError } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { meetingToChange } from './scope.js';

export const ReleaseEngagementNotesInput = z.object({
  laId: z.string().max(200),
  year: z.coerce.number().int().min(2000).max(2100),
  notes: z.string().trim().min(1, 'Enter the notes to release to the local authority').max(100_000),
  /** Release the agreed actions with the notes (the default). */
  withActions: z.boolean().default(true),
});
export type ReleaseEngagementNotesInput = z.input<typeof ReleaseEngagementNotesInput>;

export async function releaseEngagementNotes(
  ctx: UseCaseContext,
  raw: ReleaseEngagementNotesInput,
): Promise<EngagementMeeting> {
  const { scope, input } = await meetingToChange(ctx, raw, ReleaseEngagementNotesInput);
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await findMeeting(trx, scope.la.id, input.year, { lock: true });
    if (!meeting) throw new AppError('NOT_FOUND');
    const released = await releaseMeetingNotes(trx, meeting.id, {
      notes: input.notes,
      actions: input.withActions ? meeting.actions : [],
      at: now(),
      byLabel: actorRef(ctx.actor).label,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'engagement.released',
      entityType: 'engagement_meeting',
      entityId: meeting.id,
      laId: scope.la.id,
      after: {
        year: meeting.year,
        release: released.released?.count ?? 1,
        actions: released.released?.actions.length ?? 0,
        notesLength: input.notes.length,
      },
    });
    return released;
  });
}
