// Change a meeting's record (regional staff of the LA's region): date within the same year,
// attendees, agenda, notes, actions. The version released to the LA changes only on release.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findMeeting, updateMeeting } from '../../data/repositories/engagement-meetings.js';
import { meetingYear, type EngagementMeeting } from '../../domain/self-evaluation/engagement.js';
import { AppError } from '../../errors.js';
import { now, todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { MeetingContentInput } from './meeting-content.js';
import { meetingToChange } from './scope.js';

export const UpdateEngagementMeetingInput = MeetingContentInput.extend({
  laId: z.string().max(200),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type UpdateEngagementMeetingInput = z.input<typeof UpdateEngagementMeetingInput>;

export async function updateEngagementMeeting(
  ctx: UseCaseContext,
  raw: UpdateEngagementMeetingInput,
): Promise<EngagementMeeting> {
  const { scope, input } = await meetingToChange(ctx, raw, UpdateEngagementMeetingInput);
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await findMeeting(trx, scope.la.id, input.year, { lock: true });
    if (!meeting) throw new AppError('NOT_FOUND');
    const problems: { field: string; reason: string }[] = [];
    if (meetingYear(input.meetingOn) !== meeting.year)
      problems.push({
        field: 'meetingOn',
        reason: `The date must stay in ${meeting.year}: record another year’s meeting on its own`,
      });
    if (input.meetingOn > todayInEngland())
      problems.push({ field: 'meetingOn', reason: 'The date must be today or earlier' });
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
    const updated = await updateMeeting(trx, meeting.id, {
      meetingOn: input.meetingOn,
      attendees: input.attendees,
      agenda: input.agenda ?? meeting.agenda,
      notes: input.notes,
      actions: input.actions,
      at: now(),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'engagement.updated',
      entityType: 'engagement_meeting',
      entityId: meeting.id,
      laId: scope.la.id,
      before: { meetingOn: meeting.meetingOn, actions: meeting.actions.length },
      after: { meetingOn: updated.meetingOn, actions: updated.actions.length },
    });
    return updated;
  });
}
