// An LA's engagement meetings, newest first: in full for the inspectorate (whoever reads its risk
// picture), only the released notes for the LA's own users (meetings not released are not listed).
import { z } from 'zod';
import { listMeetings } from '../../data/repositories/engagement-meetings.js';
import {
  releasedView,
  type EngagementMeeting,
  type ReleasedMeeting,
} from '../../domain/self-evaluation/engagement.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { laScope } from './scope.js';

export const ListEngagementMeetingsInput = z.object({ laId: z.string().max(200) });

export type EngagementMeetingList =
  | {
      view: 'full';
      la: { id: string; name: string };
      meetings: EngagementMeeting[];
      canWrite: boolean;
    }
  | { view: 'released'; la: { id: string; name: string }; meetings: ReleasedMeeting[] };

export async function listEngagementMeetings(
  ctx: UseCaseContext,
  raw: z.input<typeof ListEngagementMeetingsInput>,
): Promise<EngagementMeetingList> {
  const input = ListEngagementMeetingsInput.parse(raw);
  const scope = await laScope(ctx, input.laId);
  const la = { id: scope.la.id, name: scope.la.name };
  const meetings = await listMeetings(ctx.db, scope.la.id);
  if (scope.viewMeetings) return { view: 'full', la, meetings, canWrite: scope.writeMeetings };
  if (!scope.releasedOnly) throw new AppError('NOT_FOUND');
  return {
    view: 'released',
    la,
    meetings: meetings.map(releasedView).filter((m): m is ReleasedMeeting => m !== null),
  };
}
