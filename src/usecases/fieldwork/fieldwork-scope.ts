// What every fieldwork use case does first: find the activity, check the actor may see (or edit)
// its fieldwork plan, and load the team's inspectors and the framework's fieldwork settings.
import {
  factsOf,
  findActivityWithTeamRole,
  listTeam,
  type Activity,
} from '../../data/repositories/activities.js';
import { policies, type ActivityFacts } from '../../domain/access/policies.js';
import {
  fieldworkRulesOf,
  planTeamRoles,
  type FieldworkRules,
} from '../../domain/fieldwork/vocabulary.js';
import { frameworkOf } from '../../domain/frameworks/installed.js';
import { AppError } from '../../errors.js';
import { findExpectations } from '../../data/repositories/fieldwork.js';
import type { Expectations } from '../../domain/fieldwork/progress.js';
import type { UseCaseContext } from '../context.js';

export interface FieldworkScope {
  activity: Activity;
  facts: ActivityFacts;
  canEdit: boolean;
  inspectors: Array<{ id: string; label: string }>;
  rules: FieldworkRules;
}

export async function fieldworkScope(
  ctx: UseCaseContext,
  activityId: string,
  need: 'read' | 'edit',
): Promise<FieldworkScope> {
  const found = await findActivityWithTeamRole(ctx.db, activityId, ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  const facts = factsOf(found.activity, found.teamRole);
  if (!policies.viewFieldworkPlan(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const canEdit = policies.editFieldworkPlan(ctx.actor, facts);
  if (need === 'edit' && !canEdit)
    throw new AppError('FORBIDDEN', {
      message:
        'Only the lead inspector changes the fieldwork plan, while the evidence base is open.',
    });
  const team = await listTeam(ctx.db, activityId);
  return {
    activity: found.activity,
    facts,
    canEdit,
    inspectors: team
      .filter((m) => planTeamRoles.includes(m.teamRole))
      .map((m) => ({ id: m.userId, label: m.displayName })),
    rules: fieldworkRulesOf(frameworkOf(found.activity)),
  };
}

/** Refuses a person who is not one of the team's inspectors. */
export function checkInspector(scope: FieldworkScope, id: string, field: string): string {
  const person = scope.inspectors.find((i) => i.id === id);
  if (!person)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field, value: id, reason: 'Choose an inspector on this activity’s team' }],
    });
  return person.label;
}

/** The expectations an activity has: the lead's, or the framework's defaults until set. */
export async function expectationsOf(
  ctx: UseCaseContext,
  scope: FieldworkScope,
): Promise<Expectations & { set: boolean }> {
  const e = await findExpectations(ctx.db, scope.activity.id);
  return e
    ? { ...e, set: true }
    : {
        remoteShareMaxPercent: scope.rules.defaultRemoteShareMaxPercent,
        minutesPerCase: scope.rules.defaultMinutesPerCase,
        observationMode: 'day_per_inspector',
        designatedObserverId: null,
        set: false,
      };
}
