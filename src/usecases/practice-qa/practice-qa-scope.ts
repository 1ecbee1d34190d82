// The activity side of practice QA: the activity, the actor's facts, and the team members who may
// be observed, each with whether this actor may observe them. NOT_FOUND for people who may not
// read the activity's practice QA.
import { factsOf, findActivity, listTeam, teamRoleOf } from '../../data/repositories/activities.js';
import type { Activity } from '../../domain/activities/activity.js';
import { policies, type ActivityFacts } from '../../domain/access/policies.js';
import type { TeamRole } from '../../domain/access/roles.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface ObservableMember {
  userId: string;
  displayName: string;
  email: string;
  teamRole: TeamRole;
}

export interface PracticeQaScope {
  activity: Activity;
  facts: ActivityFacts;
  /** Team members this actor may observe. */
  observable: ObservableMember[];
}

export async function practiceQaScope(
  ctx: UseCaseContext,
  activityId: string,
): Promise<PracticeQaScope> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (
    !policies.viewActivity(ctx.actor, facts) ||
    !policies.viewActivityPracticeQa(ctx.actor, facts)
  )
    throw new AppError('NOT_FOUND');
  const team = await listTeam(ctx.db, activity.id);
  const observable = team
    .filter((m) => policies.observePractice(ctx.actor, facts, m))
    .map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      email: m.email,
      teamRole: m.teamRole,
    }));
  return { activity, facts, observable };
}
