import {
  factsOf,
  findActivity,
  listStateChanges,
  listTeam,
  teamRoleOf,
  type Activity,
  type StateChange,
  type TeamMember,
} from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import type { TeamRole } from '../../domain/access/roles.js';
import type { ActivityState } from '../../domain/activities/lifecycle.js';
import { manualNextStates } from '../../domain/activities/steps.js';
import { stepFactsOf } from './change-activity-state.js';
import { AppError } from '../../errors.js';
import { isPanelMember } from '../../data/repositories/judgement-workflow.js';
import { actorUserId } from '../../domain/access/actor.js';
import { requireCatalog, type UseCaseContext } from '../context.js';

export interface ActivityDetail {
  activity: Activity;
  typeLabel: string;
  frameworkName: string;
  team: TeamMember[];
  history: StateChange[];
  myTeamRole: TeamRole | null;
  /** The viewer sits on the consistency panel (reads the judgements, not the evidence). */
  panelMember: boolean;
  /** What the viewer may do, so views and clients do not re-implement the rules. */
  can: {
    manage: boolean;
    viewAudit: boolean;
    nextStates: ActivityState[];
    /** Code evidence in the coding workbench. */
    code: boolean;
    /** Move the planned dates (planned or deferred activities; checked against the rules). */
    reschedule: boolean;
  };
}

export async function getActivity(
  ctx: UseCaseContext,
  activityId: string,
): Promise<ActivityDetail> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const myTeamRole = await teamRoleOf(ctx.db, activity.id, ctx.actor);
  const panelMember = await isPanelMember(ctx.db, activity.id, actorUserId(ctx.actor));
  const facts = { ...factsOf(activity, myTeamRole), panelMember };
  if (!policies.viewActivity(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const catalog = requireCatalog(ctx);
  const type = catalog.activityType(activity.frameworkId, activity.activityType);
  const manage = policies.manageActivity(ctx.actor, facts);
  const [team, history] = await Promise.all([
    listTeam(ctx.db, activity.id),
    listStateChanges(ctx.db, activity.id),
  ]);
  return {
    activity,
    typeLabel: type?.label ?? activity.activityType,
    frameworkName: catalog.frameworkName(activity.frameworkId),
    team,
    history: policies.viewActivityHistory(ctx.actor) ? history : [],
    myTeamRole,
    panelMember,
    can: {
      manage,
      viewAudit: policies.viewActivityAudit(ctx.actor, facts),
      nextStates: manage ? manualNextStates(activity.state, await stepFactsOf(ctx, activity)) : [],
      code: policies.writeEvidence(ctx.actor, facts),
      reschedule:
        (activity.state === 'planned' || activity.state === 'deferred') &&
        policies.rescheduleActivity(ctx.actor, facts),
    },
  };
}
