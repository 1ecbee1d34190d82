// The team inspector's notes from the first day, captured on their device with no network (a home
// visit and a meeting room where it is not allowed) and synced that evening: three records and a
// coding of one of them, through the same sync use case as the web app's queue, so the audit log
// shows when each was written on the device and when it reached the server (issue 17). Synthetic.
import type { UserActor } from '../domain/access/actor.js';
import type { Activity } from '../domain/activities/activity.js';
import { judgementAreasOf } from '../domain/frameworks/installed.js';
import { cpLength } from '../domain/evidence/offsets.js';
import { listCodes } from '../usecases/coding/list-codes.js';
import type { UseCaseContext } from '../usecases/context.js';
import { syncOfflineBatch } from '../usecases/evidence/sync-offline-batch.js';

/** Counts other tests may rely on. */
export const DEMO_OFFLINE = { records: 3, codings: 1 };

const CODED = 'her words are written into the plan';

export async function seedDemoOffline(
  db: UseCaseContext['db'],
  activity: Activity,
  day: string,
  inspector: UserActor,
): Promise<void> {
  const ctx: UseCaseContext = { db, actor: inspector };
  const [, help = '', care = help] = judgementAreasOf(activity).map((a) => a.key);
  const { codes } = await listCodes(ctx, { activityId: activity.id });
  const criterion = codes.find(
    (c) =>
      c.isCodable && c.parentId && codes.find((p) => p.id === c.parentId)?.frameworkKey === care,
  );
  // Written through the afternoon and evening of the first day, synced at seeding time.
  const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;
  const visit =
    'Home visit with the social worker (no signal): the child showed me her room and said she feels safe with her foster carer; her words are written into the plan.';
  const operations = [
    {
      kind: 'record' as const,
      clientId: 'demo-offline-0001',
      writtenAt: at('14:05'),
      text: visit,
      fields: {
        method: 'practice_observation' as const,
        observedOn: day,
        caseRef: 'C-130',
        judgementAreas: [care],
        direction: 'strength' as const,
        childVoice: true,
        minutesSpent: 50,
      },
    },
    {
      kind: 'record' as const,
      clientId: 'demo-offline-0002',
      writtenAt: at('15:40'),
      text: 'Team meeting in the east locality (phones left outside): managers know which plans are overdue for review but the tracker is kept by hand.',
      fields: {
        method: 'meeting_observed' as const,
        observedOn: day,
        teamRef: 'Assessment East',
        locality: 'East',
        judgementAreas: [help],
        direction: 'mixed' as const,
      },
    },
    {
      kind: 'record' as const,
      clientId: 'demo-offline-0003',
      writtenAt: at('19:20'),
      text: 'Evening write-up: two of the four case discussions today named the child’s wishes without being asked; the other two needed prompting.',
      fields: {
        method: 'social_worker_discussion' as const,
        observedOn: day,
        judgementAreas: [help],
        direction: 'mixed' as const,
        childVoice: true,
      },
    },
    ...(criterion
      ? [
          {
            kind: 'coding' as const,
            clientId: 'demo-offline-0004',
            writtenAt: at('19:30'),
            recordClientId: 'demo-offline-0001',
            codeId: criterion.id,
            start: cpLength(visit.slice(0, visit.indexOf(CODED))),
            end: cpLength(visit.slice(0, visit.indexOf(CODED))) + cpLength(CODED),
          },
        ]
      : []),
  ];
  const { results } = await syncOfflineBatch(ctx, { activityId: activity.id, operations });
  const refused = results.filter((r) => r.status !== 'applied');
  if (refused.length)
    throw new Error(`The demo's offline sync was refused: ${JSON.stringify(refused)}`);
}
