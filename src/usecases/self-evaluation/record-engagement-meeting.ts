// Record a year's annual engagement meeting (regional staff of the LA's region), once it has been
// held: date, attendees, agenda (the proposed one when none is sent), notes and agreed actions.
// It is logged as intelligence of kind engagement meeting (not shared: the LA reads the notes
// only once released). One meeting per LA per year.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findMeeting,
  insertMeeting,
  listMeetings,
} from '../../data/repositories/engagement-meetings.js';
import { insertIntelligenceEntries } from '../../data/repositories/intelligence.js';
import { riskModel } from '../../domain/risk/installed.js';
import { meetingYear, type EngagementMeeting } from '../../domain/self-evaluation/engagement.js';
import { AppError } from '../../errors.js';
import { now, todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { MeetingContentInput, proposedAgenda } from './meeting-content.js';
import { laScope, validationError } from './scope.js';

export const RecordEngagementMeetingInput = MeetingContentInput.extend({
  laId: z.string().max(200),
});
export type RecordEngagementMeetingInput = z.input<typeof RecordEngagementMeetingInput>;

export async function recordEngagementMeeting(
  ctx: UseCaseContext,
  raw: RecordEngagementMeetingInput,
): Promise<EngagementMeeting> {
  const scope = await laScope(ctx, String(raw.laId ?? ''));
  if (!scope.viewMeetings) throw new AppError('NOT_FOUND');
  if (!scope.writeMeetings) throw new AppError('FORBIDDEN');
  const parsed = RecordEngagementMeetingInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const today = todayInEngland();
  if (input.meetingOn > today)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'meetingOn', reason: 'Record the meeting once it has been held' }],
    });
  const year = meetingYear(input.meetingOn);
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    if (await findMeeting(trx, scope.la.id, year))
      throw new AppError('CONFLICT', {
        message: `The ${year} engagement meeting with ${scope.la.name} is recorded already: change that record instead.`,
      });
    const earlier = (await listMeetings(trx, scope.la.id)).find(
      (m) => m.meetingOn <= input.meetingOn,
    );
    const proposal = await proposedAgenda(
      trx,
      scope.la.id,
      input.meetingOn,
      earlier?.meetingOn ?? null,
    );
    const model = riskModel({ onDate: input.meetingOn });
    const [entry] = await insertIntelligenceEntries(trx, [
      {
        laId: scope.la.id,
        kind: 'engagement_meeting',
        title: `Annual engagement meeting ${year}`,
        summary: input.actions
          .map((a) => a.action)
          .join('; ')
          .slice(0, 1000),
        source: `Regional team (${by.label})`,
        receivedOn: input.meetingOn,
        recordedBy: by.id,
        recordedByLabel: by.label,
        sensitivity: 'standard',
        sharedWithLa: false,
        domainKeys: model.domains
          .filter((d) => d.kinds.includes('engagement_meeting'))
          .map((d) => d.key),
      },
    ]);
    const meeting = await insertMeeting(trx, {
      laId: scope.la.id,
      year,
      meetingOn: input.meetingOn,
      attendees: input.attendees,
      agenda: input.agenda ?? proposal.items,
      notes: input.notes,
      actions: input.actions,
      selfEvaluationId: proposal.selfEvaluationId,
      intelligenceEntryId: entry!.id,
      by,
      at: now(),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'engagement.recorded',
      entityType: 'engagement_meeting',
      entityId: meeting.id,
      laId: scope.la.id,
      after: {
        year,
        meetingOn: meeting.meetingOn,
        attendees: meeting.attendees.length,
        agendaItems: meeting.agenda.length,
        actions: meeting.actions.length,
      },
    });
    return meeting;
  });
}
