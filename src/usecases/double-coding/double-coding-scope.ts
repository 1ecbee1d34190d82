// What the double-coding use cases share: the assignment, its activity and the actor's place in it
// (lead, coder). Reads the actor may not make answer NOT_FOUND.
import {
  factsOf,
  findActivityWithTeamRole,
  type Activity,
} from '../../data/repositories/activities.js';
import {
  findAssignment,
  type DoubleCodingAssignment,
} from '../../data/repositories/double-coding.js';
import type { ActivityFacts } from '../../domain/access/policies.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

/** The team roles that may code in a double coding (shadows and the QAM do not). */
export const CODING_ROLES: ReadonlySet<string> = new Set([
  'lead_inspector',
  'team_inspector',
  'regulatory_inspector',
  'education_inspector',
]);

export interface AssignmentScope {
  activity: Activity;
  facts: ActivityFacts;
  assignment: DoubleCodingAssignment;
  isCoder: boolean;
  /** Every coder has finished: the codings are no longer blind. */
  allFinished: boolean;
  lead: boolean;
}

export async function activityScope(ctx: UseCaseContext, activityId: string) {
  const found = await findActivityWithTeamRole(ctx.db, activityId, ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  const facts = factsOf(found.activity, found.teamRole);
  if (!policies.viewActivity(ctx.actor, facts) || !policies.viewEvidence(ctx.actor, facts))
    throw new AppError('NOT_FOUND');
  return { activity: found.activity, facts };
}

export async function assignmentScope(
  ctx: UseCaseContext,
  activityId: string,
  assignmentId: string,
): Promise<AssignmentScope> {
  const { activity, facts } = await activityScope(ctx, activityId);
  const assignment = await findAssignment(ctx.db, assignmentId);
  if (!assignment || assignment.activityId !== activity.id) throw new AppError('NOT_FOUND');
  const isCoder =
    ctx.actor.kind === 'user' &&
    assignment.coders.some((c) => c.userId === (ctx.actor as { userId: string }).userId);
  if (!policies.viewDoubleCoding(ctx.actor, facts, isCoder)) throw new AppError('NOT_FOUND');
  return {
    activity,
    facts,
    assignment,
    isCoder,
    allFinished: assignment.coders.every((c) => c.finishedAt !== null),
    lead: policies.leadDoubleCoding(ctx.actor, facts),
  };
}
