// One year's engagement meeting: in full for the inspectorate, the released version for the LA's
// own users (NOT_FOUND until released: they never read the internal notes).
import { z } from 'zod';
import { findMeeting } from '../../data/repositories/engagement-meetings.js';
import {
  releasedView,
  type EngagementMeeting,
  type ReleasedMeeting,
} from '../../domain/self-evaluation/engagement.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { laScope } from './scope.js';

export const GetEngagementMeetingInput = z.object({
  laId: z.string().max(200),
  year: z.coerce.number().int().min(2000).max(2100),
});

export type EngagementMeetingView =
  | {
      view: 'full';
      la: { id: string; name: string };
      meeting: EngagementMeeting;
      canWrite: boolean;
    }
  | { view: 'released'; la: { id: string; name: string }; meeting: ReleasedMeeting };

export async function getEngagementMeeting(
  ctx: UseCaseContext,
  raw: z.input<typeof GetEngagementMeetingInput>,
): Promise<EngagementMeetingView> {
  const parsed = GetEngagementMeetingInput.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  const scope = await laScope(ctx, parsed.data.laId);
  const la = { id: scope.la.id, name: scope.la.name };
  const meeting = await findMeeting(ctx.db, scope.la.id, parsed.data.year);
  if (!meeting) throw new AppError('NOT_FOUND');
  if (scope.viewMeetings) return { view: 'full', la, meeting, canWrite: scope.writeMeetings };
  const released = scope.releasedOnly ? releasedView(meeting) : null;
  if (!released) throw new AppError('NOT_FOUND');
  return { view: 'released', la, meeting: released };
}
