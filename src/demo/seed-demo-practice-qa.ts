// The demo's practice QA (issue 17): the QAM's observation of the team inspector's practice on
// the demo inspection, with a rating per prompt, development points and no response yet, so the
// inspector's development record has something to acknowledge. Synthetic.
import type { UserActor } from '../domain/access/actor.js';
import type { Activity } from '../domain/activities/activity.js';
import type { UseCaseContext } from '../usecases/context.js';
import { recordPracticeObservation } from '../usecases/practice-qa/record-practice-observation.js';

export async function seedDemoPracticeQa(
  db: UseCaseContext['db'],
  activity: Activity,
  day: string,
  actorOf: (key: string) => UserActor,
): Promise<void> {
  await recordPracticeObservation(
    { db, actor: actorOf('qam') },
    {
      activityId: activity.id,
      inspector: actorOf('inspector').userId,
      observedOn: day,
      setting: 'Case discussion with a social worker about a child on a child protection plan',
      ratings: [
        {
          promptKey: 'depth_of_case_discussion',
          rating: 'effective',
          comment: 'Explored the impact of the plan on the child, not only its actions.',
        },
        {
          promptKey: 'use_of_childrens_voices',
          rating: 'developing',
          comment: 'Did not ask how the child’s wishes had shaped the plan.',
        },
        {
          promptKey: 'balance_of_strengths_and_weaknesses',
          rating: 'strong',
          comment: 'Named the strong direct work as clearly as the drift in reviews.',
        },
      ],
      developmentPoints:
        'Ask each social worker what the child has said and how it changed the plan, and record the answer in the evidence.',
    },
  );
}
