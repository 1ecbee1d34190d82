// The activity's practice QA page: the prompts in force, the inspectors this actor may observe,
// and the observations they may read (the observer their own; national staff all of them).
import { todayInEngland } from '../../clock.js';
import { listActivityObservations } from '../../data/repositories/practice-qa.js';
import { policies } from '../../domain/access/policies.js';
import { describeRatings } from '../../domain/practice-qa/observations.js';
import { promptSet, type PromptSet } from '../../domain/practice-qa/prompts.js';
import type { UseCaseContext } from '../context.js';
import { practiceQaScope, type ObservableMember } from './practice-qa-scope.js';
import { z } from 'zod';

export const GetActivityPracticeQaInput = z.object({ activityId: z.string() });

export async function getActivityPracticeQa(
  ctx: UseCaseContext,
  raw: z.input<typeof GetActivityPracticeQaInput>,
) {
  const { activityId } = GetActivityPracticeQaInput.parse(raw);
  const scope = await practiceQaScope(ctx, activityId);
  const observations = (await listActivityObservations(ctx.db, scope.activity.id))
    .filter((o) =>
      policies.viewPracticeObservation(ctx.actor, {
        inspectorId: o.inspector.id,
        observerId: o.observer.id,
      }),
    )
    .map((o) => ({
      ...o,
      described: describeRatings(promptSet({ id: o.promptSetId }), o.ratings),
    }));
  const set: PromptSet = promptSet({ onDate: todayInEngland() });
  const canRecord =
    scope.observable.length > 0 &&
    (ctx.actor.kind === 'system' ||
      scope.facts.teamRole === 'qam' ||
      scope.facts.teamRole === 'lead_inspector');
  return {
    activity: {
      id: scope.activity.id,
      title: scope.activity.title,
      laName: scope.activity.laName,
      state: scope.activity.state,
    },
    promptSet: set,
    observable: scope.observable as ObservableMember[],
    observations,
    can: { record: canRecord },
  };
}
export type ActivityPracticeQa = Awaited<ReturnType<typeof getActivityPracticeQa>>;
