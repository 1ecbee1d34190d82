import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertTeamMeeting, type TeamMeeting } from '../../data/repositories/team-meetings.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { now, nowMs } from '../../clock.js';

export const RecordTeamMeetingInput = z.object({
  activityId: z.string(),
  kind: z.enum(['morning', 'evening', 'other']),
  /** When it was held (default: now). */
  heldAt: z.coerce.date().optional(),
  note: z.string().trim().max(2000).nullish(),
});
export type RecordTeamMeetingInput = z.input<typeof RecordTeamMeetingInput>;

/** Records that the team met (the team meeting view shows what arrived since). */
export async function recordTeamMeeting(
  ctx: UseCaseContext,
  raw: RecordTeamMeetingInput,
): Promise<TeamMeeting> {
  const input = RecordTeamMeetingInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'write');
  const heldAt = input.heldAt ?? now();
  if (heldAt.getTime() > nowMs() + 60 * 60 * 1000)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'heldAt', reason: 'Record a meeting once it has been held' }],
    });
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await insertTeamMeeting(trx, {
      activityId: activity.id,
      heldAt,
      kind: input.kind,
      note: input.note || null,
      by,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'team_meeting.recorded',
      entityType: 'team_meeting',
      entityId: meeting.id,
      activityId: activity.id,
      laId: activity.laId,
      after: { kind: input.kind, heldAt: heldAt.toISOString(), note: input.note ?? null },
    });
    return meeting;
  });
}
