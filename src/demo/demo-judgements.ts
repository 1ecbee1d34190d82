// Demo judgements for the standard inspection: the lead's and a team inspector's provisional
// views (with some disagreement), the team's grades with nearness and context, and a
// keeping-in-touch meeting, so the judgements pages look real. Everything is synthetic.
import type { UserActor } from '../domain/access/actor.js';
import type { Activity } from '../domain/activities/activity.js';
import type { UseCaseContext } from '../usecases/context.js';
import { frameworkOf } from '../domain/frameworks/installed.js';
import { judgementsFor } from '../domain/judgements/judgement-rules.js';
import { addFeedbackEntry } from '../usecases/judgements/add-feedback-entry.js';
import { assignPanelMember } from '../usecases/judgements/assign-panel-member.js';
import { recordProvisionalView } from '../usecases/judgements/record-provisional-view.js';
import { setJudgement } from '../usecases/judgements/set-judgement.js';
import { DEMO_USERS } from './demo-content.js';
import { todayInEngland } from '../clock.js';

interface DemoJudgement {
  lead: string;
  inspector: string;
  grade: string;
  position: 'secure' | 'close_to_above' | 'close_to_below';
  nearness: string;
  narrative: string;
}

const DEMO: Record<string, DemoJudgement> = {
  impact_of_leaders: {
    lead: 'good',
    inspector: 'good',
    grade: 'good',
    position: 'secure',
    nearness: '',
    narrative:
      'Leaders know their services well. Their self-evaluation matches what inspectors found in most areas.',
  },
  help_and_protection: {
    lead: 'good',
    inspector: 'requires_improvement',
    grade: 'good',
    position: 'close_to_below',
    nearness:
      'Close to requires improvement: the front door is strong, but child protection plans drift for a minority of children.',
    narrative:
      'Most children get timely help. Decisions at the front door are timely and well informed. Strategy discussions are prompt and include partners.\n\nFor some children on plans, progress is slow and reviews repeat actions.',
  },
  children_in_care: {
    lead: 'good',
    inspector: 'good',
    grade: 'good',
    position: 'close_to_above',
    nearness:
      'Close to outstanding: stability and family time are strong; life-story work is uneven.',
    narrative:
      'Children live in stable homes and are helped to stay in touch with people who matter to them.',
  },
  care_leavers: {
    lead: 'requires_improvement',
    inspector: 'requires_improvement',
    grade: 'requires_improvement',
    position: 'secure',
    nearness: '',
    narrative: 'Pathway plans are not always written with young people and some are out of date.',
  },
};

/** Seeds the demo's judgements; quietly does nothing for a framework without these judgements. */
export async function seedDemoJudgements(
  db: UseCaseContext['db'],
  activity: Activity,
  actorOf: (key: string) => UserActor,
): Promise<void> {
  const activityId = activity.id;
  const keys = judgementsFor(frameworkOf(activity), activity.activityType).map((j) => j.key);
  const lead: UseCaseContext = { db, actor: actorOf('lead') };
  const inspector: UseCaseContext = { db, actor: actorOf('inspector') };
  for (const key of keys) {
    const d = DEMO[key];
    if (!d) continue;
    await recordProvisionalView(lead, { activityId, judgementKey: key, grade: d.lead });
    await recordProvisionalView(inspector, { activityId, judgementKey: key, grade: d.inspector });
    await setJudgement(lead, {
      activityId,
      judgementKey: key,
      expectedVersion: 0,
      grade: d.grade,
      position: d.position,
      nearness: d.nearness,
      context:
        'Northfield has high deprivation and a 20% rise in contacts this year; inspectors weighed outcomes against that demand.',
      narrative: d.narrative,
    });
  }
  const panel = DEMO_USERS.find((u) => u.key === 'panel');
  if (panel) await assignPanelMember(lead, { activityId, user: panel.email });
  // Held today (not on a day fixed from the inspection's start): the judgements above were just
  // recorded, and the divergence check compares their time with the feedback's day.
  const today = todayInEngland();
  await addFeedbackEntry(lead, {
    activityId,
    kind: 'keeping_in_touch',
    heldOn: today,
    present: 'Director of children’s services, head of safeguarding, lead inspector',
    summary: 'Early findings from the first days on site.',
    themes: [
      {
        judgementKey: 'help_and_protection',
        direction: 'strength' as const,
        text: 'Timely, well-informed decisions at the front door',
      },
      {
        judgementKey: 'care_leavers',
        direction: 'weakness' as const,
        text: 'Pathway plans are often out of date',
      },
    ].filter((t) => keys.includes(t.judgementKey)),
  });
}
