// Action plans, monitoring views and reform programmes over JSON. Access as the pages
// (policies.ts): the LA's own users write and submit; the region answers each version; the
// visit's lead records views; everyone who reads the plan reads; others get 404.
import { z } from 'zod';
import {
  addProgressUpdate,
  AddProgressUpdateInput,
} from '../../../usecases/action-plans/add-progress-update.js';
import { getActionPlanVersion } from '../../../usecases/action-plans/get-action-plan-version.js';
import { getActionPlan } from '../../../usecases/action-plans/get-action-plan.js';
import { getMonitoringReview } from '../../../usecases/action-plans/get-monitoring-review.js';
import { listActionPlans } from '../../../usecases/action-plans/list-action-plans.js';
import { listReformProgrammes } from '../../../usecases/action-plans/list-reform-programmes.js';
import {
  recordMonitoringView,
  RecordMonitoringViewInput,
} from '../../../usecases/action-plans/record-monitoring-view.js';
import { removePlanAction } from '../../../usecases/action-plans/remove-plan-action.js';
import { respondToActionPlan } from '../../../usecases/action-plans/respond-to-action-plan.js';
import {
  savePlanAction,
  SavePlanActionInput,
} from '../../../usecases/action-plans/save-plan-action.js';
import { saveReformProgramme } from '../../../usecases/action-plans/save-reform-programme.js';
import { submitActionPlan } from '../../../usecases/action-plans/submit-action-plan.js';
import {
  AnyObject,
  asObject,
  defineApiRoute,
  registerApiRoutes,
  useCaseContextOf,
} from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Obj = AnyObject;
const asObj = asObject;
const TAG = 'action-plans';
const P = '/api/v1/activities/:id/action-plan';
const ProgrammeBody = z.object({
  name: z.string(),
  aims: z.string(),
  startsOn: z.string(),
  endsOn: z.string().optional(),
  keywords: z.union([z.string(), z.array(z.string())]).optional(),
});

export const registerActionPlanApi: RouteModule = (app, ctx) => {
  const uc = useCaseContextOf(ctx);
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/action-plans',
      summary:
        "An LA's action plans: one per published inspection with items, and where each stands",
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await listActionPlans(uc(actor), { laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'GET',
      path: P,
      summary:
        'The plan of a published inspection: items with actions, progress, monitoring views (the LA its draft)',
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await getActionPlan(uc(actor), { activityId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${P}/items/:key/actions`,
      summary: 'Add an action to an item (or change one, with actionId): the LA’s own users',
      tag: TAG,
      body: SavePlanActionInput.omit({ activityId: true, itemKey: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(
          await savePlanAction(uc(actor), {
            ...body,
            activityId: params.id ?? '',
            itemKey: params.key ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'DELETE',
      path: `${P}/items/:key/actions/:actionId`,
      summary: 'Take an action out of the draft',
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) => {
        await removePlanAction(uc(actor), {
          activityId: params.id ?? '',
          itemKey: params.key ?? '',
          actionId: params.actionId ?? '',
        });
        return { removed: true };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${P}/items/:key/updates`,
      summary: 'Record dated progress on an item',
      tag: TAG,
      body: AddProgressUpdateInput.omit({ activityId: true, itemKey: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(
          await addProgressUpdate(uc(actor), {
            ...body,
            activityId: params.id ?? '',
            itemKey: params.key ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${P}/submissions`,
      summary: 'Submit the plan: the draft becomes the next version',
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await submitActionPlan(uc(actor), { activityId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${P}/versions/:version`,
      summary: 'One submitted version as it was, with changes since the one before',
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(
          await getActionPlanVersion(uc(actor), {
            activityId: params.id ?? '',
            version: params.version ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${P}/versions/:version/response`,
      summary: 'Acknowledge a version or return it with comments (regional staff, their region)',
      tag: TAG,
      body: z.object({
        decision: z.enum(['acknowledge', 'return']),
        comment: z.string().optional(),
      }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(
          await respondToActionPlan(uc(actor), {
            ...body,
            activityId: params.id ?? '',
            version: params.version ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/monitoring',
      summary: "A visit's review of the LA's plan: progress per item, the lead's views, a summary",
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await getMonitoringReview(uc(actor), { visitId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/monitoring/items/:key',
      summary: "Record the visit's view on one item (the lead): progress, no_progress or worse",
      tag: TAG,
      body: RecordMonitoringViewInput.omit({ visitId: true, itemKey: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(
          await recordMonitoringView(uc(actor), {
            ...body,
            visitId: params.id ?? '',
            itemKey: params.key ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/reform-programmes',
      summary: "The LA's reform programmes and the published reports' sentences that mention them",
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await listReformProgrammes(uc(actor), { laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/las/:id/reform-programmes',
      summary: 'Record a reform or improvement programme (the LA’s own users)',
      tag: TAG,
      body: ProgrammeBody,
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(await saveReformProgramme(uc(actor), { ...body, laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'PATCH',
      path: '/api/v1/las/:id/reform-programmes/:programmeId',
      summary: 'Change a reform or improvement programme',
      tag: TAG,
      body: ProgrammeBody,
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(
          await saveReformProgramme(uc(actor), {
            ...body,
            laId: params.id ?? '',
            programmeId: params.programmeId ?? '',
          }),
        ),
    }),
  ]);
};
