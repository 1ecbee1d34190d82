import { z } from 'zod';
import { activityStates } from '../../../domain/activities/lifecycle.js';
import { addTeamMember, AddTeamMemberInput } from '../../../usecases/activities/add-team-member.js';
import { changeActivityState } from '../../../usecases/activities/change-activity-state.js';
import {
  createActivity,
  CreateActivityInput,
} from '../../../usecases/activities/create-activity.js';
import { getActivity } from '../../../usecases/activities/get-activity.js';
import {
  checkActivityPlan,
  CheckActivityPlanInput,
} from '../../../usecases/activities/check-activity-plan.js';
import { moveActivity, MoveActivityInput } from '../../../usecases/activities/move-activity.js';
import { listMyActivities } from '../../../usecases/activities/list-my-activities.js';
import { removeTeamMember } from '../../../usecases/activities/remove-team-member.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';
import { ActivitySchema, Ok, presentActivity } from './schemas.js';

const Detail = z.object({
  activity: ActivitySchema,
  typeLabel: z.string(),
  frameworkName: z.string(),
  team: z.array(z.object({ userId: z.string(), displayName: z.string(), teamRole: z.string() })),
  history: z.array(
    z.object({
      fromState: z.string().nullable(),
      toState: z.string(),
      reason: z.string().nullable(),
      changedBy: z.string().nullable(),
      changedAt: z.string(),
    }),
  ),
  can: z.object({
    manage: z.boolean(),
    viewAudit: z.boolean(),
    nextStates: z.array(z.string()),
    reschedule: z.boolean(),
  }),
});

const RuleCheckSchema = z.object({
  frameworkId: z.string(),
  allowed: z.boolean(),
  reasonNeeded: z.boolean(),
  end: z.string(),
  findings: z.array(
    z.object({
      rule: z.string(),
      label: z.string(),
      severity: z.enum(['hard', 'soft', 'advice']),
      detail: z.string(),
    }),
  ),
  notes: z.array(z.string()),
});

export const registerActivityApi: RouteModule = (app, ctx) => {
  const uc = (actor: Parameters<typeof listMyActivities>[0]['actor']) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
  });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities',
      summary: 'Activities the signed-in person may see',
      tag: 'activities',
      query: z.object({ laId: z.string().optional(), state: z.enum(activityStates).optional() }),
      response: z.object({ activities: z.array(ActivitySchema) }),
      handler: async ({ actor, query }) => {
        const list = await listMyActivities(uc(actor), {
          ...(query.laId ? { laId: query.laId } : {}),
          ...(query.state ? { states: [query.state] } : {}),
        });
        return { activities: list.map(presentActivity) };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id',
      summary: 'One activity with its team, state history and what you may do',
      tag: 'activities',
      response: Detail,
      handler: async ({ actor, params }) => {
        const d = await getActivity(uc(actor), params.id ?? '');
        return {
          activity: presentActivity(d.activity),
          typeLabel: d.typeLabel,
          frameworkName: d.frameworkName,
          team: d.team.map((t) => ({
            userId: t.userId,
            displayName: t.displayName,
            teamRole: t.teamRole,
          })),
          history: d.history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
          can: d.can,
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities',
      summary: 'Create (schedule) an activity',
      tag: 'activities',
      body: CreateActivityInput,
      response: ActivitySchema,
      handler: async ({ actor, body, reply }) => {
        const a = await createActivity(uc(actor), body);
        reply.status(201);
        return presentActivity(a);
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/plan-check',
      summary:
        'Check a planned activity against its framework’s scheduling rules without creating it (hard rules refuse; soft rules need a reason; advice is shown)',
      tag: 'activities',
      body: CheckActivityPlanInput,
      response: RuleCheckSchema,
      handler: async ({ actor, body }) => checkActivityPlan(uc(actor), body),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/dates',
      summary:
        'Move a planned (or deferred) activity to new dates, checked against the scheduling rules (ruleReason sets aside a soft rule)',
      tag: 'activities',
      body: MoveActivityInput.omit({ activityId: true }),
      response: ActivitySchema,
      handler: async ({ actor, params, body }) =>
        presentActivity(await moveActivity(uc(actor), { ...body, activityId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/state',
      summary:
        'Move an activity to another state (reason needed for side states and backward moves)',
      tag: 'activities',
      body: z.object({
        toState: z.enum(activityStates),
        reason: z.string().nullish(),
        expectedVersion: z.number().int().optional(),
      }),
      response: ActivitySchema,
      handler: async ({ actor, params, body }) =>
        presentActivity(
          await changeActivityState(uc(actor), { ...body, activityId: params.id ?? '' }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/team',
      summary: 'Add someone to the team (or change their team role)',
      tag: 'activities',
      body: AddTeamMemberInput.omit({ activityId: true }),
      response: Ok,
      handler: async ({ actor, params, body }) => {
        await addTeamMember(uc(actor), { ...body, activityId: params.id ?? '' });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'DELETE',
      path: '/api/v1/activities/:id/team/:userId',
      summary: 'Remove someone from the team',
      tag: 'activities',
      response: Ok,
      handler: async ({ actor, params }) => {
        await removeTeamMember(uc(actor), {
          activityId: params.id ?? '',
          userId: params.userId ?? '',
        });
        return { ok: true as const };
      },
    }),
  ]);
};
