// The form to record a year's engagement meeting (with the proposed agenda), or to edit one
// (its agenda, and what is proposed now that it does not have yet).
import { z } from 'zod';
import { findMeeting, listMeetings } from '../../data/repositories/engagement-meetings.js';
import type { AgendaItem, EngagementMeeting } from '../../domain/self-evaluation/engagement.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { proposedAgenda } from './meeting-content.js';
import { laScope } from './scope.js';

export const GetEngagementFormInput = z.object({
  laId: z.string().max(200),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export interface EngagementForm {
  la: { id: string; name: string };
  meeting: EngagementMeeting | null;
  /** Proposed items not already on the agenda. */
  proposed: AgendaItem[];
  today: string;
}

export async function getEngagementForm(
  ctx: UseCaseContext,
  raw: z.input<typeof GetEngagementFormInput>,
): Promise<EngagementForm> {
  const parsed = GetEngagementFormInput.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  const scope = await laScope(ctx, parsed.data.laId);
  if (!scope.viewMeetings) throw new AppError('NOT_FOUND');
  const year = parsed.data.year;
  const meeting = year === undefined ? null : await findMeeting(ctx.db, scope.la.id, year);
  if (year !== undefined && !meeting) throw new AppError('NOT_FOUND');
  if (!scope.writeMeetings) throw new AppError('FORBIDDEN');
  const today = todayInEngland();
  const earlier = (await listMeetings(ctx.db, scope.la.id)).find(
    (m) => m.id !== meeting?.id && m.meetingOn <= (meeting?.meetingOn ?? today),
  );
  const { items } = await proposedAgenda(ctx.db, scope.la.id, today, earlier?.meetingOn ?? null);
  const have = new Set(meeting?.agenda.map((a) => a.text) ?? []);
  return {
    la: { id: scope.la.id, name: scope.la.name },
    meeting,
    proposed: items.filter((i) => !have.has(i.text)),
    today,
  };
}
